package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
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

    assertThat(List.of(byVariable, byName, joined, new TaskQueryImpl())).noneMatch(TaskPage::checksThePage);
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
