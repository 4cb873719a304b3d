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
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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

  @Override
  public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (!IdentityLinkType.CANDIDATE.equals(type)) {
      return null;
    }
    return grants(Stream.of(getGrantAuthorizationByGroupId(groupId, TASK, task.getId()),
        getGrantAuthorizationByGroupId(groupId, HISTORIC_TASK, task.getId())));
  }

  @Override
  public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
    if (!IdentityLinkType.CANDIDATE.equals(type) || userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
      return null;
    }
    return grants(Stream.of(getGrantAuthorizationByUserId(userId, TASK, task.getId()),
        getGrantAuthorizationByUserId(userId, HISTORIC_TASK, task.getId())));
  }

  private static AuthorizationEntity[] grants(Stream<AuthorizationEntity> found) {
    return found.filter(Objects::nonNull).toArray(AuthorizationEntity[]::new);
  }
}
