package ua.dnipro.contactcenter.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.ContactCenterApplication;
import ua.dnipro.contactcenter.testing.ClassifierFixtures;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * Analysts change the classifier on a running system, on PostgreSQL: a good version takes effect
 * for the next complaint (open ones keep their deadlines), every kind of bad table is refused with
 * its reason and changes nothing, only analysts and administrators deploy, from the API or from
 * Camunda Modeler, a restart keeps the analyst's version, and a roll-back works.
 */
class ClassifierDeploymentTests extends PostgresApplicationTest {

  static final String CAMUNDA_REST = "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration";

  static final String ANALYST = "classifier.analyst";
  static final String EXECUTOR = "classifier.executor";
  static final String PASSWORD = "Analyst-pass-2026";

  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Value("${DB_URL}") String databaseUrl;

  long releaseVersion;

  @BeforeEach
  void analystAndTheReleasedClassifier() {
    user(ANALYST, "analysts");
    user(EXECUTOR, "water-utility");
    releaseVersion = jdbc.queryForObject("SELECT MIN(id) FROM cc_classifier_version WHERE source = 'RELEASE'", Long.class);
  }

  /** Each test leaves the classifier as the release shipped it, for whoever comes next. */
  @AfterEach
  void backToTheRelease() {
    if (!jdbc.queryForObject("SELECT tables_hash FROM cc_classifier_version ORDER BY id DESC LIMIT 1", String.class)
        .equals(jdbc.queryForObject("SELECT tables_hash FROM cc_classifier_version WHERE id = ?", String.class, releaseVersion))) {
      assertThat(analyst().post("/api/v1/classifier/versions/" + releaseVersion + "/rollback", null).status()).isEqualTo(201);
    }
  }

  @Test
  void aGoodChangeRoutesTheNextComplaintDifferentlyWhileAnOpenOneKeepsItsDeadline() {
    String open = file("LIGHTING", "LAMP_OUT");
    JsonNode before = complaint(open);
    assertThat(before.get("slaTier").asText()).isEqualTo("MEDIUM");
    int routingBefore = routingVersionOf(open);

    Response deployed = analyst().postMultipart("/api/v1/classifier/versions", Map.of("comment", "ліхтарі терміновіше"),
        Map.of("ComplaintRouting.dmn", routing(lampOutBecomesShort()), "ComplaintRouting.examples.csv",
            examples(csv -> csv.replace("LIGHTING,LAMP_OUT,,street-lighting,MEDIUM", "LIGHTING,LAMP_OUT,,street-lighting,SHORT"))));

    assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    assertThat(deployed.json().get("deployedBy").asText()).isEqualTo(ANALYST);
    assertThat(deployed.json().get("source").asText()).isEqualTo("UPLOAD");
    assertThat(deployed.json().at("/changes/ComplaintRouting/changed").toString()).contains("Rule_Lighting_LampOut");
    String next = file("LIGHTING", "LAMP_OUT");
    JsonNode after = complaint(next);
    assertThat(after.get("slaTier").asText()).isEqualTo("SHORT");
    assertThat(Duration.between(Instant.parse(after.get("receivedAt").asText()), Instant.parse(after.get("dueAt").asText())))
        .isEqualTo(Duration.ofHours(24));
    assertThat(routingVersionOf(next)).isEqualTo(routingBefore + 1);
    // the open complaint keeps the deadline it got, and says which version routed it
    assertThat(complaint(open).get("dueAt")).isEqualTo(before.get("dueAt"));
    assertThat(routingVersionOf(open)).isEqualTo(routingBefore);
    assertThat(as("website").get("/api/v1/categories").body()).contains("\"code\":\"LAMP_OUT\"");
    assertThat(lampOutTierInCatalogue()).isEqualTo("SHORT");
  }

  static Stream<Arguments> badVersions() {
    return Stream.of(
        Arguments.of("a process instead of a table", Map.of("ComplaintProcess.bpmn", resource("processes/ComplaintProcess.bpmn")), "file-type"),
        Arguments.of("an external entity", Map.of("ComplaintRouting.dmn", bytes(shipped("ComplaintRouting.dmn").replace(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"))), "xml-doctype"),
        Arguments.of("not XML at all", Map.of("ComplaintRouting.dmn", bytes("this is not a table")), "parse"),
        Arguments.of("a JUEL expression", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replace(
            "<inputEntry id=\"Rule_Water_NoWater_in1\">",
            "<inputEntry id=\"Rule_Water_NoWater_in1\" expressionLanguage=\"juel\">"))), "expression-language"),
        Arguments.of("a department that is no group", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replace(
            "<outputEntry id=\"Rule_Lifts_PersonStuck_out1\"><text>\"lift-service\"</text>",
            "<outputEntry id=\"Rule_Lifts_PersonStuck_out1\"><text>\"lift-servise\"</text>"))), "unknown-department"),
        Arguments.of("a tier the SLA table does not know", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replace(
            "<outputEntry id=\"Rule_Roads_Pothole_out2\"><text>\"LONG\"</text>",
            "<outputEntry id=\"Rule_Roads_Pothole_out2\"><text>\"SOMEDAY\"</text>"))), "unknown-tier"),
        Arguments.of("an output the process needs renamed", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replace(
            "name=\"department\"", "name=\"executor\""))), "missing-output"),
        Arguments.of("no catch-all", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replaceAll(
            "(?s)<rule id=\"Rule_Unclassifiable\">.*?</rule>", ""))), "catch-all"),
        Arguments.of("an issue type left unanswered", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replaceAll(
            "(?s)<rule id=\"Rule_Unclassifiable\">.*?</rule>", "").replaceAll(
            "(?s)<rule id=\"Rule_Other\">.*?</rule>", ""))), "unanswered"),
        Arguments.of("a statutory term that is neither fifteen days nor a month", Map.of("ComplaintRouting.dmn",
            routing(xml -> xml.replace("name=\"needsStudy\" typeRef=\"boolean\"", "name=\"needsStudy\" typeRef=\"string\"")
                .replace("<outputEntry id=\"Rule_Roads_Pothole_out7\"><text>true</text>",
                    "<outputEntry id=\"Rule_Roads_Pothole_out7\"><text>\"yes\"</text>"))), "statutory-term"),
        Arguments.of("no statutory term at all", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replace(
            "name=\"needsStudy\"", "name=\"needsNoStudy\""))), "missing-output"),
        Arguments.of("a duration that is not ISO-8601", Map.of("SlaTier.dmn", bytes(shipped("SlaTier.dmn").replace(
            "<outputEntry id=\"Rule_Short_out1\"><text>\"PT24H\"</text>",
            "<outputEntry id=\"Rule_Short_out1\"><text>\"24 hours\"</text>"))), "duration"),
        Arguments.of("a change the analysts' examples contradict", Map.of("ComplaintRouting.dmn", routing(lampOutBecomesShort())),
            "example"),
        Arguments.of("another decision in the file", Map.of("ComplaintRouting.dmn", routing(xml -> xml.replace(
            "<decision id=\"ComplaintRouting\"", "<decision id=\"ShadowRouting\""))), "unknown-decision"));
  }

  @ParameterizedTest(name = "{0} is refused ({2})")
  @MethodSource("badVersions")
  void eachKindOfBadTableIsRefusedWithItsReasonAndChangesNothing(String what, Map<String, byte[]> files, String rule) {
    long versions = versions();
    int routing = latest("ComplaintRouting");
    int sla = latest("SlaTier");

    Response refused = analyst().postMultipart("/api/v1/classifier/versions", Map.of(), files);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    List<String> rules = new ArrayList<>();
    refused.json().get("errors").forEach(error -> rules.add(error.get("rule").asText()));
    assertThat(rules).contains(rule);
    assertThat(versions()).isEqualTo(versions);
    assertThat(latest("ComplaintRouting")).isEqualTo(routing);
    assertThat(latest("SlaTier")).isEqualTo(sla);
  }

  @Test
  void nobodyButAnalystsAndAdministratorsDeploys() {
    long versions = versions();
    Map<String, byte[]> table = Map.of("ComplaintRouting.dmn", routing(UnaryOperator.identity()));
    HttpApi executor = as(EXECUTOR, PASSWORD);

    assertThat(executor.postMultipart("/api/v1/classifier/versions", Map.of(), table).status()).isEqualTo(403);
    assertThat(executor.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "x"), table).status())
        .isEqualTo(403);
    assertThat(as("viber-bot").postMultipart("/engine-rest/deployment/create", Map.of(), table).status()).isEqualTo(403);
    assertThat(anonymous().postMultipart("/engine-rest/deployment/create", Map.of(), table).status()).isEqualTo(401);
    assertThat(anonymous().postMultipart("/api/v1/classifier/versions", Map.of(), table).status()).isEqualTo(401);
    assertThat(executor.get("/api/v1/classifier/versions").status()).isEqualTo(403);
    assertThat(versions()).isEqualTo(versions);

    HttpApi admin = as(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    assertThat(admin.postMultipart("/engine-rest/deployment/create", Map.of(),
        Map.of("Evil.bpmn", resource("processes/ComplaintProcess.bpmn"))).status())
        .as("not even an administrator deploys a process over REST").isEqualTo(400);
    String anyDeployment = repositoryService.createDeploymentQuery().list().get(0).getId();
    assertThat(admin.post("/engine-rest/deployment/" + anyDeployment + "/redeploy", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void camundaModelersDeployGoesThroughTheGateAndAnswersAsTheEngineWould() {
    Response refused = analyst().postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "lamp out", "deployment-source", "Camunda Modeler"),
        Map.of("ComplaintRouting.dmn", routing(lampOutBecomesShort())));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(refused.json().get("message").asText()).contains("The classifier was not deployed", "LIGHTING/LAMP_OUT", "[example]");

    Response deployed = analyst().postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "гідранти", "deployment-source", "Camunda Modeler"),
        Map.of("ComplaintRouting.dmn", routing(addHydrantLeak())));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    assertThat(deployed.json().get("id").asText()).isNotBlank();
    assertThat(deployed.json().get("deployedDecisionDefinitions").toString()).contains("ComplaintRouting");
    JsonNode latestVersion = analyst().get("/api/v1/classifier/versions").json().get(0);
    assertThat(latestVersion.get("source").asText()).isEqualTo("MODELER");
    assertThat(latestVersion.get("deployedBy").asText()).isEqualTo(ANALYST);
    assertThat(latestVersion.at("/changes/ComplaintRouting/added").toString()).contains("HYDRANT_LEAK");
  }

  @Test
  void aRestartKeepsTheAnalystsVersionAndReportsTheDrift() {
    Response deployed = analyst().postMultipart("/api/v1/classifier/versions", Map.of(),
        Map.of("ComplaintRouting.dmn", routing(addHydrantLeak())));
    assertThat(deployed.status()).isEqualTo(201);
    int analystsRouting = latest("ComplaintRouting");

    // the same database, the application started again with the repository's decisions/
    // (without its web layer: Camunda's webapps keep static state that a second web application in
    // this JVM would take over from the one the other tests use)
    try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ContactCenterApplication.class)
        .profiles("postgres").web(WebApplicationType.NONE)
        .run("--spring.autoconfigure.exclude=" + CAMUNDA_REST,
            "--DB_URL=" + databaseUrl, "--DB_USER=postgres", "--DB_PASSWORD=postgres",
            "--CC_ADMIN_USER=" + PostgresForTests.ADMIN_USER, "--CC_ADMIN_PASSWORD=" + PostgresForTests.ADMIN_PASSWORD,
            "--camunda.bpm.process-engine-name=restartedApplication", "--camunda.bpm.job-execution.enabled=false")) {
      assertThat(latest("ComplaintRouting")).isEqualTo(analystsRouting);
      assertThat(jdbc.queryForObject("SELECT source FROM cc_classifier_version ORDER BY id DESC LIMIT 1", String.class))
          .isEqualTo("UPLOAD");
    }
    JsonNode drift = analyst().get("/api/v1/classifier/drift").json();
    assertThat(drift.get("inSync").asBoolean()).isFalse();
    assertThat(drift.get("message").asText()).contains("classifier drift", ANALYST);
  }

  @Test
  void twoAnalystsDeployingAtOnceTakeTurnsAndTheHistoryKeepsBothChanges() throws Exception {
    long before = versions();
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService analysts = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var hydrant = analysts.submit(() -> {
        together.await();
        return analyst().postMultipart("/api/v1/classifier/versions", Map.of("comment", "гідранти"),
            Map.of("ComplaintRouting.dmn", routing(addHydrantLeak())));
      });
      var renamed = analysts.submit(() -> {
        together.await();
        return analyst().postMultipart("/api/v1/classifier/versions", Map.of("comment", "назва"),
            Map.of("ComplaintRouting.dmn", routing(xml -> xml.replace("<text>\"Немає води\"</text>",
                "<text>\"Немає води взагалі\"</text>"))));
      });
      assertThat(hydrant.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(201);
      assertThat(renamed.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(201);
    } finally {
      analysts.shutdownNow();
    }
    assertThat(versions()).isEqualTo(before + 2);
    // each was made on top of the other: the later one's changes name what it undid of the earlier
    String later = jdbc.queryForObject("SELECT changes FROM cc_classifier_version ORDER BY id DESC LIMIT 1", String.class);
    assertThat(later).contains("HYDRANT_LEAK").contains("Rule_Water_NoWater");
  }

  @Test
  void anEarlierVersionCanBeRolledBackToAndExported() {
    assertThat(analyst().postMultipart("/api/v1/classifier/versions", Map.of(),
        Map.of("ComplaintRouting.dmn", routing(addHydrantLeak()))).status()).isEqualTo(201);
    assertThat(lampOutTierInCatalogue()).isEqualTo("MEDIUM");
    assertThat(as("website").get("/api/v1/categories").body()).contains("HYDRANT_LEAK");

    Response rolledBack = analyst().post("/api/v1/classifier/versions/" + releaseVersion + "/rollback", null);

    assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
    assertThat(rolledBack.json().get("source").asText()).isEqualTo("ROLLBACK");
    assertThat(rolledBack.json().get("rolledBackTo").asLong()).isEqualTo(releaseVersion);
    assertThat(rolledBack.json().at("/changes/ComplaintRouting/removed").toString()).contains("HYDRANT_LEAK");
    assertThat(as("website").get("/api/v1/categories").body()).doesNotContain("HYDRANT_LEAK");
    Response exported = analyst().get("/api/v1/classifier/versions/" + rolledBack.json().get("id").asLong()
        + "/files/ComplaintRouting.dmn");
    assertThat(exported.status()).isEqualTo(200);
    assertThat(exported.body()).isEqualTo(shipped("ComplaintRouting.dmn"));
    assertThat(analyst().get("/api/v1/classifier/drift").json().get("inSync").asBoolean()).isTrue();
  }

  @Test
  void theAnalystsPageIsServed() {
    Response page = anonymous().get("/classifier/index.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Класифікатор звернень", "classifier.js");
  }

  // --- helpers -------------------------------------------------------------------------------

  static UnaryOperator<String> lampOutBecomesShort() {
    return xml -> xml.replace("<outputEntry id=\"Rule_Lighting_LampOut_out2\"><text>\"MEDIUM\"</text>",
        "<outputEntry id=\"Rule_Lighting_LampOut_out2\"><text>\"SHORT\"</text>");
  }

  static UnaryOperator<String> addHydrantLeak() {
    return ClassifierFixtures::withHydrantLeak;
  }

  static byte[] routing(UnaryOperator<String> change) {
    String table = shipped("ComplaintRouting.dmn");
    String changed = change.apply(table);
    return bytes(changed);
  }

  static byte[] examples(UnaryOperator<String> change) {
    return bytes(change.apply(shipped("ComplaintRouting.examples.csv")));
  }

  static String shipped(String name) {
    return new String(resource("decisions/" + name), StandardCharsets.UTF_8);
  }

  static byte[] resource(String path) {
    try (InputStream in = ClassifierDeploymentTests.class.getClassLoader().getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  HttpApi analyst() {
    return as(ANALYST, PASSWORD);
  }

  String file(String category, String issueType) {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    body.put("category", category);
    body.put("issueType", issueType);
    Response filed = as("hotline").post("/api/v1/complaints", body);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    return filed.json().get("number").asText();
  }

  JsonNode complaint(String number) {
    return as("hotline").get("/api/v1/complaints/" + number).json();
  }

  /** The version of the routing table that routed the complaint last, as its history records it. */
  int routingVersionOf(String number) {
    return complaintRecords.history(number).stream().filter(entry -> "ROUTED".equals(entry.get("event")))
        .reduce((first, second) -> second).map(entry -> ((Number) entry.get("routingTableVersion")).intValue())
        .orElseThrow();
  }

  String lampOutTierInCatalogue() {
    for (JsonNode category : as("website").get("/api/v1/categories").json().get("categories")) {
      for (JsonNode issueType : category.get("issueTypes")) {
        if (issueType.get("code").asText().equals("LAMP_OUT")) {
          return issueType.get("slaTier").asText();
        }
      }
    }
    return null;
  }

  int latest(String decision) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision).latestVersion()
        .singleResult().getVersion();
  }

  long versions() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cc_classifier_version", Long.class);
  }

  void user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }
}
