package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reminder points of a task, without Spring: before the due date, then while it is overdue. */
class ReminderScheduleTest {

  static final Instant DUE = Instant.parse("2024-03-31T17:00:00Z");
  static final ReminderSchedule SCHEDULE = new ReminderSchedule(List.of(14, 7, 1), 7);

  @Test
  void numbersThePointsBeforeTheDueDateThenEveryOverduePeriod() {
    assertThat(SCHEDULE.point(DUE, 1)).isEqualTo(DUE.minus(Duration.ofDays(14)));
    assertThat(SCHEDULE.point(DUE, 2)).isEqualTo(DUE.minus(Duration.ofDays(7)));
    assertThat(SCHEDULE.point(DUE, 3)).isEqualTo(DUE.minus(Duration.ofDays(1)));
    assertThat(SCHEDULE.point(DUE, 4)).isEqualTo(DUE.plus(Duration.ofDays(7)));
    assertThat(SCHEDULE.point(DUE, 5)).isEqualTo(DUE.plus(Duration.ofDays(14)));
    assertThat(SCHEDULE.overdue(3)).isFalse();
    assertThat(SCHEDULE.overdue(4)).isTrue();
  }

  @Test
  void ordersTheDaysBeforeLatestFirstAndDropsRepeatsAndNonPositiveDays() {
    ReminderSchedule written = new ReminderSchedule(List.of(1, 14, 0, 7, 14, -3), 2);

    assertThat(written.beforeDueDays()).containsExactly(14, 7, 1);
    assertThat(written.point(DUE, 4)).isEqualTo(DUE.plus(Duration.ofDays(2)));
  }

  @Test
  void reachesAPointAtItsInstantAndNotASecondBefore() {
    Instant second = DUE.minus(Duration.ofDays(7));

    assertThat(SCHEDULE.reached(DUE, DUE.minus(Duration.ofDays(15)))).isZero();
    assertThat(SCHEDULE.reached(DUE, second.minusSeconds(1))).isEqualTo(1);
    assertThat(SCHEDULE.reached(DUE, second)).isEqualTo(2);
    assertThat(SCHEDULE.reached(DUE, DUE)).isEqualTo(3);
    assertThat(SCHEDULE.reached(DUE, DUE.plus(Duration.ofDays(15)))).isEqualTo(5);
  }

  @Test
  void nextIsTheFirstPointAfterNow() {
    assertThat(SCHEDULE.next(DUE, DUE.minus(Duration.ofDays(30)))).isEqualTo(DUE.minus(Duration.ofDays(14)));
    assertThat(SCHEDULE.next(DUE, DUE.minus(Duration.ofDays(7)))).isEqualTo(DUE.minus(Duration.ofDays(1)));
    assertThat(SCHEDULE.next(DUE, DUE)).isEqualTo(DUE.plus(Duration.ofDays(7)));
  }

  @Test
  void withoutDaysBeforeTheFirstReminderIsOverdue() {
    ReminderSchedule overdueOnly = new ReminderSchedule(List.of(), 3);

    assertThat(overdueOnly.point(DUE, 1)).isEqualTo(DUE.plus(Duration.ofDays(3)));
    assertThat(overdueOnly.overdue(1)).isTrue();
    assertThat(overdueOnly.reached(DUE, DUE)).isZero();
  }

  @Test
  void refusesAnOverduePeriodUnderOneDay() {
    assertThatThrownBy(() -> new ReminderSchedule(List.of(7), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overdue-every-days");
  }

  @Test
  void aKindOfTaskTakesItsOwnScheduleWhereItHasOneAndTheDefaultElsewhere() {
    ReminderProperties properties = new ReminderProperties(List.of(14, 7, 1), 7,
        Map.of("nec-answer", new ReminderProperties.Schedule(List.of(3), null),
            "report", new ReminderProperties.Schedule(null, 2)));

    assertThat(properties.schedule("nec-answer")).isEqualTo(new ReminderSchedule(List.of(3), 7));
    assertThat(properties.schedule("report")).isEqualTo(new ReminderSchedule(List.of(14, 7, 1), 2));
    assertThat(properties.schedule("other")).isEqualTo(SCHEDULE);
    assertThat(new ReminderProperties(List.of(1), 1, null).kinds()).isEmpty();
  }
}
