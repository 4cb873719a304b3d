package eu.empact.oap.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A reminder as the models draw it: a non-interrupting timer on a user task, with the extension
 * property {@code reminderKind} (the schedule, {@link ReminderProperties}) and the cycle
 * {@code ${reminders.cycle(execution, dueDate)}}, leading to an async "Send reminders" task
 * ({@code ${sendRemindersDelegate}}). The reminded task is the one the timer is attached to
 * ({@code attachedToRef}), so a model writes each task's id once, as the task's own.
 *
 * @param activity the id of the reminded user task
 * @param kind     the reminder kind that picks its schedule
 */
record ReminderFragment(String activity, String kind) {

  static final String KIND = "reminderKind";
  /** How the engine names the scope of a multi-instance activity, which carries its boundary events. */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
  /** By process definition and the activity asking (timer's task, send task): a deployed definition never changes. */
  private static final Map<String, ReminderFragment> FRAGMENTS = new ConcurrentHashMap<>();

  /**
   * The fragment whose timer cycle the execution evaluates: the engine evaluates a boundary
   * timer's cycle in the execution of the activity the timer is attached to, when the activity
   * starts and each time the timer fires.
   */
  static ReminderFragment ofTimerOn(DelegateExecution execution) {
    String activity = activity(execution);
    String task = activity.endsWith(MULTI_INSTANCE_BODY)
        ? activity.substring(0, activity.length() - MULTI_INSTANCE_BODY.length()) : activity;
    return FRAGMENTS.computeIfAbsent("timer on " + execution.getProcessDefinitionId() + "/" + task, key -> {
      List<BoundaryEvent> timers = execution.getBpmnModelInstance().getModelElementsByType(BoundaryEvent.class)
          .stream().filter(event -> event.getAttachedTo() != null && event.getAttachedTo().getId().equals(task))
          .filter(event -> kind(event) != null).toList();
      if (timers.size() != 1) {
        throw new IllegalStateException(task + " needs exactly one reminder timer (a boundary timer with the "
            + "extension property " + KIND + "), has " + timers.size());
      }
      return of(timers.get(0));
    });
  }

  /**
   * The activity the execution is in. The scope of a multi-instance task whose instances run side
   * by side is in none itself while they run: its instances are in the task.
   */
  private static String activity(DelegateExecution execution) {
    Deque<ExecutionEntity> executions = new ArrayDeque<>(List.of((ExecutionEntity) execution));
    while (!executions.isEmpty()) {
      ExecutionEntity next = executions.removeFirst();
      if (next.getActivityId() != null) {
        return next.getActivityId();
      }
      executions.addAll(next.getExecutions());
    }
    throw new IllegalStateException("a reminder cycle is evaluated in execution " + execution.getId()
        + ", which is in no activity");
  }

  /** The fragment whose "Send reminders" task the execution runs: the reminder timer that leads to it. */
  static ReminderFragment ofSendTask(DelegateExecution execution) {
    return FRAGMENTS.computeIfAbsent("sent by " + execution.getProcessDefinitionId() + "/"
        + execution.getCurrentActivityId(), key -> {
          FlowNode send = (FlowNode) execution.getBpmnModelElementInstance();
          List<BoundaryEvent> timers = send.getPreviousNodes().filterByType(BoundaryEvent.class).list().stream()
              .filter(event -> kind(event) != null).toList();
          if (timers.size() != 1) {
            throw new IllegalStateException(send.getId() + " needs exactly one reminder timer (a boundary timer "
                + "with the extension property " + KIND + ") leading to it, has " + timers.size());
          }
          return of(timers.get(0));
        });
  }

  private static ReminderFragment of(BoundaryEvent timer) {
    return new ReminderFragment(timer.getAttachedTo().getId(), kind(timer));
  }

  private static String kind(BoundaryEvent event) {
    if (event.getExtensionElements() == null) {
      return null;
    }
    return event.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> KIND.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }
}
