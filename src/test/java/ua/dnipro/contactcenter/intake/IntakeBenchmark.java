package ua.dnipro.contactcenter.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import ua.dnipro.contactcenter.ContactCenterApplication;
import ua.dnipro.contactcenter.testing.ApplicationNode;
import ua.dnipro.contactcenter.testing.ComplaintFixtures;
import ua.dnipro.contactcenter.testing.PostgresForTests;

/**
 * How fast channels can file complaints, against plain Camunda in the same run on the same
 * PostgreSQL server. Figures, not a pass/fail test: {@code mvn -B test -Pbenchmark -Dtest=IntakeBenchmark}.
 *
 * <ol>
 *   <li>Baseline: plain Camunda 7.24 on Spring Boot (baseline.PlainCamundaApplication, its own
 *       JVM and database, full history), {@value #CLIENTS} clients starting a one-user-task process
 *       with a non-interrupting timer and {@value #BASELINE_VARIABLES} variables through engine REST.</li>
 *   <li>The application (production profile, its own JVM and database): the same clients file
 *       complaints over {@code POST /api/v1/complaints}, each with its own Idempotency-Key, in a
 *       mix of categories and issue types that follows the city's (a few categories take most).</li>
 *   <li>The same with a second node on the same database, the clients taking turns between them.</li>
 * </ol>
 * Each is warmed up first (not counted); then {@code -Dbenchmark.rounds} rounds (3 by default)
 * measure the baseline, one node and two nodes one right after the other, all of them running, and
 * the ratio is the median of the rounds' (the machine's speed drifts between minutes). Rows inserted are PostgreSQL's own count
 * for the run's database ({@code pg_stat_database.tup_inserted}), divided by the requests. The
 * table goes to standard output and target/benchmark/intake.txt.
 */
public class IntakeBenchmark {

  static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
  static final int MEASURED = Integer.getInteger("benchmark.requests", 1500);
  /** Enough for the JIT to settle: with 300 the baseline still sped up by half over the next rounds. */
  static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 1500);
  /** Rounds of baseline, one node and two nodes; the ratio is the median of the rounds'. */
  static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
  static final int BASELINE_VARIABLES = 14;
  static final String CHANNEL_PASSWORD = ApplicationNode.CHANNEL_PASSWORD;
  static final ObjectMapper JSON = JsonMapper.builder().build();

  public record Figures(String what, int requests, int failed, double perSecond, double p50, double p99, double rowsPerRequest,
      Map<String, Double> rowsByTable, String cpu) {
  }

  @Test
  void printIntakeFiguresAgainstPlainCamunda() throws Exception {
    // HTTP/1.1, as the channels' clients speak it (Java's default asks for an h2c upgrade on every request)
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    String plainDatabase = PostgresForTests.newDatabase();
    String database = PostgresForTests.newDatabase();
    boolean onlyOneNode = Boolean.getBoolean("benchmark.oneNodeOnly");
    List<Round> rounds = new ArrayList<>();
    try (ApplicationNode plain = ApplicationNode.start("plain", "baseline.PlainCamundaApplication", plainDatabase, 18181,
            List.of("--spring.config.location=classpath:benchmark/plain-camunda.yaml"));
        ApplicationNode first = ApplicationNode.start("node-1", ContactCenterApplication.class.getName(), database, 18281,
            List.of());
        ApplicationNode second = onlyOneNode ? null
            : ApplicationNode.start("node-2", ContactCenterApplication.class.getName(), database, 18282, List.of())) {
      plain.awaitReady(http, "/engine-rest/process-definition/key/PlainOneTaskProcess", null);
      first.awaitReady(http, "/api/v1/categories", channelAuthorization());
      if (second != null) {
        second.awaitReady(http, "/api/v1/categories", channelAuthorization());
      }
      IntFunction<HttpRequest> start = i -> HttpRequest.newBuilder(plain.uri(
              "/engine-rest/process-definition/key/PlainOneTaskProcess/start"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(baselineStart(i))).build();
      List<String[]> mix = categoryMix(http, first);
      IntFunction<HttpRequest> oneNode = i -> filing(first, mix, i);
      IntFunction<HttpRequest> twoNodes = second == null ? null : i -> filing(i % 2 == 0 ? first : second, mix, i);
      // every request its own applicant (phone), so that no filing is another's repeated appeal:
      // the warm-ups and each run of each round take requests of their own
      run(http, start, WARM_UP, plainDatabase, "warm-up");
      run(http, oneNode, WARM_UP, database, "warm-up");
      if (twoNodes != null) {
        // the second node is cold: twice the warm-up, half of it on each node
        run(http, i -> twoNodes.apply(WARM_UP + i), 2 * WARM_UP, database, "warm-up");
      }
      // the machine's speed drifts by 10 % and more within minutes: each round measures the
      // baseline right before the application, and the ratio is taken within the round
      for (int round = 1; round <= ROUNDS; round++) {
        int base = 3 * WARM_UP + 2 * MEASURED * (round - 1);
        Figures baseline = run(http, i -> start.apply(base + i), MEASURED, plainDatabase,
            "plain Camunda: REST start, 1 node" + (ROUNDS > 1 ? ", round " + round : ""));
        Figures one = run(http, i -> oneNode.apply(base + i), MEASURED, database,
            "POST /api/v1/complaints, 1 node" + (ROUNDS > 1 ? ", round " + round : ""));
        Figures two = twoNodes == null ? null : run(http, i -> twoNodes.apply(base + MEASURED + i), MEASURED, database,
            "POST /api/v1/complaints, 2 nodes" + (ROUNDS > 1 ? ", round " + round : ""));
        rounds.add(new Round(baseline, one, two));
      }
    }
    report(rounds);
  }

  /** One round: the baseline, then the application on one node and on two, one right after the other. */
  public record Round(Figures plain, Figures oneNode, Figures twoNodes) {

    List<Figures> figures() {
      return twoNodes == null ? List.of(plain, oneNode) : List.of(plain, oneNode, twoNodes);
    }
  }

  // --- the load -------------------------------------------------------------------------------

  public static Figures run(HttpClient http, IntFunction<HttpRequest> request, int count, String database, String what)
      throws Exception {
    awaitStatisticsFlushed();
    resetStatements(database);
    Map<String, Long> insertsBefore = insertsByTable(database);
    long before = tuplesInserted(database);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    Map<String, Long> cpuBefore = CpuTime.byKind();
    long started = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      running.add(clients.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          long sent = System.nanoTime();
          try {
            HttpResponse<String> response = http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
              failed.incrementAndGet();
              failures.add(response.statusCode() + " " + response.body());
            }
          } catch (IOException | InterruptedException e) {
            failed.incrementAndGet();
            failures.add(e.toString());
          }
          latencies.add(System.nanoTime() - sent);
        }
        return null;
      }));
    }
    for (Future<?> client : running) {
      client.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String cpu = CpuTime.share(cpuBefore, CpuTime.byKind(), seconds);
    clients.shutdown();
    failures.stream().limit(3).forEach(failure -> System.out.println("  failed: " + failure.substring(0, Math.min(300, failure.length()))));
    awaitStatisticsFlushed();
    long inserted = tuplesInserted(database) - before;
    Map<String, Long> insertsAfter = insertsByTable(database);
    Map<String, Double> byTable = new LinkedHashMap<>();
    insertsAfter.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - insertsBefore.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> byTable.put(e.getKey(), e.getValue() / (double) count));
    printStatements(database, what, count);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    Figures result = new Figures(what, count, failed.get(), count / seconds, percentile(sorted, 0.50),
        percentile(sorted, 0.99), inserted / (double) count, byTable, cpu);
    System.out.printf("%-40s %6d requests %4d failed %8.1f/s  p50 %6.0f ms  p99 %6.0f ms  %6.1f rows each%n",
        what, count, result.failed(), result.perSecond(), result.p50(), result.p99(), result.rowsPerRequest());
    return result;
  }

  public static double percentile(long[] sortedNanos, double p) {
    return sortedNanos.length == 0 ? Double.NaN
        : sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
  }

  /** A start of the plain process with 14 variables of the kinds a complaint has. */
  static String baselineStart(int i) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("applicantFirstName", "Олена");
    values.put("applicantLastName", "Коваленко");
    values.put("applicantPatronymic", "Петрівна");
    values.put("applicantPhone", "+38067" + String.format("%07d", i % 10_000_000));
    values.put("applicantEmail", "olena@example.com");
    values.put("applicantAddress", "вул. Січеславська Набережна, 5, кв. 12");
    values.put("category", "WATER");
    values.put("issueType", "NO_WATER");
    values.put("description", "З учорашнього вечора немає холодної води у всьому під'їзді");
    values.put("locationAddress", "вул. Робоча, 1");
    values.put("district", "CHECHELIVSKYI");
    values.put("latitude", 48.4593);
    values.put("longitude", 35.0183);
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    variables.put("dueAt", Map.of("value", Instant.now().plus(Duration.ofHours(6)).toString().replace("Z", "+0000"),
        "type", "Date"));
    if (variables.size() != BASELINE_VARIABLES) {
      throw new IllegalStateException("the baseline starts with " + BASELINE_VARIABLES + " variables");
    }
    return write(Map.of("businessKey", "B-" + i, "variables", variables));
  }

  public static HttpRequest filing(ApplicationNode node, List<String[]> mix, int i) {
    Map<String, Object> body = ComplaintFixtures.apiBody();
    String[] pick = mix.get(i % mix.size());
    body.put("category", pick[0]);
    body.put("issueType", pick[1]);
    ComplaintFixtures.part(body, "applicant").put("phone", "+38067" + String.format("%07d", i % 10_000_000));
    // spread over the city as complaints are (a fixed point would make every report a likely
    // duplicate of the last five)
    Random where = new Random(i);
    Map<String, Object> location = ComplaintFixtures.part(body, "location");
    location.put("address", "вул. Бенчмаркова, " + (1 + i % 5_000));
    location.put("lat", 48.40 + where.nextDouble() * 0.15);
    location.put("lon", 34.90 + where.nextDouble() * 0.25);
    return HttpRequest.newBuilder(node.uri("/api/v1/complaints"))
        .header("Authorization", channelAuthorization())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(write(body))).build();
  }

  /**
   * The classifier's categories and issue types, weighted as a city's complaints are: the first
   * few categories carry most of them (Zipf, s = 1), each category's first issue types most of it.
   */
  public static List<String[]> categoryMix(HttpClient http, ApplicationNode node) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri("/api/v1/categories"))
        .header("Authorization", channelAuthorization()).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonNode categories = JSON.readTree(response.body());
    JsonNode list = categories.isArray() ? categories : categories.path("categories");
    List<String[]> mix = new ArrayList<>();
    int rank = 0;
    for (JsonNode category : list) {
      rank++;
      int typeRank = 0;
      for (JsonNode issueType : category.path("issueTypes")) {
        typeRank++;
        int weight = Math.max(1, (int) Math.round(120.0 / rank / typeRank));
        for (int w = 0; w < weight; w++) {
          mix.add(new String[] {category.path("code").asText(), issueType.path("code").asText()});
        }
      }
    }
    if (mix.isEmpty()) {
      throw new IllegalStateException("no categories in " + response.body());
    }
    java.util.Collections.shuffle(mix, new Random(2021));
    return mix;
  }

  public static String channelAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString(("hotline:" + CHANNEL_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- PostgreSQL's own counts ------------------------------------------------------------------

  /** With -Dbenchmark.statements=true: PostgreSQL's statements of the run, the costliest first. */
  static void resetStatements(String database) throws SQLException {
    if (!Boolean.getBoolean("benchmark.statements")) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(database, "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      statement.execute("SELECT pg_stat_statements_reset()");
    }
  }

  static void printStatements(String database, String what, int requests) throws SQLException, IOException {
    if (!Boolean.getBoolean("benchmark.statements")) {
      return;
    }
    StringBuilder out = new StringBuilder("\nPostgreSQL's statements, " + what + " (per request; the costliest 40):\n");
    String ofThisDatabase = "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
    try (Connection connection = DriverManager.getConnection(database, "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet all = statement.executeQuery("SELECT SUM(calls), SUM(total_exec_time) " + ofThisDatabase)) {
      all.next();
      out.append(String.format("  all: %.1f statements, %.3f ms per request%n", all.getLong(1) / (double) requests,
          all.getDouble(2) / requests));
    }
    try (Connection connection = DriverManager.getConnection(database, "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("""
            SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') AS query
            """ + ofThisDatabase + " ORDER BY total_exec_time DESC LIMIT 40")) {
      while (rows.next()) {
        String query = rows.getString(4);
        out.append(String.format("  %6.2f calls %7.3f ms %6.1f rows  %s%n", rows.getLong(1) / (double) requests,
            rows.getDouble(2) / requests, rows.getLong(3) / (double) requests,
            query.substring(0, Math.min(220, query.length()))));
      }
    }
    System.out.print(out);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "intake-statements.txt"), out, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** Backends report their counts when idle at most every 10 s (PGSTAT_IDLE_INTERVAL): wait for that. */
  static void awaitStatisticsFlushed() throws InterruptedException {
    Thread.sleep(11_000);
  }

  static long tuplesInserted(String database) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database, "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT tup_inserted FROM pg_stat_database WHERE datname = current_database()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static Map<String, Long> insertsByTable(String database) throws SQLException {
    Map<String, Long> inserts = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(database, "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT relname, n_tup_ins FROM pg_stat_user_tables")) {
      while (rows.next()) {
        inserts.put(rows.getString(1).toLowerCase(), rows.getLong(2));
      }
    }
    return inserts;
  }

  // --- the report -------------------------------------------------------------------------------

  static void report(List<Round> rounds) throws IOException {
    StringBuilder table = new StringBuilder();
    table.append(String.format("%d clients, %d requests per run (after %d not counted), %d round%s; %d cores, %s, Java %s%n",
        CLIENTS, MEASURED, WARM_UP, rounds.size(), rounds.size() == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(),
        cpuModel(), System.getProperty("java.version")));
    table.append(String.format("%-50s %10s %8s %8s %8s %10s %8s%n", "", "per second", "p50 ms", "p99 ms", "failed",
        "rows each", "÷ plain"));
    for (Round round : rounds) {
      for (Figures f : round.figures()) {
        table.append(String.format("%-50s %10.1f %8.0f %8.0f %8d %10.1f %8.2f%n", f.what(), f.perSecond(), f.p50(),
            f.p99(), f.failed(), f.rowsPerRequest(), f.perSecond() / round.plain().perSecond()));
      }
    }
    table.append(String.format("%nmedian of the rounds' ratios: 1 node %.2f", median(rounds.stream()
        .mapToDouble(round -> round.oneNode().perSecond() / round.plain().perSecond()).toArray())));
    if (rounds.get(0).twoNodes() != null) {
      table.append(String.format(", 2 nodes %.2f; 2 nodes ÷ 1 node %.2f", median(rounds.stream()
          .mapToDouble(round -> round.twoNodes().perSecond() / round.plain().perSecond()).toArray()), median(rounds.stream()
          .mapToDouble(round -> round.twoNodes().perSecond() / round.oneNode().perSecond()).toArray())));
    }
    table.append('\n');
    table.append("\nwhere the machine's CPU went (share of all cores):\n");
    for (Round round : rounds) {
      for (Figures f : round.figures()) {
        table.append("  ").append(f.what()).append(": ").append(f.cpu()).append('\n');
      }
    }
    table.append("\nrows inserted per request, by table (the last round):\n");
    for (Figures f : rounds.get(rounds.size() - 1).figures()) {
      table.append("  ").append(f.what()).append(": ");
      f.rowsByTable().forEach((name, rows) -> table.append(String.format("%s %.1f, ", name, rows)));
      table.setLength(table.length() - 2);
      table.append('\n');
    }
    System.out.println();
    System.out.println(table);
    Files.createDirectories(Path.of("target", "benchmark"));
    Files.writeString(Path.of("target", "benchmark", "intake.txt"), table.toString());
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  public static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }


  /** CPU time of the processes on this machine, by kind: application nodes, PostgreSQL, the clients (this JVM). */
  static final class CpuTime {

    static Map<String, Long> byKind() {
      Map<String, Long> ticks = new LinkedHashMap<>();
      long self = ProcessHandle.current().pid();
      ProcessHandle.allProcesses().forEach(process -> {
        String command = commandLineOf(process.pid());
        String kind = process.pid() == self ? "clients"
            : command.contains("ContactCenterApplication") || command.contains("PlainCamundaApplication") ? "nodes"
            : command.contains("postgres") ? "PostgreSQL" : null;
        if (kind != null) {
          ticks.merge(kind, ticksOf(process.pid()), Long::sum);
        }
      });
      return ticks;
    }

    static String share(Map<String, Long> before, Map<String, Long> after, double seconds) {
      double available = seconds * 100 * Runtime.getRuntime().availableProcessors();
      StringBuilder share = new StringBuilder();
      double total = 0;
      for (String kind : List.of("nodes", "PostgreSQL", "clients")) {
        double used = after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L);
        total += used;
        share.append(String.format("%s %.0f%%, ", kind, 100 * used / available));
      }
      return share.append(String.format("all %.0f%%", 100 * total / available)).toString();
    }

    /** The whole command line (ProcessHandle's may leave out a JVM's long one). */
    private static String commandLineOf(long pid) {
      try {
        return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        return "";
      }
    }

    /** utime + stime of /proc/{pid}/stat, in clock ticks (100 per second); 0 if unreadable. */
    private static long ticksOf(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }
}
