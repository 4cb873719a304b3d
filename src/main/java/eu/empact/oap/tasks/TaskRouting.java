package eu.empact.oap.tasks;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapPeople.DirectoryChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * No task waits on nobody (ADR 0016). When the engine creates a task for an actor (its candidate
 * groups are the actor's Action Leaders, contacts or NEC) and nobody is in any of them (the OAP's directory names nobody for the actor, or its NEC group is
 * empty), the EMPACT Support Unit gets it at once, named "... on behalf of Libya", and a task to
 * name a contact for the actor ({@value #NAME_CONTACT}); what it decides is recorded as done on the
 * actor's behalf ({@link TaskSubject#onBehalfOf()}). Once the directory names someone for the
 * actor, its open tasks go back to the actor's people. A task created on a model deployed before
 * the per-OAP groups, for a global {@code action-leader-<ACTOR>} group, goes to the groups of its OAP.
 */
@Component
public class TaskRouting {

  /** The process of the Support Unit's task to name a contact for an actor in an OAP. */
  public static final String NAME_CONTACT = "name-contact";
  /** Variables of {@value #NAME_CONTACT}. */
  public static final String ACTOR = "actor";

  private static final String ON_BEHALF = " on behalf of ";

  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ActorDirectory actors;
  private final JdbcClient jdbc;

  TaskRouting(IdentityService identity, RuntimeService runtime, TaskService tasks, ActorDirectory actors,
              JdbcClient jdbc) {
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
    this.actors = actors;
    this.jdbc = jdbc;
  }

  /** Routes a task the engine just created, after its listener recorded its subject and named it. */
  void route(DelegateTask task, TaskSubject subject) {
    if (subject.oapId() != null) {
      for (String group : candidateGroups(task.getCandidates())) {
        EmpactGroups.legacyActionLeaderActor(group).ifPresent(actor -> {
          task.deleteCandidateGroup(group);
          EmpactGroups.actorInOap(subject.oapId(), actor).forEach(task::addCandidateGroup);
        });
      }
    }
    if (subject.actor() == null || subject.oapId() == null || task.getAssignee() != null
        || !forTheActor(task, subject) || reachable(task.getCandidates())) {
      // a task about an actor but for others (the Driver's exhortation) stays theirs; one nobody
      // can do is listed by UnreachableTasks
      return;
    }
    String name = actorName(subject.actor());
    task.addCandidateGroup(EmpactGroups.SUPPORT_UNIT);
    FormTaskListener.name(task, task.getName() + ON_BEHALF + name);
    task.setDescription("The EMPACT Support Unit does this task on behalf of " + name + " (" + subject.actor()
        + "): nobody in the people of OAP " + subject.oapId() + " acts for it. Name a person for it "
        + "(PUT /api/oaps/" + subject.oapId() + "/people) and the task goes to that person.");
    jdbc.sql("UPDATE task_subject SET on_behalf_of = ? WHERE task_id = ?").params(subject.actor(), task.getId())
        .update();
    String businessKey = NAME_CONTACT + "-" + subject.oapId() + "-" + subject.actor();
    WithoutAuthorizationChecks.run(() -> {
      if (runtime.createProcessInstanceQuery().processDefinitionKey(NAME_CONTACT)
          .processInstanceBusinessKey(businessKey).count() == 0) {
        runtime.startProcessInstanceByKey(NAME_CONTACT, businessKey,
            Map.of(ProcessVariables.OAP_ID, subject.oapId(), ACTOR, subject.actor()));
      }
    });
  }

  /**
   * The directory of an OAP changed: each task the Support Unit holds on an actor's behalf goes
   * back to the actor's people when it has some now (runs after the groups followed the directory).
   */
  @EventListener
  @Order(2)
  public void handBack(DirectoryChanged changed) {
    List<Map<String, Object>> held = jdbc.sql("SELECT task_id, on_behalf_of FROM task_subject WHERE oap_id = ? "
        + "AND on_behalf_of IS NOT NULL").param(changed.oapId()).query().listOfRows();
    WithoutAuthorizationChecks.run(() -> {
      for (Map<String, Object> row : held) {
        String taskId = (String) row.get("task_id");
        String actor = (String) row.get("on_behalf_of");
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
          continue;
        }
        List<IdentityLink> others = tasks.getIdentityLinksForTask(taskId).stream()
            .filter(link -> !EmpactGroups.SUPPORT_UNIT.equals(link.getGroupId())).toList();
        if (!reachable(others)) {
          continue;
        }
        tasks.deleteCandidateGroup(taskId, EmpactGroups.SUPPORT_UNIT);
        // as it is now: removing the candidate changed the task's revision
        task = tasks.createTaskQuery().taskId(taskId).singleResult();
        String suffix = ON_BEHALF + actorName(actor);
        if (task.getName() != null && task.getName().endsWith(suffix)) {
          task.setName(task.getName().substring(0, task.getName().length() - suffix.length()));
        }
        task.setDescription(null);
        if (task.getAssignee() != null && !isMember(task.getAssignee(), others)) {
          task.setAssignee(null);
        }
        tasks.saveTask(task);
        jdbc.sql("UPDATE task_subject SET on_behalf_of = NULL WHERE task_id = ?").param(taskId).update();
      }
    });
  }

  /** Whether somebody may do a task with these candidates: a candidate user, or a member of a candidate group. */
  public boolean reachable(Iterable<? extends IdentityLink> candidates) {
    return WithoutAuthorizationChecks.call(() -> {
      for (IdentityLink link : candidates) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null
            || link.getGroupId() != null && identity.createUserQuery().memberOfGroup(link.getGroupId()).count() > 0) {
          return true;
        }
      }
      return false;
    });
  }

  /** Whether the task goes to the people who act for its actor (its Action Leaders, contacts or NEC). */
  private static boolean forTheActor(DelegateTask task, TaskSubject subject) {
    List<String> actorGroups = new ArrayList<>(EmpactGroups.actorInOap(subject.oapId(), subject.actor()));
    actorGroups.add(EmpactGroups.nec(subject.actor()));
    return candidateGroups(task.getCandidates()).stream().anyMatch(actorGroups::contains);
  }

  private boolean isMember(String user, List<IdentityLink> links) {
    return links.stream().anyMatch(link -> user.equals(link.getUserId()) || link.getGroupId() != null
        && identity.createUserQuery().userId(user).memberOfGroup(link.getGroupId()).count() > 0);
  }

  private String actorName(String code) {
    return actors.resolve(code).map(Actor::name).orElse(code);
  }

  private static List<String> candidateGroups(Iterable<? extends IdentityLink> links) {
    List<String> groups = new ArrayList<>();
    links.forEach(link -> {
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    });
    return groups;
  }
}
