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
    EmbeddedPostgresDatabase.register(properties);
  }
}
