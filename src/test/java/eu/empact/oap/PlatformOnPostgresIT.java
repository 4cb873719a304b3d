package eu.empact.oap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.security.TaskPage;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform contract on a real PostgreSQL server with the production `postgres` profile. */
@ActiveProfiles("postgres")
class PlatformOnPostgresIT extends PlatformContract {

  @Autowired ProcessEngine engine;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void everySessionOfTheApplicationLooksUpAGroupsTasksRatherThanScanningAll() {
    // the postgres profile's connection-init-sql (issue 14): PostgreSQL's default is 4
    assertThat(jdbc.sql("SHOW random_page_cost").query(String.class).single()).isEqualTo("1.1");
  }

  @Test
  void aTaskListsPageIsWhatTheEnginesOwnStatementAnswers() {
    // security.TaskPage checks the page's tasks only (issue 14): the engine's rows and pages, in the
    // engine's order for the same query sorted, last, by task id
    DbSqlSessionFactory statements = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory();
    assertThat(statements.mapStatement(TaskPage.ENGINE_STATEMENT)).isEqualTo(TaskPage.STATEMENT);
    List<String> created = new ArrayList<>();
    List<Authorization> granted = new ArrayList<>();
    String deployment = repository.createDeployment().addModelInstance("task-page.bpmn",
        Bpmn.createExecutableProcess("taskPage").camundaHistoryTimeToLive(1).startEvent().userTask("Task_Page")
            .camundaCandidateGroups("nec-DE").endEvent().done()).deploy().getId();
    try {
      // for necs (task 1, revoked from nec-fr, among them), nec-FR, and some for nec-DE as well
      for (int i = 0; i < 24; i++) {
        Task task = tasks.newTask();
        task.setName((char) ('A' + i % 7) + " task " + i);
        task.setPriority(i % 5 * 10);
        // ties on the due date, and tasks without one
        task.setDueDate(i % 6 == 5 ? null : Date.from(Instant.parse("2027-01-01T00:00:00Z").plusSeconds(86400L * (i % 4))));
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), i % 3 == 0 ? "nec-FR" : "necs");
        if (i % 4 == 0) {
          tasks.addCandidateGroup(task.getId(), "nec-DE");
        }
        created.add(task.getId());
      }
      // tasks of a process, seen by the drivers through its definition, by nec-de through the task
      for (int i = 0; i < 4; i++) {
        String instance = runtime.startProcessInstanceByKey("taskPage").getId();
        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        task.setDueDate(Date.from(Instant.parse("2027-01-02T00:00:00Z")));
        tasks.saveTask(task);
        created.add(task.getId());
      }
      granted.add(authorization(Authorization.AUTH_TYPE_REVOKE, "nec-fr", null, Resources.TASK, created.get(1),
          Permissions.READ));
      granted.add(authorization(Authorization.AUTH_TYPE_GRANT, null, "drivers", Resources.PROCESS_DEFINITION,
          "taskPage", ProcessDefinitionPermissions.READ_TASK));
      granted.add(authorization(Authorization.AUTH_TYPE_GLOBAL, "*", null, Resources.TASK, created.get(2),
          Permissions.READ));

      Map<String, List<String>> groups = Map.of("nec-fr", List.of("necs", "nec-FR"), "nec-de", List.of("necs", "nec-DE"),
          "driver", List.of("drivers"));
      List<Function<TaskQuery, TaskQuery>> shapes = List.of(
          q -> q.taskCandidateGroupIn(List.of("necs", "nec-FR", "nec-DE")).taskUnassigned().orderByDueDate().asc(),
          q -> q.taskCandidateGroupIn(List.of("necs", "nec-FR", "nec-DE")).orderByDueDate().desc(),
          q -> q.taskCandidateGroup("necs").orderByTaskPriority().desc().orderByTaskName().asc(),
          q -> q.orderByTaskName().asc(),
          q -> q.orderByDueDate().asc(),
          q -> q,
          q -> q.taskNameLike("%task%").orderByTaskNameCaseInsensitive().asc());
      for (Map.Entry<String, List<String>> user : groups.entrySet()) {
        for (Function<TaskQuery, TaskQuery> shape : shapes) {
          for (int[] page : new int[][] {{0, 5}, {5, 7}, {0, 1000}}) {
            List<String> ours = page(user.getKey(), user.getValue(), shape, page);
            Map<String, String> mappings = statements.getStatementMappings();
            statements.setStatementMappings(null);
            try {
              assertThat(ours).as("%s, query %d, page %d+%d", user.getKey(), shapes.indexOf(shape), page[0], page[1])
                  .isEqualTo(page(user.getKey(), user.getValue(), shape.andThen(PlatformOnPostgresIT::tiesById), page));
            } finally {
              statements.setStatementMappings(mappings);
            }
          }
        }
      }
      List<String> byDueDate = page("driver", groups.get("driver"), shapes.get(4), new int[] {0, 1000});
      List<String> processTasks = created.subList(24, 28).stream().sorted().toList();
      assertThat(byDueDate).as("the drivers' grant on the process (due first, ties by id), the global grant on a task")
          .containsSubsequence(processTasks.get(0), processTasks.get(1), processTasks.get(2), processTasks.get(3),
              created.get(2))
          .doesNotContain(created.get(0), created.get(3));
      assertThat(page("nec-fr", groups.get("nec-fr"), shapes.get(0), new int[] {0, 1000}))
          .contains(created.get(0)).doesNotContain(created.get(1));
      assertThat(page("nec-de", groups.get("nec-de"), shapes.get(0), new int[] {0, 1000})).contains(created.get(1));
    } finally {
      granted.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
      created.subList(0, Math.min(24, created.size())).forEach(id -> tasks.deleteTask(id, true));
      repository.deleteDeployment(deployment, true);
    }
  }

  private Authorization authorization(int type, String user, String group, Resources resource, String resourceId,
      Permission permission) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setUserId(user);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    return authorizations.saveAuthorization(authorization);
  }

  /** The same query, sorted last by task id in the direction of its last criterion (TaskPage.Order). */
  private static TaskQuery tiesById(TaskQuery query) {
    List<QueryOrderingProperty> order = ((TaskQueryImpl) query).getOrderingProperties();
    boolean descending = !order.isEmpty() && order.get(order.size() - 1).getDirection() == Direction.DESCENDING;
    return descending ? query.orderByTaskId().desc() : query.orderByTaskId().asc();
  }

  private List<String> page(String user, List<String> userGroups, Function<TaskQuery, TaskQuery> shape, int[] page) {
    identity.setAuthentication(user, userGroups);
    try {
      return shape.apply(tasks.createTaskQuery()).listPage(page[0], page[1]).stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }
}
