package ua.dnipro.contactcenter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.dnipro.contactcenter.classifier.ClassifierExamples;
import ua.dnipro.contactcenter.classifier.ClassifierExamples.RoutingExample;
import ua.dnipro.contactcenter.classifier.ClassifierExamples.TierExample;
import ua.dnipro.contactcenter.config.CalendarDuration;
import ua.dnipro.contactcenter.config.ContactCenterProperties;
import ua.dnipro.contactcenter.organisation.CityGroups;
import ua.dnipro.contactcenter.testing.ApplicationConfiguration;

/**
 * The classifier, table-driven: the analysts' example cases in decisions/*.examples.csv are run
 * against the shipped tables, every rule must be proven by at least one example, and the tables'
 * outputs must be departments and tiers that exist.
 */
class ComplaintRoutingTests {

  /** The 19 categories of the domain brief. */
  static final Set<String> CATEGORIES = Set.of("WATER", "LIFTS", "GREEN", "LIGHTING", "ROADS", "MANHOLES",
      "ANIMALS", "HOUSING", "STORM", "TRANSPORT", "HEATING", "POWER", "WASTE", "SNOW", "SHELTERS", "TRAFFIC",
      "YARDS", "TRADE", "OTHER");
  static final Set<String> TIERS = Set.of("EMERGENCY", "SHORT", "MEDIUM", "LONG");

  static final Set<String> matchedRules = new HashSet<>();
  static DmnEngine dmn;
  static DmnDecision routing;
  static DmnDecision slaTier;


  @BeforeAll
  static void parseTheShippedTables() throws IOException {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
      }
    }));
    dmn = configuration.buildEngine();
    try (InputStream in = resource("decisions/ComplaintRouting.dmn")) {
      routing = dmn.parseDecision("ComplaintRouting", in);
    }
    try (InputStream in = resource("decisions/SlaTier.dmn")) {
      slaTier = dmn.parseDecision("SlaTier", in);
    }
  }

  static Stream<RoutingExample> routingExamples() throws IOException {
    return ClassifierExamples.routing(text("decisions/ComplaintRouting.examples.csv")).stream();
  }

  static Stream<TierExample> tierExamples() throws IOException {
    return ClassifierExamples.tiers(text("decisions/SlaTier.examples.csv")).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routingExamples")
  void routesTheExampleAsTheAnalystsExpect(RoutingExample example) {
    // an example without a month holds all year round
    for (int month : example.months()) {
      DmnDecisionResultEntries result = route(example.category(), example.issueType(), month);
      assertThat(result.<String>getEntry("department")).as("department in month %d", month).isEqualTo(example.department());
      assertThat(result.<String>getEntry("slaTier")).as("tier in month %d", month).isEqualTo(example.tier());
      assertThat(result.<Boolean>getEntry("needsStudy")).as("needs study in month %d", month)
          .isEqualTo(example.needsStudy());
    }
  }

  @Test
  void everyExampleSaysWhetherItsComplaintNeedsAdditionalStudy() throws IOException {
    assertThat(routingExamples()).allSatisfy(example -> assertThat(example.needsStudy()).as(example.toString()).isNotNull());
  }

  @Test
  void emergenciesNeedNoAdditionalStudyAndGetTheFifteenDaysOfTheLaw() throws IOException {
    // Law "On Citizens' Appeals", art. 20: without delay, at the latest within fifteen days
    routingExamples().filter(example -> example.tier().equals("EMERGENCY")).forEach(example ->
        assertThat(example.needsStudy()).as(example.toString()).isFalse());
    assertThat(route("WATER", "WATER_QUALITY", 5).<Boolean>getEntry("needsStudy")).isTrue();
    assertThat(route("SOMETHING_NEW", "WHATEVER", 3).<Boolean>getEntry("needsStudy")).as("the general term").isTrue();
  }

  @Test
  void everyRuleOfTheRoutingTableIsProvenByAnExample() throws IOException {
    matchedRules.clear();
    routingExamples().forEach(this::routesTheExampleAsTheAnalystsExpect);

    Set<String> rules = routingTable().getRules().stream().map(Rule::getId).collect(Collectors.toSet());
    assertThat(matchedRules).containsAll(rules);
  }

  @Test
  void theTableAnswersExactlyOnceForAnyInputAndEndsWithACatchAllToTheDispatchers() {
    DecisionTable table = routingTable();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    List<Rule> rules = new ArrayList<>(table.getRules());
    Rule last = rules.get(rules.size() - 1);
    assertThat(last.getInputEntries()).extracting(InputEntry::getTextContent).allMatch(text -> text.isBlank() || text.equals("-"));
    assertThat(last.getOutputEntries().iterator().next().getTextContent()).isEqualTo("\"" + CityGroups.DISPATCHERS + "\"");

    assertThat(route("SOMETHING_NEW", "WHATEVER", 3).<String>getEntry("department")).isEqualTo(CityGroups.DISPATCHERS);
    assertThat(route(null, null, null).<String>getEntry("department")).isEqualTo(CityGroups.DISPATCHERS);
  }

  @Test
  void everyCategoryOfTheCatalogueHasRulesAndAnswersWithExistingGroupsAndKnownTiers() {
    ContactCenterProperties city = ApplicationConfiguration.contactCenter();
    Set<String> groups = city.departments().stream().map(ContactCenterProperties.Department::id).collect(Collectors.toSet());
    groups.add(CityGroups.DISPATCHERS);

    Set<String> categoriesWithRules = new HashSet<>();
    for (Rule rule : routingTable().getRules()) {
      List<String> inputs = rule.getInputEntries().stream().map(InputEntry::getTextContent).toList();
      List<String> outputs = rule.getOutputEntries().stream().map(entry -> entry.getTextContent().replace("\"", "")).toList();
      if (inputs.get(0).startsWith("\"")) {
        categoriesWithRules.add(inputs.get(0).replace("\"", ""));
      }
      assertThat(groups).as("department of rule %s", rule.getId()).contains(outputs.get(0));
      assertThat(TIERS).as("tier of rule %s", rule.getId()).contains(outputs.get(1));
      assertThat(outputs.subList(2, 6)).as("names of rule %s", rule.getId()).allMatch(name -> !name.isBlank());
      assertThat(outputs.get(6)).as("needsStudy of rule %s", rule.getId()).isIn("true", "false");
    }
    assertThat(categoriesWithRules).containsExactlyInAnyOrderElementsOf(CATEGORIES);
  }

  @Test
  void noHeatingIsAnEmergencyOnlyInTheHeatingSeason() {
    assertThat(route("HEATING", "NO_HEATING", 1).<String>getEntry("slaTier")).isEqualTo("EMERGENCY");
    assertThat(route("HEATING", "NO_HEATING", 10).<String>getEntry("slaTier")).isEqualTo("EMERGENCY");
    assertThat(route("HEATING", "NO_HEATING", 7).<String>getEntry("slaTier")).isEqualTo("SHORT");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tierExamples")
  void eachTierHasItsDurationPriorityAndSecondEscalation(TierExample example) {
    DmnDecisionResultEntries result = dmn.evaluateDecision(slaTier,
        Variables.putValue("slaTier", example.tier())).getSingleResult();

    assertThat(result.<String>getEntry("slaDuration")).isEqualTo(example.duration());
    assertThat(result.<Integer>getEntry("taskPriority")).isEqualTo(example.priority());
    assertThat(result.<String>getEntry("secondEscalationAfter")).isEqualTo(example.secondEscalationAfter());
    assertThat(result.<String>getEntry("reminderBefore")).isEqualTo(example.reminderBefore());
    CalendarDuration.parse(result.getEntry("slaDuration"));
    CalendarDuration.parse(result.getEntry("secondEscalationAfter"));
    CalendarDuration.parse(result.getEntry("reminderBefore"));
  }

  @Test
  void theTierTableKnowsExactlyTheTiersTheRoutingTableUses() throws IOException {
    assertThat(tierExamples().map(TierExample::tier)).containsExactlyInAnyOrderElementsOf(TIERS);
    for (String tier : TIERS) {
      assertThat(dmn.evaluateDecisionTable(slaTier, Variables.putValue("slaTier", tier))).hasSize(1);
    }
    assertThat(dmn.evaluateDecisionTable(slaTier, Variables.putValue("slaTier", "URGENT"))).isEmpty();
  }

  static DmnDecisionResultEntries route(String category, String issueType, Integer month) {
    return dmn.evaluateDecision(routing, Variables.putValue("category", category)
        .putValue("issueType", issueType).putValue("receivedMonth", month)).getSingleResult();
  }

  static DecisionTable routingTable() {
    try (InputStream in = resource("decisions/ComplaintRouting.dmn")) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      return model.getModelElementsByType(DecisionTable.class).iterator().next();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(String path) throws IOException {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static InputStream resource(String path) {
    InputStream in = ComplaintRoutingTests.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(path + " is not on the classpath");
    }
    return in;
  }

}
