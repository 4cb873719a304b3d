package eu.empact.oap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.identity.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The production profile as it ships: no demo users, no demo OAP, no default password; roles ready. */
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest
@ActiveProfiles("postgres")
class PostgresProfileIT {

  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired OapRegistry registry;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void createsNoUserAndNoDemoData() {
    assertThat(identity.createUserQuery().count()).isZero();
    assertThat(registry.list()).isEmpty();
  }

  @Test
  void createsTheRoleGroupsAndTasklistFilters() {
    assertThat(identity.createGroupQuery().groupIdIn(EmpactGroups.ADMINISTRATORS, EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.COSI_SECRETARIAT, EmpactGroups.NECS, EmpactGroups.ACTION_LEADERS).count()).isEqualTo(5);
    assertThat(identity.createGroupQuery().groupNameLike("NEC %").count()).isEqualTo(27);
    assertThat(filters.createFilterQuery().list()).extracting(f -> f.getName())
        .containsExactlyInAnyOrder("My tasks", "My group's tasks", "Overdue");
  }
}
