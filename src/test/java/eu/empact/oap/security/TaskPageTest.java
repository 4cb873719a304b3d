package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

class TaskPageTest {

  @Test
  void checksThePageOfACheckedListSortedByTheTasksOwnColumns() {
    TaskQueryImpl query = checked(new TaskQueryImpl());
    query.orderByDueDate().asc().orderByTaskPriority().desc();

    assertThat(TaskPage.checksThePage(query)).isTrue();
  }

  @Test
  void leavesToTheEnginesStatementWhatItCannotPageBeforeChecking() {
    // sorted by a variable's value: the engine joins the variables for the order
    TaskQueryImpl byVariable = checked(new TaskQueryImpl());
    byVariable.orderByProcessVariable("deadline", ValueType.DATE).asc();
    // names without case: the engine sorts by a column only its statement selects
    TaskQueryImpl byName = checked(new TaskQueryImpl());
    byName.orderByTaskNameCaseInsensitive().asc();
    // the engine's join form of the check (the open-task queries here always take the other)
    TaskQueryImpl joined = checked(new TaskQueryImpl());
    joined.getAuthCheck().setRevokeAuthorizationCheckEnabled(false);

    // a check the engine's task lists do not make: on another column, or all permissions at once
    TaskQueryImpl otherColumn = checked(new TaskQueryImpl());
    otherColumn.getAuthCheck().getPermissionChecks().getAtomicChecks().get(0).setResourceIdQueryParam("E.ID_");
    TaskQueryImpl allOfThem = checked(new TaskQueryImpl());
    allOfThem.getAuthCheck().getPermissionChecks().setAtomicChecks(List.of());
    allOfThem.getAuthCheck().getPermissionChecks().addCompositeCheck(new CompositePermissionCheck(false));

    assertThat(List.of(byVariable, byName, joined, otherColumn, allOfThem, new TaskQueryImpl()))
        .noneMatch(TaskPage::checksThePage);
  }

  @Test
  void breaksTiesByTheTasksIdInTheDirectionOfTheLastCriterion() {
    TaskQueryImpl byDueDate = new TaskQueryImpl();
    byDueDate.orderByDueDate().asc();
    TaskQueryImpl byPriorityAndName = new TaskQueryImpl();
    byPriorityAndName.orderByTaskPriority().asc().orderByTaskName().desc();

    assertThat(TaskPage.order(byDueDate)).isEqualTo(new TaskPage.Order("RES.DUE_DATE_ asc, RES.ID_ asc",
        "RES.DUE_DATE_, RES.ID_"));
    assertThat(TaskPage.order(byPriorityAndName)).isEqualTo(new TaskPage.Order(
        "RES.PRIORITY_ asc, RES.NAME_ desc, RES.ID_ desc", "RES.PRIORITY_, RES.NAME_, RES.ID_"));
    assertThat(TaskPage.order(new TaskQueryImpl())).isEqualTo(new TaskPage.Order("RES.ID_ asc", "RES.ID_"));
  }

  @Test
  void checksTheTaskAndItsProcessDefinitionOnTheCandidatesColumns() {
    PermissionCheck task = new PermissionCheck();
    task.setResourceIdQueryParam("RES.ID_");
    PermissionCheck definition = new PermissionCheck();
    definition.setResourceIdQueryParam("D.KEY_");

    assertThat(TaskPage.resourceId(task)).isEqualTo("RES.ID_");
    assertThat(TaskPage.resourceId(definition)).isEqualTo("RES.PROC_DEF_KEY_");
  }

  private static TaskQueryImpl checked(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    check.setAuthorizationCheckEnabled(true);
    check.setAuthUserId("al-it");
    check.setAuthGroupIds(List.of("action-leaders"));
    check.setRevokeAuthorizationCheckEnabled(true);
    PermissionCheck read = new PermissionCheck();
    read.setPermission(Permissions.READ);
    read.setResource(Resources.TASK);
    read.setResourceIdQueryParam("RES.ID_");
    check.addAtomicPermissionCheck(read);
    return query;
  }
}
