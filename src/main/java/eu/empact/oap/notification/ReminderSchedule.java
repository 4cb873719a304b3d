package eu.empact.oap.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reminder points of a task with a due date: each "days before" point (e.g. 14, 7 and 1 days
 * before), then one every {@code overdueEveryDays} while it is overdue. Points are numbered from
 * 1 in time order; the number is part of what makes each reminder unique.
 */
record ReminderSchedule(List<Integer> beforeDueDays, int overdueEveryDays) {

  ReminderSchedule {
    beforeDueDays = beforeDueDays.stream().filter(days -> days > 0).distinct().sorted((a, b) -> b - a).toList();
    if (overdueEveryDays < 1) {
      throw new IllegalArgumentException("overdue-every-days must be at least 1, was " + overdueEveryDays);
    }
  }

  /** The point with this number (from 1). */
  Instant point(Instant due, int number) {
    int before = beforeDueDays.size();
    return number <= before ? due.minus(Duration.ofDays(beforeDueDays.get(number - 1)))
        : due.plus(Duration.ofDays((long) overdueEveryDays * (number - before)));
  }

  /** The number of the latest point at or before {@code now}; 0 when none has come yet. */
  int reached(Instant due, Instant now) {
    int number = 0;
    while (!point(due, number + 1).isAfter(now)) {
      number++;
    }
    return number;
  }

  /** The first point after {@code now}. */
  Instant next(Instant due, Instant now) {
    return point(due, reached(due, now) + 1);
  }

  boolean overdue(int number) {
    return number > beforeDueDays.size();
  }
}
