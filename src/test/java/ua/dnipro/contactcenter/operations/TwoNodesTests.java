package ua.dnipro.contactcenter.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ua.dnipro.contactcenter.ContactCenterApplication;
import ua.dnipro.contactcenter.testing.ApplicationNode;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * Two nodes on one PostgreSQL, as production runs them (Camunda's homogeneous cluster): each in a
 * JVM of its own, with its own engine and job executor, started at the same moment on an empty
 * database. Start-up work is done once; complaints filed on both get unique numbers, and a channel's
 * retry on the other node files nothing twice; timers made due at once run exactly once; two
 * analysts deploying on the two nodes at once both land in the history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTests {

  static final int CLIENTS = 8;
  static final int FILINGS_PER_CLIENT = 6;

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static String database;
  static ApplicationNode first;
  static ApplicationNode second;
  static JdbcTemplate jdbc;
  static SingleConnectionDataSource connection;

  @BeforeAll
  static void twoNodesStartTogetherOnAnEmptyDatabase() throws Exception {
    database = PostgresForTests.newDatabase();
    first = ApplicationNode.start("node-a", ContactCenterApplication.class.getName(), database, ApplicationNode.freePort(),
        List.of());
    second = ApplicationNode.start("node-b", ContactCenterApplication.class.getName(), database,
        ApplicationNode.freePort(), List.of());
    first.awaitReady(HTTP);
    second.awaitReady(HTTP);
    Connection raw = DriverManager.getConnection(database, "postgres", "postgres");
    connection = new SingleConnectionDataSource(raw, true);
    jdbc = new JdbcTemplate(connection);
  }

  @AfterAll
  static void stop() throws Exception {
    if (connection != null) {
      connection.destroy();
    }
    for (ApplicationNode node : new ApplicationNode[] {first, second}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  @Order(1)
  void theStartUpWorkIsDoneOnce() throws Exception {
    String logs = java.nio.file.Files.readString(java.nio.file.Path.of("target", "benchmark", "node-a.log"))
        + java.nio.file.Files.readString(java.nio.file.Path.of("target", "benchmark", "node-b.log"));
    assertThat(logs).as("the later node waited for the earlier one's start-up")
        .contains("Another node is starting on this database: waiting");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_classifier_version", Integer.class))
        .as("one classifier release, however many nodes started").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = 'ComplaintProcess'", Integer.class))
        .as("the complaint process deployed once").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DECISION_DEF WHERE KEY_ = 'ComplaintRouting'", Integer.class))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?", Integer.class,
        PostgresForTests.ADMIN_USER)).isEqualTo(1);
  }

  @Test
  @Order(2)
  void complaintsFiledOnBothNodesGetUniqueNumbersAndARetryOnTheOtherNodeFilesNothingTwice() throws Exception {
    List<String> numbers = fileOnBothNodes("filing");
    assertThat(numbers).hasSize(CLIENTS * FILINGS_PER_CLIENT);
    assertThat(new HashSet<>(numbers)).as("unique numbers").hasSameSizeAs(numbers);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_complaint WHERE idempotency_key LIKE 'filing-%'",
        Integer.class)).as("each key filed once, on whichever node came first").isEqualTo(numbers.size());
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT BUSINESS_KEY_) FROM ACT_RU_EXECUTION"
        + " WHERE PARENT_ID_ IS NULL AND BUSINESS_KEY_ IS NOT NULL AND PROC_DEF_ID_ LIKE 'ComplaintProcess:%'",
        Integer.class)).isEqualTo(numbers.size());
  }

  @Test
  @Order(3)
  void timersMadeDueAtOnceRunExactlyOnceAcrossTheNodes() {
    int complaints = jdbc.queryForObject("SELECT COUNT(*) FROM cc_complaint_state WHERE NOT overdue", Integer.class);
    assertThat(complaints).isGreaterThanOrEqualTo(CLIENTS * FILINGS_PER_CLIENT);
    int made = jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP"
        + " WHERE HANDLER_CFG_ LIKE 'BoundaryEvent_SlaBreached%'");
    assertThat(made).isEqualTo(complaints);

    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
        jdbc.queryForObject("SELECT COUNT(*) FROM cc_complaint_state WHERE overdue", Integer.class) == complaints);
    // the escalations' own steps (notifications, the heads' tasks) are done as well
    await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL OR DUEDATE_ <= CURRENT_TIMESTAMP", Integer.class) == 0);

    assertThat(jdbc.queryForList("""
        SELECT complaint_number FROM cc_complaint_event WHERE entry LIKE '%"event":"OVERDUE"%'
        GROUP BY complaint_number HAVING COUNT(*) <> 1""", String.class)).as("escalated twice").isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_complaint_event WHERE entry LIKE '%\"event\":\"OVERDUE\"%'",
        Integer.class)).isEqualTo(complaints);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_ReviewOverdueComplaint'",
        Integer.class)).as("one head's task per complaint").isEqualTo(complaints);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Integer.class)).isZero();
  }

  @Test
  @Order(4)
  void twoAnalystsDeployingOnTheTwoNodesAtOnceBothLandInTheHistory() throws Exception {
    createAnalyst("analyst.first");
    createAnalyst("analyst.second");
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM cc_classifier_version", Integer.class);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService analysts = Executors.newFixedThreadPool(2);
    try {
      Future<Response> onFirst = analysts.submit(() -> {
        together.await();
        return HttpApi.at(first.port(), "analyst.first", ANALYST_PASSWORD).postMultipart("/api/v1/classifier/versions",
            Map.of("comment", "назва: немає води"), Map.of("ComplaintRouting.dmn",
                routing("<text>\"Немає води\"</text>", "<text>\"Немає води взагалі\"</text>")));
      });
      Future<Response> onSecond = analysts.submit(() -> {
        together.await();
        return HttpApi.at(second.port(), "analyst.second", ANALYST_PASSWORD).postMultipart(
            "/api/v1/classifier/versions", Map.of("comment", "назва: порив"), Map.of("ComplaintRouting.dmn",
                routing("<text>\"Порив труби, підтоплення\"</text>", "<text>\"Порив труби або підтоплення\"</text>")));
      });
      assertThat(onFirst.get(2, TimeUnit.MINUTES).status()).as("%s", onFirst.get()).isEqualTo(201);
      assertThat(onSecond.get(2, TimeUnit.MINUTES).status()).as("%s", onSecond.get()).isEqualTo(201);
    } finally {
      analysts.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_classifier_version", Integer.class)).isEqualTo(before + 2);
    // the later was made on top of the earlier: its changes name its own rule and what it undid of the other
    String later = jdbc.queryForObject("SELECT changes FROM cc_classifier_version ORDER BY id DESC LIMIT 1", String.class);
    assertThat(later).contains("Rule_Water_NoWater").contains("Rule_Water_PipeBurst");
  }

  static final String ANALYST_PASSWORD = "Analyst-pass-2026";

  static void createAnalyst(String id) {
    HttpApi admin = HttpApi.at(first.port(), PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    Response created = admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", "Olha",
        "lastName", "Shevchenko", "email", id + "@example.com"), "credentials", Map.of("password", ANALYST_PASSWORD)));
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    assertThat(admin.put("/engine-rest/group/analysts/members/" + id, null).status()).isEqualTo(204);
  }

  static byte[] routing(String from, String to) throws Exception {
    String shipped = new String(new ClassPathResource("decisions/ComplaintRouting.dmn").getContentAsByteArray(),
        StandardCharsets.UTF_8);
    assertThat(shipped).contains(from);
    return shipped.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  /** Clients filing at once, each request on one node and its retry (same key, same body) on the other. */
  static List<String> fileOnBothNodes(String prefix) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS * 2);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        int id = client;
        results.add(clients.submit(() -> {
          List<String> numbers = new ArrayList<>();
          for (int filing = 0; filing < FILINGS_PER_CLIENT; filing++) {
            String key = prefix + "-" + id + "-" + filing;
            Map<String, Object> body = ComplaintFixtures.apiBodyAtAHouseOfItsOwn();
            ApplicationNode here = (id + filing) % 2 == 0 ? first : second;
            ApplicationNode there = here == first ? second : first;
            // the request and the channel's retry at the same moment, on the two nodes
            Future<Response> original = clients.submit(file(here, key, body));
            Response retry = file(there, key, body).call();
            Response answer = original.get(1, TimeUnit.MINUTES);
            assertThat(answer.status()).as("%s", answer).isEqualTo(201);
            assertThat(retry.status()).as("%s", retry).isEqualTo(201);
            assertThat(retry.json().get("number")).isEqualTo(answer.json().get("number"));
            numbers.add(answer.json().get("number").asText());
          }
          return numbers;
        }));
      }
      List<String> numbers = new ArrayList<>();
      for (Future<List<String>> result : results) {
        numbers.addAll(result.get(5, TimeUnit.MINUTES));
      }
      return numbers;
    } finally {
      clients.shutdownNow();
    }
  }

  static Callable<Response> file(ApplicationNode node, String key, Map<String, Object> body) {
    return () -> HttpApi.at(node.port(), "viber-bot", ApplicationNode.CHANNEL_PASSWORD).header("Idempotency-Key", key)
        .post("/api/v1/complaints", body);
  }
}
