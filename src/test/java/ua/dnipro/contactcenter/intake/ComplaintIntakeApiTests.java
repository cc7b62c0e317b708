package ua.dnipro.contactcenter.intake;

import ua.dnipro.contactcenter.complaint.IntakeRecords;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.dnipro.contactcenter.complaint.ComplaintProcess;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresApplicationTest;

/** POST /api/v1/complaints over real HTTP on PostgreSQL: every rule of the intake contract. */
class ComplaintIntakeApiTests extends PostgresApplicationTest {

  static final String COMPLAINTS = "/api/v1/complaints";

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IntakeRecords records;

  static Map<String, Object> complaint() {
    return ComplaintFixtures.apiBody();
  }

  static Map<String, Object> part(Map<String, Object> body, String name) {
    return ComplaintFixtures.part(body, name);
  }

  HttpApi viber() {
    return as("viber-bot");
  }

  @Test
  void aValidComplaintIsFiledRoutedAndAnsweredWithItsNumberDepartmentTierAndDueTime() {
    Response response = viber().header("Idempotency-Key", UUID.randomUUID().toString()).post(COMPLAINTS, complaint());

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode filed = response.json();
    String number = filed.get("number").asText();
    assertThat(number).matches("\\d{4}-\\d{6}");
    assertThat(response.header("Location")).isEqualTo("/api/v1/complaints/" + number);
    assertThat(filed.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(filed.at("/department/code").asText()).isEqualTo("water-utility");
    assertThat(filed.at("/department/name").asText()).isEqualTo("КП «Дніпроводоканал»");
    assertThat(filed.get("slaTier").asText()).isEqualTo("EMERGENCY");
    assertThat(java.time.Duration.between(java.time.Instant.parse(filed.get("receivedAt").asText()),
        java.time.Instant.parse(filed.get("dueAt").asText()))).hasHours(6);
    assertThat(filed.at("/applicant/phone").asText()).isEqualTo("+380671234567");

    // the channel comes from the credentials, never from the body
    assertThat(jdbc.queryForObject("SELECT channel FROM cc_complaint_state WHERE complaint_number = ?", String.class,
        number)).isEqualTo("VIBER");
    assertThat(jdbc.queryForObject("SELECT channel FROM cc_complaint WHERE complaint_number = ?", String.class, number))
        .isEqualTo("VIBER");
  }

  @Test
  void anAnonymousOrIncompleteApplicantGets422ListingTheMissingFieldsAndNothingStarts() {
    long before = complaints();
    Map<String, Object> anonymous = complaint();
    anonymous.remove("applicant");

    Response response = viber().post(COMPLAINTS, anonymous);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(violations(response)).contains("applicant.firstName:required", "applicant.lastName:required",
        "applicant.phone:required", "applicant.address:required");

    Map<String, Object> incomplete = complaint();
    part(incomplete, "applicant").put("lastName", "  ");
    part(incomplete, "applicant").remove("address");
    assertThat(violations(viber().post(COMPLAINTS, incomplete)))
        .containsExactlyInAnyOrder("applicant.lastName:required", "applicant.address:required");
    assertThat(complaints()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} is stored as +380671234567")
  @ValueSource(strings = {"+380671234567", "380671234567", "0671234567", "067 123 45 67", "(067) 123-45-67",
      "+38 067 123 45 67", "80671234567"})
  void phoneNumbersAreNormalised(String typed) {
    Map<String, Object> body = complaint();
    part(body, "applicant").put("phone", typed);

    Response response = viber().post(COMPLAINTS, body);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().at("/applicant/phone").asText()).isEqualTo("+380671234567");
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"12345", "+1 202 555 0147", "+48 601 234 567", "067 123 45 6", "0671234567890", "телефон",
      "+380 067 123 45 67", "0071234567"})
  void otherPhoneShapesAreRefused(String typed) {
    Map<String, Object> body = complaint();
    part(body, "applicant").put("phone", typed);

    assertThat(violations(viber().post(COMPLAINTS, body))).containsExactly("applicant.phone:phone-format");
  }

  @ParameterizedTest(name = "{0}/{1}: {2}")
  @CsvSource({
      "POTHOLES, POTHOLE, category:known-category",
      "ROADS, NO_WATER, issueType:known-issue-type",
      "WATER, , issueType:required",
      ", NO_WATER, category:required"})
  void unknownCategoryOrIssueTypeCodesAreRefused(String category, String issueType, String violation) {
    Map<String, Object> body = complaint();
    body.put("category", category);
    body.put("issueType", issueType);

    assertThat(violations(viber().post(COMPLAINTS, body))).containsExactly(violation);
  }

  @Test
  void otherGoesToTheDispatchers() {
    Map<String, Object> body = complaint();
    body.put("category", "OTHER");
    body.put("issueType", "OTHER");

    Response response = viber().post(COMPLAINTS, body);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("status").asText()).isEqualTo("AWAITING_RECLASSIFICATION");
    assertThat(response.json().at("/department/code").asText()).isEqualTo("dispatchers");
    assertThat(response.json().has("dueAt")).isFalse();
  }

  @ParameterizedTest(name = "lat {0}, lon {1}: {2}")
  @CsvSource({
      "50.4501, 30.5234, location:within-city",
      "48.46, , location.lon:coordinates-pair",
      ", 35.04, location.lat:coordinates-pair",
      "91, 35.04, location:within-city"})
  void coordinatesOutsideTheCityAreRefused(Double lat, Double lon, String violation) {
    Map<String, Object> body = complaint();
    part(body, "location").put("lat", lat);
    part(body, "location").put("lon", lon);

    assertThat(violations(viber().post(COMPLAINTS, body))).containsExactly(violation);
  }

  @Test
  void textsHaveTheirLimitsAndFieldsTheirFormats() {
    Map<String, Object> body = complaint();
    body.put("description", "а".repeat(4001));
    part(body, "applicant").put("email", "not-an-address");
    part(body, "applicant").put("firstName", "12345");
    part(body, "location").put("district", "KYIVSKYI");
    part(body, "location").put("address", "");

    assertThat(violations(viber().post(COMPLAINTS, body))).containsExactlyInAnyOrder("description:max-length",
        "applicant.email:email-format", "applicant.firstName:name-format", "location.district:known-district",
        "location.address:required");

    Map<String, Object> longest = complaint();
    longest.put("description", "а".repeat(4000));
    assertThat(viber().post(COMPLAINTS, longest).status()).isEqualTo(201);
  }

  @Test
  void unknownFieldsCannotSetAnythingInternal() {
    long before = complaints();
    for (String internal : List.of("status", "department", "channel", "slaDeadline", "complaintNumber")) {
      Map<String, Object> body = complaint();
      body.put(internal, "RESOLVED");
      assertThat(violations(viber().post(COMPLAINTS, body))).containsExactly(internal + ":unknown-field");
    }
    Map<String, Object> nested = complaint();
    part(nested, "applicant").put("channel", "HOTLINE");
    assertThat(violations(viber().post(COMPLAINTS, nested))).containsExactly("applicant.channel:unknown-field");
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void malformedAndMistypedBodiesAreNamed() {
    assertThat(viber().post(COMPLAINTS, "{\"applicant\": ").status()).isEqualTo(400);
    Map<String, Object> mistyped = complaint();
    part(mistyped, "location").put("lat", "north");
    assertThat(violations(viber().post(COMPLAINTS, mistyped))).containsExactly("location.lat:type");
    assertThat(viber().post(COMPLAINTS, null).status()).isEqualTo(422);
  }

  @Test
  void theSameKeyAndBodyReturnTheSameComplaint() {
    HttpApi once = viber().header("Idempotency-Key", "retry-" + UUID.randomUUID());
    Response first = once.post(COMPLAINTS, complaint());
    Map<String, Object> sameButTypedDifferently = complaint();
    part(sameButTypedDifferently, "applicant").put("phone", "067 123 45 67");

    Response retry = once.post(COMPLAINTS, sameButTypedDifferently);

    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.json().get("number")).isEqualTo(first.json().get("number"));
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
        .processInstanceBusinessKey(first.json().get("number").asText()).count()).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    HttpApi once = viber().header("Idempotency-Key", "reused-" + UUID.randomUUID());
    String number = once.post(COMPLAINTS, complaint()).json().get("number").asText();
    Map<String, Object> another = complaint();
    another.put("issueType", "PIPE_BURST");

    Response response = once.post(COMPLAINTS, another);

    assertThat(violations(response)).containsExactly("Idempotency-Key:idempotency-key-reused");
    assertThat(response.body()).contains(number);
  }

  @Test
  void keysBelongToTheirChannel() {
    String key = "shared-" + UUID.randomUUID();
    String viberNumber = viber().header("Idempotency-Key", key).post(COMPLAINTS, complaint()).json().get("number").asText();
    String telegramNumber = as("telegram-bot").header("Idempotency-Key", key).post(COMPLAINTS, complaint())
        .json().get("number").asText();
    assertThat(telegramNumber).isNotEqualTo(viberNumber);
  }

  @Test
  void withoutAKeyEveryRequestFilesAComplaint() {
    String first = viber().post(COMPLAINTS, complaint()).json().get("number").asText();
    String second = viber().post(COMPLAINTS, complaint()).json().get("number").asText();
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void keysAreKeptForTheRetentionPeriodThenForgotten() {
    String key = "kept-" + UUID.randomUUID();
    HttpApi once = viber().header("Idempotency-Key", key);
    String number = once.post(COMPLAINTS, complaint()).json().get("number").asText();

    records.forgetKeysExpiredBy(java.time.Instant.now().plus(java.time.Duration.ofHours(47)));
    assertThat(once.post(COMPLAINTS, complaint()).json().get("number").asText()).isEqualTo(number);

    records.forgetKeysExpiredBy(java.time.Instant.now().plus(java.time.Duration.ofHours(49)));
    assertThat(once.post(COMPLAINTS, complaint()).json().get("number").asText()).isNotEqualTo(number);
    assertThat(records.byNumber(number)).as("the intake record itself stays").isPresent();
  }

  @Test
  void badKeysAreRefused() {
    assertThat(violations(viber().header("Idempotency-Key", "x".repeat(201)).post(COMPLAINTS, complaint())))
        .containsExactly("Idempotency-Key:idempotency-key-format");
  }

  @Test
  void concurrentRequestsWithOneKeyCreateExactlyOneComplaint() throws Exception {
    String key = "concurrent-" + UUID.randomUUID();
    HttpApi channel = as("mobile-app").header("Idempotency-Key", key);
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> responses = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Response> post = () -> {
          start.await();
          return channel.post(COMPLAINTS, complaint());
        };
        responses.add(pool.submit(post));
      }
      start.countDown();
      Set<String> numbers = new HashSet<>();
      for (Future<Response> response : responses) {
        assertThat(response.get().status()).as(response.get().body()).isEqualTo(201);
        numbers.add(response.get().json().get("number").asText());
      }
      assertThat(numbers).hasSize(1);
      String number = numbers.iterator().next();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_complaint WHERE channel = 'MOBILE_APP' AND idempotency_key = ?",
          Long.class, key)).isEqualTo(1);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
          .processInstanceBusinessKey(number).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedStartLeavesNothingHalfMade() {
    String before = viber().post(COMPLAINTS, complaint()).json().get("number").asText();
    long records = complaints();
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count();
    // maintenance: an administrator suspended the complaint process
    repositoryService.suspendProcessDefinitionByKey(ComplaintProcess.KEY);
    Response refused;
    try {
      refused = viber().header("Idempotency-Key", "during-maintenance").post(COMPLAINTS, complaint());
    } finally {
      repositoryService.activateProcessDefinitionByKey(ComplaintProcess.KEY);
    }

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(complaints()).isEqualTo(records);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY).count())
        .isEqualTo(instances);
    // the number the failed filing took stays unused: a gap, never a number given twice
    String after = viber().header("Idempotency-Key", "during-maintenance").post(COMPLAINTS, complaint())
        .json().get("number").asText();
    assertThat(Integer.parseInt(after.substring(5))).isGreaterThan(Integer.parseInt(before.substring(5)));
  }

  @Test
  void theContractIsPublishedAsOpenApiWithABrowsableUi() {
    Response openApi = anonymous().get("/api/openapi.json");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.json().get("openapi").asText()).startsWith("3.");
    assertThat(openApi.json().get("paths").has("/api/v1/complaints")).isTrue();
    assertThat(openApi.json().get("paths").has("/api/v1/complaints/{number}")).isTrue();
    assertThat(openApi.json().get("paths").has("/api/v1/categories")).isTrue();
    assertThat(openApi.body()).contains("Idempotency-Key");
    Response docs = anonymous().get("/api/docs");
    assertThat(docs.status()).isEqualTo(302);
    Response ui = anonymous().get(docs.header("Location").replaceFirst("^https?://[^/]+", ""));
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  @Test
  void onlyAuthenticatedChannelAccountsFile() {
    assertThat(anonymous().post(COMPLAINTS, complaint()).status()).isEqualTo(401);
    // (a wrong password of a real account would lock it for a while: Camunda's brute-force protection)
    assertThat(as("nobody", CHANNEL_PASSWORD).post(COMPLAINTS, complaint()).status()).isEqualTo(401);
    assertThat(anonymous().get("/api/v1/categories").status()).isEqualTo(401);
    Response staff = as(ua.dnipro.contactcenter.testing.PostgresForTests.ADMIN_USER,
        ua.dnipro.contactcenter.testing.PostgresForTests.ADMIN_PASSWORD).post(COMPLAINTS, complaint());
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.json().get("detail").asText()).contains("only channel accounts");
  }

  long complaints() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cc_complaint", Long.class);
  }

  /** The violations of a 422 answer as "field:rule". */
  static List<String> violations(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    List<String> violations = new ArrayList<>();
    response.json().get("errors").forEach(error -> violations.add(error.get("field").asText() + ":" + error.get("rule").asText()));
    return violations;
  }
}
