package eu.empact.oap.security;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A person updating a task (Tasklist sends the whole task when a follow-up date is set) changes
 * its follow-up date and, within the role, its assignee; the rest is the process's.
 */
final class TaskChangeCheck<T> implements Command<T> {

  private final Command<T> save;
  private final TaskEntity changed;
  private final String userId;

  TaskChangeCheck(Command<T> save, TaskEntity changed, String userId) {
    this.save = save;
    this.changed = changed;
    this.userId = userId;
  }

  @Override
  public T execute(CommandContext context) {
    if (changed.getRevision() == 0) {
      return save.execute(context); // a new task: the engine's authorization decides (people may not create tasks)
    }
    TaskEntity stored = context.runWithoutAuthorization(() -> context.getDbSqlSession()
        .selectById(TaskEntity.class, changed.getId()));
    if (stored == null) {
      return save.execute(context);
    }
    List<String> fixed = new ArrayList<>();
    same(fixed, "name", stored.getName(), changed.getName());
    same(fixed, "description", stored.getDescription(), changed.getDescription());
    same(fixed, "due date", time(stored.getDueDate()), time(changed.getDueDate()));
    same(fixed, "priority", stored.getPriority(), changed.getPriority());
    same(fixed, "owner", stored.getOwner(), changed.getOwner());
    same(fixed, "delegation", stored.getDelegationState(), changed.getDelegationState());
    same(fixed, "parent task", stored.getParentTaskId(), changed.getParentTaskId());
    same(fixed, "case", stored.getCaseInstanceId(), changed.getCaseInstanceId());
    same(fixed, "tenant", stored.getTenantId(), changed.getTenantId());
    if (!fixed.isEmpty()) {
      throw new EngineRefusals.Denied(userId + " may not change the task's " + String.join(", ", fixed)
          + ": it is set by the process (only the follow-up date and the assignee within the role change)");
    }
    String assignee = changed.getAssignee();
    if (!Objects.equals(stored.getAssignee(), assignee) && assignee != null && !assignee.equals(userId)
        && !AssignWithinRole.inRole(context, stored, assignee)) {
      throw new EngineRefusals.Denied(userId + " may not assign this task to " + assignee
          + ": a task is assigned only to a member of the groups it is for");
    }
    return save.execute(context);
  }

  private static Long time(Date date) {
    return date == null ? null : date.getTime();
  }

  private static void same(List<String> fixed, String property, Object stored, Object changed) {
    if (!Objects.equals(stored, changed)) {
      fixed.add(property);
    }
  }
}
