package eu.empact.oap.workspace;

import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.tasks.ProcessVariables;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open tasks of an OAP's processes, as the workspace shows them: a user's own (assigned to the
 * user, or waiting in one of its groups, as Tasklist lists them), or all of them for the late view
 * and the timeline of the OAP's managers. The engine is asked as the application (a workspace
 * request carries no engine authentication); who sees which is the pages' rule.
 */
@Component
class OapTasks {

  private final TaskService tasks;
  private final String tasklist;

  OapTasks(TaskService tasks, ProcessEngine engine,
           @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.tasks = tasks;
    this.tasklist = webappPath.replaceAll("/+$", "") + "/app/tasklist/" + engine.getName() + "/";
  }

  /**
   * An open task: its name, due date, assignee, whom it waits on in words (null where not asked
   * for) and its Tasklist link (context-relative).
   */
  record OpenTask(String id, String name, Instant due, String assignee, String waitsOn, String link) {

    public boolean overdue(Instant now) {
      return due != null && due.isBefore(now);
    }
  }

  /** The user's own open tasks in the OAP's processes, by due date. */
  List<OpenTask> mine(long oapId, String user) {
    return open(oapId, tasks.createTaskQuery().processVariableValueEquals(ProcessVariables.OAP_ID, oapId)
        .or().taskAssignee(user).taskCandidateUser(user).endOr(), true);
  }

  /** Every open task of the OAP's processes, by due date, with whom each waits on. */
  List<OpenTask> all(long oapId) {
    return open(oapId, tasks.createTaskQuery().processVariableValueEquals(ProcessVariables.OAP_ID, oapId), true);
  }

  /** The same without whom they wait on (one statement, not one more per task): for due dates and counts. */
  List<OpenTask> allUnnamed(long oapId) {
    return open(oapId, tasks.createTaskQuery().processVariableValueEquals(ProcessVariables.OAP_ID, oapId), false);
  }

  /** The open tasks of the OAP that are past their due date, by due date. */
  List<OpenTask> late(long oapId, Instant now) {
    return open(oapId, tasks.createTaskQuery().processVariableValueEquals(ProcessVariables.OAP_ID, oapId)
        .dueBefore(Date.from(now)), true);
  }

  private List<OpenTask> open(long oapId, TaskQuery query, boolean who) {
    return query.orderByDueDate().asc().orderByTaskName().asc().list().stream()
        .map(task -> new OpenTask(task.getId(), task.getName(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
            who ? waitsOn(oapId, task) : null, tasklist + "#/?task=" + task.getId()))
        .toList();
  }

  /** Who the task waits on, in words: "FR (NEC)", "IT (Action Leader)", "Driver"; its assignee once claimed. */
  private String waitsOn(long oapId, Task task) {
    List<String> who = candidateGroups(task).stream().map(group -> role(group, oapId)).toList();
    String groups = String.join(", ", who);
    if (task.getAssignee() != null) {
      return task.getAssignee() + (groups.isEmpty() ? "" : " (" + groups + ")");
    }
    return groups.isEmpty() ? "nobody" : groups;
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().toList();
  }

  /** A role group in words. */
  static String role(String group, long oapId) {
    Optional<String> nec = EmpactGroups.necMemberState(group);
    if (nec.isPresent()) {
      return nec.get() + " (NEC)";
    }
    Optional<EmpactGroups.ActorInOap> actor = EmpactGroups.actorInOap(group);
    if (actor.isPresent()) {
      return actor.get().actor() + (actor.get().contact() ? " (contact)" : " (Action Leader)");
    }
    return switch (group) {
      case EmpactGroups.SUPPORT_UNIT -> "EMPACT Support Unit";
      case EmpactGroups.COSI_SECRETARIAT -> "COSI secretariat";
      case EmpactGroups.ADMINISTRATORS -> "administrators";
      default -> group.equals(EmpactGroups.driver(oapId)) ? "Driver"
          : group.equals(EmpactGroups.coDriver(oapId)) ? "Co-Drivers" : group;
    };
  }
}
