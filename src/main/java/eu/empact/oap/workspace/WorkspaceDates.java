package eu.empact.oap.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Days and times as the workspace's pages write them ({@code ${@dates.day(x)}}): in UTC, as the due
 * dates are (a due date is the end of its day, UTC).
 */
@Component("dates")
class WorkspaceDates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  /** "14 Mar 2026"; empty for none. */
  public String day(Object day) {
    if (day instanceof Instant instant) {
      return DAY.format(instant);
    }
    return day instanceof LocalDate date ? DAY.format(date.atStartOfDay(ZoneOffset.UTC)) : "";
  }

  /** "14 Mar 2026 09:30 UTC"; empty for none. */
  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** Whole days from a due date to now: how late a task is. */
  public long daysLate(Instant due, Instant now) {
    return ChronoUnit.DAYS.between(due, now);
  }
}
