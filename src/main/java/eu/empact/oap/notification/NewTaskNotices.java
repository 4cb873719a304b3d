package eu.empact.oap.notification;

import eu.empact.oap.tasks.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A notice to the people of every user task of the models when the engine creates it (its
 * assignee, or every member of its candidate groups), with a link to the task, so that nobody
 * waits for the first reminder to hear of it; {@code empact.notifications.task-created} turns it
 * off. It is the Spring event that Camunda's Spring Boot starter publishes for every task event
 * ({@code camunda.bpm.eventing.task}), after the model's own listener has named the task and in
 * the transaction that creates it: recorded in the outbox ({@link Notifications#record}), it goes
 * out only if the task's creation commits, and once.
 */
@Component
class NewTaskNotices {

  private final Notifications notifications;
  private final boolean enabled;

  NewTaskNotices(Notifications notifications, NotificationProperties properties, CamundaBpmProperties camunda) {
    this.notifications = notifications;
    this.enabled = properties.taskCreated();
    if (enabled && !Boolean.TRUE.equals(camunda.getEventing().isTask())) {
      throw new IllegalStateException("empact.notifications.task-created needs camunda.bpm.eventing.task: true "
          + "(the engine's task events as Spring events); set empact.notifications.task-created: false to go "
          + "without notices of new tasks");
    }
  }

  @EventListener
  void on(DelegateTask task) {
    if (!enabled || !TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
      return;
    }
    List<String> groups = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().toList();
    Long oapId = task.getVariable(ProcessVariables.OAP_ID) instanceof Number id ? id.longValue() : null;
    notifications.record(task.getExecution(), new TaskNotice(TaskNotice.Kind.NEW_TASK, 0, oapId, task.getId(),
        task.getName(), task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getAssignee(),
        groups));
  }
}
