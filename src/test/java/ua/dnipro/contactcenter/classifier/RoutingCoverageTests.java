package ua.dnipro.contactcenter.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.api.FieldViolation;
import ua.dnipro.contactcenter.api.Violations;
import ua.dnipro.contactcenter.testing.ClassifierFixtures;

class RoutingCoverageTests {

  static final String CATCH_ALL = GateFixtures.routing()
      .substring(GateFixtures.routing().indexOf("<rule id=\"Rule_Unclassifiable\">"),
          GateFixtures.routing().indexOf("</rule>", GateFixtures.routing().indexOf("<rule id=\"Rule_Unclassifiable\">"))
              + "</rule>".length());

  @Test
  void theShippedTableRoutesEveryCaseInEveryMonth() {
    assertThat(check(GateFixtures.routing(), GateFixtures.files(), GateFixtures.DEPARTMENTS)).isEmpty();
  }

  @Test
  void theCatalogueIsEveryCategoryAndIssueTypeARuleNames_notTheCatchAll() {
    List<RoutingCoverage.Case> cases = RoutingCoverage.catalogueOf(GateFixtures.table(GateFixtures.routing()));
    assertThat(cases).contains(new RoutingCoverage.Case("WATER", "NO_WATER"), new RoutingCoverage.Case("LIFTS", "PERSON_STUCK"));
    assertThat(cases).noneMatch(routed -> routed.category() == null || routed.issueType() == null);
  }

  @Test
  void aDepartmentThatIsNoGroupIsRefused_once_naming_theCase() {
    Set<String> withoutLifts = new HashSet<>(GateFixtures.DEPARTMENTS);
    withoutLifts.remove("lift-service");
    List<FieldViolation> problems = check(GateFixtures.routing(), GateFixtures.files(), withoutLifts);
    assertThat(problems).extracting(FieldViolation::field, FieldViolation::rule).containsExactlyInAnyOrder(
        tuple("LIFTS/PERSON_STUCK", "unknown-department"), tuple("LIFTS/LIFT_NOT_WORKING", "unknown-department"),
        tuple("LIFTS/CABIN_NOISE_LIGHTING", "unknown-department"));
  }

  @Test
  void aTierTheSlaTableDoesNotKnowIsRefused() {
    String urgent = GateFixtures.withOutput(GateFixtures.routing(), "Rule_Water_NoWater_out2", "\"URGENT\"");
    assertThat(check(urgent, GateFixtures.files(), GateFixtures.DEPARTMENTS))
        .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(tuple("WATER/NO_WATER", "unknown-tier"));
  }

  @Test
  void aStatutoryTermThatIsNotTrueOrFalseIsRefused() {
    String maybe = GateFixtures.withOutput(GateFixtures.routing(), "Rule_Water_NoWater_out7", "\"maybe\"");
    assertThat(check(maybe, GateFixtures.files(), GateFixtures.DEPARTMENTS)).as("a boolean output cannot be 'maybe'")
        .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(tuple("WATER/NO_WATER", "evaluation"));
    String untyped = maybe.replace("name=\"needsStudy\" typeRef=\"boolean\"", "name=\"needsStudy\" typeRef=\"string\"");
    List<FieldViolation> problems = check(untyped, GateFixtures.files(), GateFixtures.DEPARTMENTS);
    assertThat(problems).as("typed as text, even false is the text 'false', which the process would not read")
        .extracting(FieldViolation::rule).containsOnly("statutory-term");
    assertThat(problems).filteredOn(problem -> problem.field().equals("WATER/NO_WATER"))
        .extracting(FieldViolation::message).singleElement().asString().endsWith("was maybe");
  }

  @Test
  void withoutTheCatchAll_anUnknownCategoryAndACaseLeftWithoutAnAnswerInSomeMonthsAreRefused() {
    String seasonal = GateFixtures.routing().replace(CATCH_ALL, "")
        .replace("<inputEntry id=\"Rule_Water_NoWater_in3\"><text>-</text>", "<inputEntry id=\"Rule_Water_NoWater_in3\"><text>[1..6]</text>");
    List<FieldViolation> problems = check(seasonal, GateFixtures.files(), GateFixtures.DEPARTMENTS);
    assertThat(problems).extracting(FieldViolation::field, FieldViolation::rule).containsExactlyInAnyOrder(
        tuple("WATER/NO_WATER", "unanswered"), tuple(ClassifierFiles.ROUTING_FILE, "catch-all"));
    assertThat(problems.get(0).message()).contains("0 answers for it in month 7");
  }

  @Test
  void aCaseOnlyTheVersionInEffectNames_isStillRouted_soAComplaintFiledUnderItIsNotLost() {
    ClassifierFiles deployed = GateFixtures.files(ClassifierFiles.ROUTING_FILE,
        ClassifierFixtures.withHydrantLeak(GateFixtures.routing()));
    String withoutCatchAll = GateFixtures.routing().replace(CATCH_ALL, "");
    assertThat(check(withoutCatchAll, deployed, GateFixtures.DEPARTMENTS))
        .extracting(FieldViolation::field, FieldViolation::rule)
        .contains(tuple("WATER/HYDRANT_LEAK", "unanswered"));
    assertThat(check(GateFixtures.routing(), deployed, GateFixtures.DEPARTMENTS)).as("the catch-all takes it").isEmpty();
  }

  @Test
  void theCatchAllMustGoToTheDispatchers() {
    String toHousing = GateFixtures.withOutput(GateFixtures.routing(), "Rule_Unclassifiable_out1", "\"housing\"");
    assertThat(check(toHousing, GateFixtures.files(), GateFixtures.DEPARTMENTS))
        .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(tuple(ClassifierFiles.ROUTING_FILE, "catch-all"));
  }

  private static List<FieldViolation> check(String routing, ClassifierFiles deployed, Set<String> departments) {
    Violations problems = new Violations();
    new RoutingCoverage(GateFixtures.DMN).check(GateFixtures.table(routing),
        GateFixtures.decision(routing, "ComplaintRouting"), deployed, departments, GateFixtures.TIERS, problems);
    return problems.list();
  }
}
