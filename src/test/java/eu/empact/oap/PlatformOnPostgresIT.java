package eu.empact.oap;

import eu.empact.oap.support.EmbeddedPostgresDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform contract on a real PostgreSQL server with the production `postgres` profile. */
@ActiveProfiles("postgres")
class PlatformOnPostgresIT extends PlatformContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    String url = EmbeddedPostgresDatabase.newDatabase();
    properties.add("EMPACT_DB_URL", () -> url);
    properties.add("EMPACT_DB_USER", () -> "postgres");
    properties.add("EMPACT_DB_PASSWORD", () -> "postgres");
    // the server stops in its own shutdown hook beside Spring's: fail fast on connections then
    properties.add("spring.datasource.hikari.connection-timeout", () -> "2000");
  }
}
