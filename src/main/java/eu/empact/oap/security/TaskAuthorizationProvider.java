package eu.empact.oap.security;

import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The authorizations the engine gives the people a task is for. Candidates and the assignee may
 * read the task, work on it (claim, complete through its form) and assign it (the engine gate
 * keeps that within the task's groups), but not update it, so they cannot write its variables
 * outside the form. A group or person removed from a task loses these authorizations at once
 * (the engine's default keeps them).
 */
final class TaskAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
    List<Permission> permissions = new ArrayList<>(List.of(Permissions.READ, Permissions.TASK_WORK,
        Permissions.TASK_ASSIGN));
    if (enforceSpecificVariablePermission) {
      permissions.add(TaskPermissions.READ_VARIABLE);
    }
    return permissions.toArray(new Permission[0]);
  }

  /**
   * A task passed to someone else (or back to its groups) is no longer its former assignee's: the
   * former assignee keeps access only through the task's groups.
   */
  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (oldAssignee != null && !oldAssignee.equals(newAssignee) && !oldAssignee.equals(task.getOwner())
        && !candidateUser(task, oldAssignee)) {
      taskManager().deleteDefaultAuthorizations(grants(Stream.of(
          getGrantAuthorizationByUserId(oldAssignee, TASK, task.getId()),
          getGrantAuthorizationByUserId(oldAssignee, HISTORIC_TASK, task.getId()))));
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (!IdentityLinkType.CANDIDATE.equals(type)) {
      return null;
    }
    return grants(Stream.of(ended(task) ? null : getGrantAuthorizationByGroupId(groupId, TASK, task.getId()),
        getGrantAuthorizationByGroupId(groupId, HISTORIC_TASK, task.getId())));
  }

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    if (!IdentityLinkType.CANDIDATE.equals(type) || userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
      return null;
    }
    return grants(Stream.of(ended(task) ? null : getGrantAuthorizationByUserId(userId, TASK, task.getId()),
        getGrantAuthorizationByUserId(userId, HISTORIC_TASK, task.getId())));
  }

  /**
   * A task being completed or deleted: the engine deletes all its authorizations after its
   * people's, so only their grants on its history are left to find.
   */
  private static boolean ended(Task task) {
    return task instanceof TaskEntity entity && entity.isDeleted();
  }

  private static boolean candidateUser(Task task, String user) {
    return task instanceof TaskEntity entity && entity.getIdentityLinks().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && user.equals(link.getUserId()));
  }

  private static TaskManager taskManager() {
    return Context.getCommandContext().getTaskManager();
  }

  private static AuthorizationEntity[] grants(Stream<AuthorizationEntity> found) {
    return found.filter(Objects::nonNull).toArray(AuthorizationEntity[]::new);
  }
}
