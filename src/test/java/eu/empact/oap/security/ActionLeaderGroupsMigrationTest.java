package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V19 on a database of the previous version with a running task for the global group
 * {@code action-leader-IT}: after the upgrade the task is for the Action Leader group of its OAP,
 * Italy's Action Leader is in that group and named in the OAP's directory, and still sees and
 * completes the task with the engine's authorizations on; the global group is gone. A real engine
 * (without Spring, with the application's task authorizations, as {@code EngineSecurity} installs
 * them) made the task, on H2, and Flyway alone migrates, as the application does.
 */
class ActionLeaderGroupsMigrationTest {

  @Test
  void aRunningTaskOfTheGlobalActionLeaderGroupStaysReachableAfterTheUpgrade() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:v19-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    JdbcClient jdbc = JdbcClient.create(database);

    ProcessEngine before = engine(database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    // the registry as V15 left it, the last version before V19 in every branch of this work
    flyway(database, "15").migrate();
    oapLedByItaly(jdbc);
    before.getIdentityService().saveGroup(before.getIdentityService().newGroup("action-leader-IT"));
    before.getIdentityService().saveUser(before.getIdentityService().newUser("al-it"));
    before.getIdentityService().createMembership("al-it", "action-leader-IT");
    before.getRepositoryService().createDeployment().addModelInstance("report.bpmn",
        Bpmn.createExecutableProcess("report").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Report").name("Report on OA 1.1").camundaCandidateGroups("action-leader-IT")
            .endEvent().done()).deploy();
    String instance = before.getRuntimeService().startProcessInstanceByKey("report").getId();
    Task task = before.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    jdbc.sql("INSERT INTO task_subject (task_id, process_key, oap_id, actor, oa_ref, created_at) "
        + "VALUES (?, 'report', 1, 'IT', '1.1', CURRENT_TIMESTAMP)").param(task.getId()).update();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = 'action-leader-IT' "
        + "AND RESOURCE_ID_ = ?").param(task.getId()).query(Integer.class).single()).isPositive();
    before.close();

    flyway(database, "19").migrate();

    ProcessEngine after = engine(database, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    try {
      assertThat(after.getIdentityService().createGroupQuery().groupId("action-leader-IT").count()).isZero();
      List<String> groups = after.getIdentityService().createGroupQuery().groupMember("al-it").list().stream()
          .map(g -> g.getId()).toList();
      assertThat(groups).containsExactly("oap-1-action-leader-IT");
      assertThat(after.getTaskService().getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
          .containsExactly("oap-1-action-leader-IT");
      assertThat(jdbc.sql("SELECT role, actor_code, user_id, added_by FROM oap_person WHERE oap_id = 1")
          .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
          .list()).containsExactly("ACTION_LEADER IT al-it migration V19");

      after.getIdentityService().setAuthentication("al-it", groups);
      assertThat(after.getTaskService().createTaskQuery().taskCandidateUser("al-it").list()).extracting(Task::getId)
          .containsExactly(task.getId());
      after.getTaskService().complete(task.getId());
      after.getIdentityService().clearAuthentication();
      assertThat(after.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    } finally {
      after.close();
    }
  }

  private static ProcessEngine engine(JdbcDataSource database, String schemaUpdate) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("v19-migration-" + System.nanoTime());
    configuration.setDataSource(database);
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(true);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setEnforceHistoryTimeToLive(false);
    configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider());
    // as application.yaml configures the engine
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9-]+|camunda-admin");
    configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9.-]+");
    return configuration.buildProcessEngine();
  }

  private static Flyway flyway(JdbcDataSource database, String target) {
    // as application.yaml configures it: the engine's tables are there before the first migration
    return Flyway.configure().dataSource(database).locations("classpath:db/migration").table("oap_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").target(target).load();
  }

  /** An OAP whose OA 1.1 Italy leads, as the registry stored it before V19. */
  private static void oapLedByItaly(JdbcClient jdbc) {
    jdbc.sql("INSERT INTO priority (id, name) VALUES (1, 'Migrant smuggling')").update();
    jdbc.sql("INSERT INTO oap (id, priority_id, period_start, period_end, driver_code, created_at) "
        + "VALUES (1, 1, 2024, 2025, 'DE', CURRENT_TIMESTAMP)").update();
    jdbc.sql("INSERT INTO oap_version (id, oap_id, revision, status, title, created_at) "
        + "VALUES (1, 1, 0, 'ADOPTED', 'OAP 2024-2025', CURRENT_TIMESTAMP)").update();
    jdbc.sql("INSERT INTO strategic_goal (id, version_id, number, title) VALUES (1, 1, 1, 'Goal 1')").update();
    jdbc.sql("INSERT INTO operational_action (id, version_id, strategic_goal_id, ref, position, title, type_codes) "
        + "VALUES (1, 1, 1, '1.1', 0, 'Joint operation', '1')").update();
    jdbc.sql("INSERT INTO participation (oa_id, actor_code, role, position, status, status_since) "
        + "VALUES (1, 'IT', 'LEADER', 0, 'ACTIVE', CURRENT_TIMESTAMP)").update();
  }
}
