package eu.empact.oap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile as it ships: no demo users, no demo OAP, no default password; the first
 * administrator from the environment and no other way to make one; roles ready.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresProfileIT {

  private static final String SETUP = "/camunda/api/admin/setup/default/user/create";

  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired OapRegistry registry;
  @Autowired TestRestTemplate http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void createsTheAdministratorFromTheEnvironmentAndNoOtherUserNorDemoData() {
    assertThat(identity.createUserQuery().list()).extracting(User::getId)
        .containsExactly(EmbeddedPostgresDatabase.ADMIN_USER);
    assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).singleResult().getId())
        .isEqualTo(EmbeddedPostgresDatabase.ADMIN_USER);
    assertThat(registry.list()).isEmpty();
  }

  @Test
  void theAdministratorLogsInWithThePasswordFromTheEnvironment() {
    Api admin = Api.as(http, EmbeddedPostgresDatabase.ADMIN_USER, EmbeddedPostgresDatabase.ADMIN_PASSWORD);

    assertThat(admin.get("/engine-rest/user").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.get("/api/oaps").getBody()).isEqualTo("[]");
  }

  @Test
  void theSetupPageNoLongerCreatesAFirstAdministrator() {
    // the webapp's CSRF token, so that the setup resource itself answers
    ResponseEntity<String> page = http.getForEntity("/camunda/api/engine/engine/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
    headers.put(HttpHeaders.COOKIE, page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";")[0]).toList());

    ResponseEntity<String> setup = http.exchange(SETUP, HttpMethod.POST, new HttpEntity<>(
        "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"Intruder-passw0rd!\"}}", headers),
        String.class);

    assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(setup.getBody()).contains("Setup action not available");
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void doesNotStartWithoutTheAdministratorOrWithAWeakPassword() {
    Map<String, Object> environment = new HashMap<>(EmbeddedPostgresDatabase.environment(
        EmbeddedPostgresDatabase.newDatabase()));
    environment.put("EMPACT_ADMIN_USER", "");
    environment.put("EMPACT_ADMIN_PASSWORD", "");
    assertThatThrownBy(() -> start(environment)).hasStackTraceContaining("The postgres profile needs its first "
        + "administrator from the environment: set EMPACT_ADMIN_USER (the user id) and EMPACT_ADMIN_PASSWORD");

    environment.put("EMPACT_ADMIN_USER", "admin");
    environment.put("EMPACT_ADMIN_PASSWORD", "admin12345");
    assertThatThrownBy(() -> start(environment)).hasStackTraceContaining("EMPACT_ADMIN_PASSWORD does not pass the "
        + "password policy, which asks for no user data (id, names, e-mail address) in the password, uppercase");
  }

  @Test
  void createsTheRoleGroupsAndTasklistFilters() {
    assertThat(identity.createGroupQuery().groupIdIn(EmpactGroups.ADMINISTRATORS, EmpactGroups.SUPPORT_UNIT,
        EmpactGroups.COSI_SECRETARIAT, EmpactGroups.NECS, EmpactGroups.ACTION_LEADERS).count()).isEqualTo(5);
    // one per actor that was ever a Member State: the 27 of today and the United Kingdom
    assertThat(identity.createGroupQuery().groupNameLike("NEC %").count()).isEqualTo(28);
    assertThat(filters.createFilterQuery().list()).extracting(f -> f.getName())
        .containsExactlyInAnyOrder("My tasks", "My group's tasks", "Overdue");
  }

  /** The application on the `postgres` profile with the environment given; the start fails before an engine runs. */
  private static void start(Map<String, Object> environment) {
    new SpringApplicationBuilder(EmpactOapApplication.class).profiles("postgres").properties(environment)
        .properties("spring.main.web-application-type=none").run().close();
  }
}
