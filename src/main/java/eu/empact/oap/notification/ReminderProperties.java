package eu.empact.oap.notification;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When task reminders go out ({@code empact.reminders.*}): a default schedule, and one per kind
 * of task (the {@code reminderKind} of a reminder in the model) where it differs.
 *
 * @param beforeDueDays days before the due date, e.g. 14, 7, 1
 * @param overdueEveryDays after the due date, a reminder every this many days while the task is open
 * @param kinds schedules of particular kinds of task
 */
@ConfigurationProperties("empact.reminders")
public record ReminderProperties(List<Integer> beforeDueDays, int overdueEveryDays, Map<String, Schedule> kinds) {

  public record Schedule(List<Integer> beforeDueDays, Integer overdueEveryDays) {}

  public ReminderProperties {
    kinds = kinds == null ? Map.of() : kinds;
  }

  ReminderSchedule schedule(String kind) {
    Schedule special = kinds.get(kind);
    return new ReminderSchedule(
        special != null && special.beforeDueDays() != null ? special.beforeDueDays() : beforeDueDays,
        special != null && special.overdueEveryDays() != null ? special.overdueEveryDays() : overdueEveryDays);
  }
}
