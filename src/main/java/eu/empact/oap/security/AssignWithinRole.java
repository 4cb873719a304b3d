package eu.empact.oap.security;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A person assigns a task to themselves, hands it back to its groups (no assignee), or assigns it
 * to a colleague who is in one of the task's candidate groups: never to someone outside the role.
 */
final class AssignWithinRole<T> implements Command<T> {

  private final Command<T> assignment;
  private final String taskId;
  private final String assignee;
  private final String userId;

  AssignWithinRole(Command<T> assignment, String taskId, String assignee, String userId) {
    this.assignment = assignment;
    this.taskId = taskId;
    this.assignee = assignee;
    this.userId = userId;
  }

  @Override
  public T execute(CommandContext context) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task != null && assignee != null && !assignee.equals(userId) && !inRole(context, task, assignee)) {
      throw new EngineRefusals.Denied(userId + " may not assign this task to " + assignee
          + ": a task is assigned only to a member of the groups it is for");
    }
    return assignment.execute(context);
  }

  static boolean inRole(CommandContext context, TaskEntity task, String user) {
    List<String> groups = task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    return context.runWithoutAuthorization(() -> groups.stream().anyMatch(group -> context
        .getReadOnlyIdentityProvider().createUserQuery(context).userId(user).memberOfGroup(group).count() > 0));
  }
}
