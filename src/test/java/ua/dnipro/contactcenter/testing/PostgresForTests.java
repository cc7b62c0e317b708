package ua.dnipro.contactcenter.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for tests, from the embedded binaries on Maven Central: started once per test
 * JVM, with a fresh database for each Spring context that asks, so test classes do not see each
 * other's complaints. Nothing has to be installed on the machine.
 */
public final class PostgresForTests {

  public static final String ADMIN_USER = "cc-admin";
  public static final String ADMIN_PASSWORD = "Test-admin-password-1";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private PostgresForTests() {
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        // stopped by Spring Boot after it has closed every application context, not by a JVM
        // hook of its own racing the contexts' shutdown (which still needs the database)
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        if (Boolean.getBoolean("benchmark.statements")) {
          // the benchmarks' "where PostgreSQL's time went" (pg_stat_statements ships with the binaries)
          builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        postgres = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      SpringApplication.getShutdownHandlers().add(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is going away anyway
        }
      });
    }
    return postgres;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public static String newDatabase() {
    String name = "contact_center_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /** Points the production profile at a fresh database, with the administrator from "the environment". */
  public static void registerProductionSettings(DynamicPropertyRegistry registry) {
    registerProductionSettings(registry, newDatabase());
  }

  /** Points the production profile at the database of the URL, with the administrator from "the environment". */
  public static void registerProductionSettings(DynamicPropertyRegistry registry, String url) {
    registry.add("DB_URL", () -> url);
    registry.add("DB_USER", () -> "postgres");
    registry.add("DB_PASSWORD", () -> "postgres");
    registry.add("CC_ADMIN_USER", () -> ADMIN_USER);
    registry.add("CC_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
  }
}
