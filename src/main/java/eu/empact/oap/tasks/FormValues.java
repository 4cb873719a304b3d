package eu.empact.oap.tasks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a form sent, read from the process's variables the same way by every process (a start
 * form, a delegate after a task): blank is absent, dates as days.
 */
public final class FormValues {

  private FormValues() {}

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** A date from a form: a date-time field sends "2024-10-26"; a Date variable is taken as it is. */
  public static LocalDate date(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString().substring(0, 10));
  }
}
