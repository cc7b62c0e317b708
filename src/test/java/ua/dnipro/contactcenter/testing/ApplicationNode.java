package ua.dnipro.contactcenter.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application in its own JVM, as in production (its own heap, engine and job executor), on the
 * production profile against a given database: for benchmarks and for the tests of several nodes on
 * one database. Its log goes to target/benchmark.
 */
public record ApplicationNode(String name, Process process, int port) implements AutoCloseable {

  /** A port nobody listens on now. */
  public static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The password every channel account gets on benchmark nodes. */
  public static final String CHANNEL_PASSWORD = "Bench-channel-pass-2026";

  public static ApplicationNode start(String name, String mainClass, String database, int port, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"));
    // e.g. -Dbenchmark.node.jvm="-XX:StartFlightRecording=filename=target/benchmark/node.jfr" to profile a node
    String extra = System.getProperty("benchmark.node.jvm", "");
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", classpath(), mainClass));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.put("SPRING_PROFILES_ACTIVE", "postgres");
    environment.put("PORT", String.valueOf(port));
    environment.put("DB_URL", database);
    environment.put("DB_USER", "postgres");
    environment.put("DB_PASSWORD", "postgres");
    environment.put("DB_POOL_SIZE", "20");
    environment.put("CC_ADMIN_USER", PostgresForTests.ADMIN_USER);
    environment.put("CC_ADMIN_PASSWORD", PostgresForTests.ADMIN_PASSWORD);
    for (String channel : List.of("HOTLINE", "WEBSITE", "MOBILE_APP", "VIBER", "TELEGRAM")) {
      environment.put("CC_CHANNEL_" + channel + "_PASSWORD", CHANNEL_PASSWORD);
    }
    Files.createDirectories(Path.of("target", "benchmark"));
    File log = Path.of("target", "benchmark", name + ".log").toFile();
    builder.redirectErrorStream(true).redirectOutput(log);
    return new ApplicationNode(name, builder.start(), port);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Waits until the node is ready (its public {@code /actuator/health/readiness} answers 200: the
   * database answers, the job executor runs, the start-up work is done), then until the path answers
   * 200 with the authorization, if any.
   */
  public void awaitReady(HttpClient http, String path, String authorization) throws Exception {
    awaitReady(http);
    // a node without the actuator (the benchmark's plain Camunda): its path alone tells
    for (int attempt = 0; attempt < 240; attempt++) {
      if (answers(http, path, authorization)) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new IllegalStateException(name + " does not answer " + path + "; see target/benchmark/" + name + ".log");
  }

  /** Waits until the node is ready to take traffic. */
  public void awaitReady(HttpClient http) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
    int status;
    while ((status = status(http, "/actuator/health/readiness", null)) != 200 && status != 404) {
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(name + " not ready in 4 minutes; see target/benchmark/" + name + ".log");
      }
      Thread.sleep(500);
    }
  }

  private boolean answers(HttpClient http, String path, String authorization) throws InterruptedException {
    return status(http, path, authorization) == 200;
  }

  /** The status the path answers with, 0 while the node does not serve. */
  private int status(HttpClient http, String path, String authorization) throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " stopped; see target/benchmark/" + name + ".log");
    }
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notYet) {
      return 0;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The test JVM's classpath, without its empty entry (the working directory, with the top-level processes/ in it). */
  private static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator)).filter(entry -> !entry.isBlank())
        .distinct().collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }
}
