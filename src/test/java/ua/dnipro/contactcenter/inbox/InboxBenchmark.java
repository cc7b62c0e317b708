package ua.dnipro.contactcenter.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ua.dnipro.contactcenter.ContactCenterApplication;
import ua.dnipro.contactcenter.intake.IntakeBenchmark;
import ua.dnipro.contactcenter.testing.ApplicationNode;
import ua.dnipro.contactcenter.testing.PostgresForTests;
import ua.dnipro.contactcenter.testing.TasklistSession;

/**
 * Tasklist at city scale, as a water-utility executor sees it: the "Відкриті звернення" filter's
 * list (first page, with its columns) and its count, the calls Tasklist makes, measured at the
 * complaints filed over the API and again with 100,000 open complaints and 1,000,000 in history.
 * The larger sizes are the filed complaints cloned in SQL (their executions, tasks, candidate
 * groups, variables and grants; their history as closed complaints with their tasks' history
 * grants); timers and activity history are not cloned. Figures, not a pass/fail test:
 * {@code mvn -B test -Pbenchmark -Dtest=InboxBenchmark}; the table also goes to target/benchmark/inbox.txt.
 */
class InboxBenchmark {

  static final int FILED = Integer.getInteger("benchmark.filed", 300);
  static final int OPEN = Integer.getInteger("benchmark.open", 100_000);
  static final int HISTORY = Integer.getInteger("benchmark.history", 1_000_000);
  /**
   * The water utility's share of the open complaints at the larger sizes: 17%, as in the city's
   * complaints the issue measured (the filed mix gives it about a third; its complaints are cloned
   * fewer times than the others'). {@code -Dbenchmark.waterShare=0.36} measures the heavier case.
   */
  static final double WATER_SHARE = Double.parseDouble(System.getProperty("benchmark.waterShare", "0.17"));
  /**
   * Rounds not counted: a node fresh from its start compiles its hot code for a few hundred
   * requests, and on two cores the compiler competes with the requests (after 10 rounds of warm-up
   * the list and count at 300 complaints took 113 ms, after 500 about 60 ms); Tasklist's server
   * runs for days.
   */
  static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 300);
  static final int RUNS = 60;
  static final String EXECUTOR = "bench.water";
  static final String EXECUTOR_PASSWORD = "Inbox-bench-pass-2026";
  static final ObjectMapper JSON = JsonMapper.builder().build();
  /** What Tasklist sends with the list and the count: its sorting (newest first, as it opens). */
  static final String TASKLIST_QUERY = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

  @Test
  void printTasklistLatencyForADepartmentAtCityScale() throws Exception {
    String database = PostgresForTests.newDatabase();
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
    // HTTP/1.1 as browsers speak it to a plain-http server: Java's default (HTTP/2) asks for an h2c
    // upgrade on every request, which cost about 20 ms per list and count here
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    StringBuilder table = new StringBuilder();
    ApplicationNode node = ApplicationNode.start("inbox", ContactCenterApplication.class.getName(), database, 18381,
        List.of());
    try {
      node.awaitReady(http, "/api/v1/categories", IntakeBenchmark.channelAuthorization());
      List<String[]> mix = IntakeBenchmark.categoryMix(http, node);
      for (int i = 0; i < FILED; i++) {
        HttpResponse<String> filed = http.send(IntakeBenchmark.filing(node, mix, i), HttpResponse.BodyHandlers.ofString());
        if (filed.statusCode() != 201) {
          throw new IllegalStateException(filed.statusCode() + " " + filed.body());
        }
      }
      awaitOpenTasks(jdbc, FILED);
      createExecutor(http, node);
      String filter = openFilterId(http, node);

      table.append(String.format("%-34s %-13s %10s %10s %12s %12s%n", "open complaints; tasks (closed)", "path", "water",
          "shown", "p50 ms", "p95 ms"));
      table.append(measureBothPaths(http, node, jdbc, filter, "filed: " + FILED + " (0)"));
      long started = System.nanoTime();
      cloneOpenComplaints(jdbc);
      cloneHistory(jdbc, HISTORY / FILED);
      jdbc.execute("VACUUM ANALYZE");
      System.out.printf("cloned in %.0f s%n", (System.nanoTime() - started) / 1e9);
      if (Boolean.getBoolean("benchmark.explain")) {
        // the plans of slow statements, in PostgreSQL's log (new connections: the node restarts)
        String name = jdbc.queryForObject("SELECT current_database()", String.class);
        jdbc.execute("ALTER DATABASE " + name + " SET session_preload_libraries = 'auto_explain'");
        jdbc.execute("ALTER DATABASE " + name + " SET auto_explain.log_min_duration = 30");
        jdbc.execute("ALTER DATABASE " + name + " SET auto_explain.log_analyze = on");
        jdbc.execute("ALTER DATABASE " + name + " SET auto_explain.log_buffers = on");
      }
      // a node restarted on the loaded database (its caches and connections fresh)
      node.close();
      node = ApplicationNode.start("inbox-loaded", ContactCenterApplication.class.getName(), database, 18381, List.of());
      node.awaitReady(http, "/api/v1/categories", IntakeBenchmark.channelAuthorization());
      // open complaints (their tasks: the departments', and the duty staff's of open emergencies) and closed ones
      table.append(measureBothPaths(http, node, jdbc, filter, String.format("%,d; %,d tasks (%,d)", openComplaints(jdbc),
          openTasks(jdbc), jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL",
              Long.class))));
      int hold = Integer.getInteger("benchmark.holdMinutes", 0);
      if (hold > 0) {
        // the loaded database and node stay up, for looking at plans by hand (psql)
        System.out.printf("holding %d min: %s (postgres/postgres), node at %s%n", hold, database, node.uri("/"));
        Thread.sleep(Duration.ofMinutes(hold).toMillis());
      }
    } finally {
      node.close();
    }
    table.append(String.format("%d runs after %d not counted; list (first 15, with columns) + count, as %s through "
        + "Tasklist's own API (its session) and through engine REST (HTTP Basic); %d cores, %s%n", RUNS, WARM_UP,
        EXECUTOR, Runtime.getRuntime().availableProcessors(), IntakeBenchmark.cpuModel()));
    System.out.println();
    System.out.println(table);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "inbox.txt"), table.toString());
  }

  /** One call as Tasklist makes it: a path under the engine API and the representation asked for. */
  interface Caller {
    HttpResponse<String> post(String operation, String body, String accept) throws Exception;
  }

  /**
   * Tasklist's list and count through both doors, in alternation (the warm-up too: on two cores the
   * node compiles its hot code for hundreds of requests, and whichever door went first would pay).
   */
  static String measureBothPaths(HttpClient http, ApplicationNode node, JdbcTemplate jdbc, String filter, String size)
      throws Exception {
    TasklistSession session = TasklistSession.login(node.port(), EXECUTOR, EXECUTOR_PASSWORD);
    if (session.loginStatus != 200) {
      throw new IllegalStateException("Tasklist refused the executor's log-in: " + session.loginStatus);
    }
    Caller tasklist = (operation, body, accept) -> session.post(TasklistSession.engine(operation), body, accept);
    Caller engineRest = (operation, body, accept) -> http.send(post(node, "/engine-rest" + operation, body, accept),
        HttpResponse.BodyHandlers.ofString());
    long water = jdbc.queryForObject("""
        SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE GROUP_ID_ = 'water-utility' AND TYPE_ = 'candidate'""", Long.class);
    long[] shown = new long[1];
    long[] viaTasklist = new long[RUNS];
    long[] viaEngineRest = new long[RUNS];
    for (int i = -WARM_UP; i < RUNS; i++) {
      long tasklistTook = listAndCount(tasklist, filter, i == -WARM_UP, shown);
      long engineRestTook = listAndCount(engineRest, filter, i == -WARM_UP, shown);
      if (i >= 0) {
        viaTasklist[i] = tasklistTook;
        viaEngineRest[i] = engineRestTook;
      }
    }
    return line(size, "Tasklist", water, shown[0], viaTasklist) + line(size, "engine REST", water, shown[0], viaEngineRest);
  }

  /** Nanoseconds for the list (first page, with its columns) and the count; checks the first answers. */
  static long listAndCount(Caller caller, String filter, boolean check, long[] shown) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> list = caller.post("/filter/" + filter + "/list?firstResult=0&maxResults=15", TASKLIST_QUERY,
        "application/hal+json");
    HttpResponse<String> count = caller.post("/filter/" + filter + "/count", TASKLIST_QUERY, "application/json");
    long took = System.nanoTime() - start;
    if (list.statusCode() != 200 || count.statusCode() != 200) {
      throw new IllegalStateException(list.statusCode() + " " + list.body() + " / " + count.statusCode() + " " + count.body());
    }
    shown[0] = JSON.readTree(count.body()).get("count").asLong();
    if (check) {
      JsonNode tasks = JSON.readTree(list.body()).at("/_embedded/task");
      if (tasks.isEmpty() || !list.body().contains("inboxAddress")) {
        throw new IllegalStateException("the list shows no tasks or no columns: " + list.body().substring(0,
            Math.min(500, list.body().length())));
      }
    }
    return took;
  }

  static String line(String size, String path, long water, long shown, long[] nanos) {
    java.util.Arrays.sort(nanos);
    String line = String.format("%-34s %-13s %,10d %,10d %12.1f %12.1f%n", size, path, water, shown,
        IntakeBenchmark.percentile(nanos, 0.50), IntakeBenchmark.percentile(nanos, 0.95));
    System.out.print(line);
    return line;
  }

  static HttpRequest post(ApplicationNode node, String path, String body, String accept) {
    return HttpRequest.newBuilder(node.uri(path)).header("Authorization", basic(EXECUTOR, EXECUTOR_PASSWORD))
        .header("Content-Type", "application/json").header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static void createExecutor(HttpClient http, ApplicationNode node) throws Exception {
    String admin = basic(PostgresForTests.ADMIN_USER, PostgresForTests.ADMIN_PASSWORD);
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(node.uri("/engine-rest/user/create"))
        .header("Authorization", admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
            "profile", Map.of("id", EXECUTOR, "firstName", "Виконавець", "lastName", "Водоканалу", "email", "w@example.com"),
            "credentials", Map.of("password", EXECUTOR_PASSWORD))))).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> member = http.send(HttpRequest.newBuilder(node.uri(
            "/engine-rest/group/water-utility/members/" + EXECUTOR))
        .header("Authorization", admin).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() / 100 != 2 || member.statusCode() / 100 != 2) {
      throw new IllegalStateException("cannot create the executor: " + created.body() + " / " + member.body());
    }
  }

  /** The executor's "Відкриті звернення" (their department's: the only one of that name they may read). */
  static String openFilterId(HttpClient http, ApplicationNode node) throws Exception {
    HttpResponse<String> filters = http.send(HttpRequest.newBuilder(node.uri("/engine-rest/filter?nameLike="
            + URLEncoder.encode(InboxFilters.OPEN + "%", StandardCharsets.UTF_8)))
        .header("Authorization", basic(EXECUTOR, EXECUTOR_PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode readable = JSON.readTree(filters.body());
    if (readable.size() != 1) {
      throw new IllegalStateException("the executor should read one open-tasks filter: " + filters.body());
    }
    return readable.get(0).get("id").asText();
  }

  static void awaitOpenTasks(JdbcTemplate jdbc, int expected) throws InterruptedException {
    for (int i = 0; i < 120 && openTasks(jdbc) < expected; i++) {
      Thread.sleep(1_000);
    }
  }

  static long openComplaints(JdbcTemplate jdbc) {
    return jdbc.queryForObject("""
        SELECT COUNT(*) FROM ACT_RU_EXECUTION E JOIN ACT_RE_PROCDEF D ON D.ID_ = E.PROC_DEF_ID_
        WHERE E.ID_ = E.PROC_INST_ID_ AND D.KEY_ = 'ComplaintProcess'""", Long.class);
  }

  static long openTasks(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
  }

  // --- cloning in SQL ---------------------------------------------------------------------------

  /** Columns that hold ids of one complaint's rows (its instance, executions, tasks, variables): suffixed per copy (activity instance ids, which nothing keys on uniquely, are left as they are). */
  static final List<String> INSTANCE_IDS = List.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
      "PARENT_ID_", "TASK_ID_", "VAR_SCOPE_", "BUSINESS_KEY_", "SUPER_EXEC_",
      "RESOURCE_ID_");

  /**
   * Copies the open complaints up to {@link #OPEN}, the water utility's to {@link #WATER_SHARE} of
   * them: executions, tasks, candidate groups, variables, task grants. Each copy's task is created
   * and due a little earlier than the one before (97 s per copy), as tasks filed over hours are.
   */
  static void cloneOpenComplaints(JdbcTemplate jdbc) {
    // definitions are named by key (a long key's definition id is a bare UUID); a complaint and its
    // department's instance share the complaint's number as business key
    String water = """
        SELECT E.BUSINESS_KEY_ FROM ACT_RU_EXECUTION E JOIN ACT_RE_PROCDEF D ON D.ID_ = E.PROC_DEF_ID_
        WHERE D.KEY_ = 'DepartmentWork_water-utility' AND E.ID_ = E.PROC_INST_ID_ AND E.ID_ NOT LIKE '%~%'""";
    long waterComplaints = jdbc.queryForObject("SELECT COUNT(*) FROM (" + water + ") w", Long.class);
    long complaints = jdbc.queryForObject("""
        SELECT COUNT(*) FROM ACT_RU_EXECUTION E JOIN ACT_RE_PROCDEF D ON D.ID_ = E.PROC_DEF_ID_
        WHERE D.KEY_ = 'ComplaintProcess' AND E.ID_ = E.PROC_INST_ID_""", Long.class);
    if (waterComplaints == 0 || waterComplaints == complaints) {
      throw new IllegalStateException(waterComplaints + " of " + complaints + " filed complaints are the water utility's");
    }
    cloneOpenComplaints(jdbc, "IN (" + water + ")", (int) Math.round(OPEN * WATER_SHARE / waterComplaints) - 1);
    cloneOpenComplaints(jdbc, "NOT IN (" + water + ")",
        (int) Math.round(OPEN * (1 - WATER_SHARE) / (complaints - waterComplaints)) - 1);
  }

  static void cloneOpenComplaints(JdbcTemplate jdbc, String numbers, int copies) {
    // the filed rows only (copies have ~ in their ids) of the complaints named (their own instance
    // and their department's)
    String instances = "SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND ID_ NOT LIKE '%~%' "
        + "AND BUSINESS_KEY_ " + numbers;
    String tasks = "SELECT ID_ FROM ACT_RU_TASK WHERE ID_ NOT LIKE '%~%' AND PROC_INST_ID_ IN (" + instances + ")";
    copy(jdbc, "ACT_RU_EXECUTION", "ID_ NOT LIKE '%~%' AND PROC_INST_ID_ IN (" + instances + ")", copies, "o", Map.of());
    copy(jdbc, "ACT_RU_TASK", "ID_ IN (" + tasks + ")", copies, "o", Map.of(
        "CREATE_TIME_", "CREATE_TIME_ - g * INTERVAL '97 seconds'", "DUE_DATE_", "DUE_DATE_ - g * INTERVAL '97 seconds'"));
    copy(jdbc, "ACT_RU_IDENTITYLINK", "ID_ NOT LIKE '%~%' AND TASK_ID_ IN (" + tasks + ")", copies, "o", Map.of());
    copy(jdbc, "ACT_RU_VARIABLE", "ID_ NOT LIKE '%~%' AND BYTEARRAY_ID_ IS NULL AND PROC_INST_ID_ IN (" + instances + ")",
        copies, "o", Map.of());
    copy(jdbc, "ACT_RU_AUTHORIZATION", "ID_ NOT LIKE '%~%' AND RESOURCE_TYPE_ IN (7, 19) AND RESOURCE_ID_ IN (" + tasks
        + ")", copies, "o", Map.of());
  }

  /** Closed complaints in history: their instances and tasks, and the history grants their tasks left. */
  static void cloneHistory(JdbcTemplate jdbc, int copies) {
    String tasks = "SELECT ID_ FROM ACT_HI_TASKINST WHERE ID_ NOT LIKE '%~o%'";
    copy(jdbc, "ACT_HI_PROCINST", "ID_ NOT LIKE '%~o%' AND PROC_DEF_KEY_ = 'ComplaintProcess'", copies, "h",
        Map.of("END_TIME_", "START_TIME_ + INTERVAL '3 days'", "STATE_", "'COMPLETED'",
            "REMOVAL_TIME_", "START_TIME_ + INTERVAL '5 years'"));
    copy(jdbc, "ACT_HI_TASKINST", "ID_ IN (" + tasks + ") AND TASK_DEF_KEY_ IS NOT NULL", copies, "h",
        Map.of("END_TIME_", "START_TIME_ + INTERVAL '2 days'", "DELETE_REASON_", "'completed'",
            "REMOVAL_TIME_", "START_TIME_ + INTERVAL '5 years'"));
    copy(jdbc, "ACT_RU_AUTHORIZATION", "RESOURCE_TYPE_ = 19 AND RESOURCE_ID_ IN (" + tasks + ")", copies, "h", Map.of());
  }

  static void copy(JdbcTemplate jdbc, String table, String which, int copies, String namespace, Map<String, String> set) {
    List<String> columns = jdbc.queryForList("""
        SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
            AND table_name = lower(?) ORDER BY ordinal_position""", String.class, table).stream()
        .map(String::toUpperCase).toList();
    String select = columns.stream().map(column -> set.containsKey(column) ? set.get(column)
        : INSTANCE_IDS.contains(column) ? column + " || '~" + namespace + "' || g" : column)
        .collect(Collectors.joining(", "));
    long started = System.nanoTime();
    int rows = jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM "
        + table + ", generate_series(1, " + copies + ") g WHERE " + which);
    System.out.printf("  %-22s %,11d rows in %5.1f s%n", table, rows, (System.nanoTime() - started) / 1e9);
  }
}
