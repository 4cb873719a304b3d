package eu.empact.oap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.support.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.Test;
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

  @Test
  void everySessionOfTheApplicationLooksUpAGroupsTasksRatherThanScanningAll() {
    // the postgres profile's connection-init-sql (issue 14): PostgreSQL's default is 4
    assertThat(jdbc.sql("SHOW random_page_cost").query(String.class).single()).isEqualTo("1.1");
  }
}
