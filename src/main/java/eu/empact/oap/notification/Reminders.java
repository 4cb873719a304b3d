package eu.empact.oap.notification;

import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.tasks.ProcessStep;
import eu.empact.oap.tasks.ProcessVariables;
import eu.empact.oap.tasks.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task reminders as the models have them ({@link ReminderFragment}): a non-interrupting timer on a
 * user task, whose cycle {@code ${reminders.cycle(execution, dueDate)}} names the task's next
 * reminder point and is read again each time it fires, and an async "Send reminders" task
 * ({@code ${sendRemindersDelegate}}) that reminds the people of each open task of that activity,
 * and, once it is overdue, tells the OAP's Driver and Co-Drivers who is late. The task is the one
 * the timer is attached to, the schedule the timer's {@code reminderKind}. A task completed early
 * takes its timer with it: no further reminder.
 */
@Component("reminders")
public class Reminders {

  static final String OAP_ID = ProcessVariables.OAP_ID;
  /**
   * Input parameters of the "Send reminders" tasks of models deployed before the reminder
   * fragments named their task once: process instances started on them still run on them.
   */
  static final String EARLIER_REMINDED_ACTIVITY = "remindedActivity";
  static final String EARLIER_REMINDER_KIND = "reminderKind";

  private final TaskService tasks;
  private final Notifications notifications;
  private final ReminderProperties properties;
  private final Clock clock;

  Reminders(TaskService tasks, Notifications notifications, ReminderProperties properties, Clock clock) {
    this.tasks = tasks;
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The timer cycle to the next reminder point of the task the timer is on: from the due date of
   * its open tasks, or, before the task exists, from the due date the model gives it.
   */
  public String cycle(DelegateExecution execution, Object dueDate) {
    ReminderFragment reminder = ReminderFragment.ofTimerOn(execution);
    return cycle(execution, reminder.activity(), reminder.kind(), dueDate);
  }

  /**
   * The same for the timers of models deployed before the reminder fragments named their task
   * once ({@code ${reminders.cycle(execution, 'Task_Id', 'kind', dueDate)}}): process instances
   * started on them still evaluate it.
   */
  public String cycle(DelegateExecution execution, String activity, String kind, Object dueDate) {
    ReminderSchedule schedule = properties.schedule(kind);
    Instant due = openTasks(execution, activity).stream().map(Task::getDueDate).filter(Objects::nonNull)
        .map(Date::toInstant).min(Instant::compareTo).orElseGet(() -> instant(dueDate));
    Instant next = schedule.next(due, clock.instant());
    return "R/" + DateTimeFormatter.ISO_INSTANT.format(next.truncatedTo(ChronoUnit.SECONDS)) + "/P"
        + schedule.overdueEveryDays() + "D";
  }

  /** Sends the reminders due now for every open task of the reminded activity. */
  void send(DelegateExecution execution) {
    ReminderFragment reminder = execution.hasVariableLocal(EARLIER_REMINDED_ACTIVITY)
        ? new ReminderFragment((String) execution.getVariableLocal(EARLIER_REMINDED_ACTIVITY),
            (String) execution.getVariableLocal(EARLIER_REMINDER_KIND))
        : ReminderFragment.ofSendTask(execution);
    String activity = reminder.activity();
    ReminderSchedule schedule = properties.schedule(reminder.kind());
    Long oapId = execution.getVariable(OAP_ID) instanceof Number id ? id.longValue() : null;
    Instant now = clock.instant();
    List<String> late = new ArrayList<>();
    Task firstLate = null;
    int latestOverdue = 0;
    for (Task task : openTasks(execution, activity)) {
      if (task.getDueDate() == null) {
        continue;
      }
      Instant due = task.getDueDate().toInstant();
      int number = schedule.reached(due, now);
      if (number == 0) {
        continue;
      }
      boolean overdue = schedule.overdue(number);
      List<String> groups = candidateGroups(task);
      notifications.record(execution, new TaskNotice(overdue ? TaskNotice.Kind.OVERDUE : TaskNotice.Kind.REMINDER,
          number, oapId, task.getId(), task.getName(), due, task.getAssignee(), groups));
      if (overdue) {
        late.add(task.getName() + " (" + (task.getAssignee() != null ? task.getAssignee() : String.join(", ", groups))
            + ")");
        firstLate = firstLate == null ? task : firstLate;
        latestOverdue = Math.max(latestOverdue, number);
      }
    }
    if (firstLate != null && oapId != null) {
      notifications.record(execution, new TaskNotice(TaskNotice.Kind.LATE, latestOverdue, oapId,
          firstLate.getId(), firstLate.getName(), firstLate.getDueDate().toInstant(), null,
          List.of(EmpactGroups.driver(oapId), EmpactGroups.coDriver(oapId)), "Late: " + String.join("; ", late)));
    }
  }

  private List<Task> openTasks(DelegateExecution execution, String activity) {
    return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(activity)
        .orderByTaskName().asc().list();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private static Instant instant(Object dueDate) {
    if (dueDate instanceof Date date) {
      return date.toInstant();
    }
    if (dueDate == null) {
      throw new IllegalArgumentException("a reminder needs the task's due date");
    }
    return Instant.parse(dueDate.toString());
  }

  /** The "Send reminders" task of the models. */
  @Component("sendRemindersDelegate")
  static class SendReminders implements ProcessStep {
    private final Reminders reminders;

    SendReminders(Reminders reminders) {
      this.reminders = reminders;
    }

    @Override
    public void run(Step step) {
      reminders.send(step.execution());
    }
  }
}
