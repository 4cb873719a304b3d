package eu.empact.oap.exclusion;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.tasks.ProcessVariables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open tasks an actor has in an OAP (its Action Leader or NEC group is a candidate), and
 * their cancellation with a reason when the actor is no longer participant: each task's activity
 * instance is cancelled by a process instance modification that carries the reason, so the
 * process goes on without it (a report task of a reporting round ends as if nobody reported).
 */
@Component
class OpenTasks {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;

  OpenTasks(TaskService tasks, RuntimeService runtime, IdentityService identity) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** Cancels the actor's open tasks in processes of the OAP, except in {@code exceptInstance}; returns their names. */
  List<String> cancel(long oapId, String actor, String exceptInstance, String reason) {
    Set<String> groups = Set.of(EmpactGroups.actionLeader(oapId, actor), EmpactGroups.contact(oapId, actor),
        EmpactGroups.nec(actor));
    List<String> cancelled = new ArrayList<>();
    WithoutAuthorizationChecks.run(() -> {
      for (Task task : tasks.createTaskQuery().processVariableValueEquals(ProcessVariables.OAP_ID, oapId).list()) {
        List<String> candidates = candidateGroups(task);
        if (task.getProcessInstanceId().equals(exceptInstance) || candidates.stream().noneMatch(groups::contains)) {
          continue;
        }
        if (!groups.containsAll(candidates)) {
          // shared with others (an OA it co-leads): the task stays theirs, and whoever of the actor
          // had claimed it hands it back to them
          groups.forEach(group -> tasks.deleteCandidateGroup(task.getId(), group));
          if (task.getAssignee() != null && memberOfAny(task.getAssignee(), groups)
              && !memberOfAny(task.getAssignee(), candidates.stream().filter(g -> !groups.contains(g)).toList())) {
            tasks.setAssignee(task.getId(), null);
          }
          cancelled.add(task.getName() + " (" + actor + " removed; it stays with " + String.join(", ",
              candidates.stream().filter(g -> !groups.contains(g)).toList()) + ")");
          continue;
        }
        String activityInstance = activityInstance(runtime.getActivityInstance(task.getProcessInstanceId()),
            task.getExecutionId());
        if (activityInstance == null) {
          continue;
        }
        runtime.createProcessInstanceModification(task.getProcessInstanceId())
            .cancelActivityInstance(activityInstance)
            .setAnnotation(reason)
            .execute();
        cancelled.add(task.getName());
      }
    });
    return cancelled;
  }

  private boolean memberOfAny(String user, Collection<String> groups) {
    return groups.stream().anyMatch(group -> identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** The activity instance in which the task's execution stands. */
  static String activityInstance(ActivityInstance instance, String executionId) {
    if (instance == null) {
      return null;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0 && List.of(child.getExecutionIds()).contains(executionId)) {
        return child.getId();
      }
      String found = activityInstance(child, executionId);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
