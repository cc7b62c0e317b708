package ua.dnipro.contactcenter.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.HttpApi;
import ua.dnipro.contactcenter.testing.HttpApi.Response;
import ua.dnipro.contactcenter.testing.PostgresForTests;
import ua.dnipro.contactcenter.testing.TasklistSession;

/**
 * The database stops under a running node: every door answers 503 problem+json with Retry-After
 * within a few seconds, nothing is accepted, and when the database is back the node recovers by
 * itself and the channel's retry with the same Idempotency-Key files the complaint exactly once.
 *
 * <p>On a PostgreSQL of its own (the other tests' server keeps running), stopped and started again
 * on the same data directory and port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Camunda keeps engines in a static registry by name: "default" belongs to the shared PostgreSQL tests
    properties = "camunda.bpm.process-engine-name=" + DatabaseOutageTests.ENGINE)
@ActiveProfiles("postgres")
// not closed after the class, as the other applications of the suite are not: the Camunda webapps'
// start-up hooks are the JVM's, and a closed application would leave the others' Tasklist answering 500
class DatabaseOutageTests {

  static final String CHANNEL_PASSWORD = "Channel-pass-2026";
  /** The webapps serve every engine of the JVM: this application's own by its name. */
  static final String ENGINE = "databaseOutage";
  static final Duration QUICKLY = Duration.ofSeconds(6);

  static Path dataDirectory;
  static int databasePort;
  static EmbeddedPostgres postgres;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) throws IOException, SQLException {
    dataDirectory = Files.createTempDirectory("epg-outage");
    postgres = start(0);
    databasePort = postgres.getPort();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE outage");
    }
    PostgresForTests.registerProductionSettings(registry, postgres.getJdbcUrl("postgres", "outage"));
    registry.add("CC_CHANNEL_VIBER_PASSWORD", () -> CHANNEL_PASSWORD);
    SpringApplication.getShutdownHandlers().add(DatabaseOutageTests::stopDatabase);
  }

  static EmbeddedPostgres start(int port) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    if (port != 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  static void stopDatabase() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void whileTheDatabaseIsAwayEveryDoorAnswers503AtOnceAndTheRetryFilesExactlyOnce() throws Exception {
    HttpApi viber = HttpApi.at(port, "viber-bot", CHANNEL_PASSWORD);
    HttpApi administrator = HttpApi.at(port, PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    Response before = viber.header("Idempotency-Key", "before-" + UUID.randomUUID())
        .post("/api/v1/complaints", ComplaintFixtures.apiBody());
    assertThat(before.status()).as(before.toString()).isEqualTo(201);
    String filedBefore = before.json().get("number").asText();
    // a Tasklist session opened before: its calls pass the log-in without the database and reach the
    // webapps' engine API, which maps every engine failure to its own 500
    TasklistSession tasklist = TasklistSession.login(port, PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD,
        null, ENGINE);
    assertThat(tasklist.loginStatus).isEqualTo(200);

    stopDatabase();

    String key = "outage-" + UUID.randomUUID();
    HttpApi retrying = viber.header("Idempotency-Key", key);
    List<Supplier<Response>> doors = List.of(
        () -> retrying.post("/api/v1/complaints", ComplaintFixtures.apiBody()),
        () -> viber.get("/api/v1/complaints/" + filedBefore),
        () -> administrator.get("/engine-rest/engine/" + ENGINE + "/task?maxResults=1"),
        () -> administrator.get("/engine-rest/engine/" + ENGINE + "/process-instance/count"),
        () -> administrator.get("/actuator/prometheus"),
        () -> answer(tasklist.post(TasklistSession.engine(ENGINE, "/task/count"), "{}")),
        () -> answer(tasklist.get(TasklistSession.engine(ENGINE, "/filter?resourceType=Task"))),
        () -> HttpApi.at(port, null, null).postForm("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
            List.of(Map.entry("username", "demo"), Map.entry("password", "whatever-it-is-1"))),
        () -> HttpApi.at(port, null, null).postForm("/open311/v2/requests.json", List.of(
            Map.entry("api_key", "viber-bot:" + CHANNEL_PASSWORD), Map.entry("service_code", "WATER-NO_WATER"))));
    // first each door on its own: one request every two seconds finds out whether the database is
    // back (each of these waits for the pool's connection timeout, 3 s)
    long lastStarted = 0;
    for (Supplier<Response> door : doors) {
      Thread.sleep(Math.max(0, DatabaseReachability.PROBE_INTERVAL.toMillis() + 100
          - Duration.ofNanos(System.nanoTime() - lastStarted).toMillis()));
      lastStarted = System.nanoTime();
      assertUnavailableQuickly(door);
    }
    // then all at once: one of them finds out, the others are answered without trying
    ExecutorService callers = Executors.newFixedThreadPool(doors.size());
    try {
      List<Future<?>> answers = new ArrayList<>();
      for (Supplier<Response> door : doors) {
        answers.add(callers.submit(() -> assertUnavailableQuickly(door)));
      }
      for (Future<?> answer : answers) {
        answer.get(1, TimeUnit.MINUTES);
      }
    } finally {
      callers.shutdownNow();
    }
    Response liveness = HttpApi.at(port, null, null).get("/actuator/health/liveness");
    assertThat(liveness.status()).as("alive: restarting the node would not bring the database back").isEqualTo(200);
    assertThat(HttpApi.at(port, null, null).get("/actuator/health/readiness").status()).isEqualTo(503);

    postgres = start(databasePort);

    Response filed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> retrying.post("/api/v1/complaints", ComplaintFixtures.apiBody()), answer -> answer.status() != 503);
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    Response replayed = retrying.post("/api/v1/complaints", ComplaintFixtures.apiBody());
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.json().get("number")).isEqualTo(filed.json().get("number"));
    assertThat(filingsWithKey(key)).as("filed exactly once").isEqualTo(1);
    assertThat(HttpApi.at(port, null, null).get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(administrator.get("/engine-rest/engine/" + ENGINE + "/process-instance/count").status()).isEqualTo(200);
  }

  static void assertUnavailableQuickly(Supplier<Response> door) {
    long started = System.nanoTime();
    Response answer = door.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(answer.status()).as("%s", answer).isEqualTo(503);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("Retry-After")).isEqualTo(DatabaseOutageAnswer.RETRY_AFTER_SECONDS);
    assertThat(answer.json().get("type").asText()).endsWith("/database-unavailable");
    assertThat(took).as("answered within a few seconds").isLessThan(QUICKLY);
  }

  static Response answer(java.net.http.HttpResponse<String> response) {
    return new Response(response.statusCode(), response);
  }

  static int filingsWithKey(String key) throws SQLException {
    try (Connection connection = postgres.getDatabase("postgres", "outage").getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT count(*) FROM cc_complaint WHERE idempotency_key = '" + key + "'")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
