package eu.empact.oap.tasks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Process variables read the same way by every process: blank text is absent, dates as days,
 * numbers whatever type the engine stored them as. The variable every process has is named here.
 */
public final class ProcessVariables {

  /** The OAP a process is about: every process has it. */
  public static final String OAP_ID = "oapId";

  private ProcessVariables() {}

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

  /** An id the process was given (an Integer or a Long, as it was set); fails clearly when it is missing. */
  public static long id(VariableScope scope, String name) {
    return number(scope, name).longValue();
  }

  /** A whole number the process keeps (a revision, a count); fails clearly when it is missing. */
  public static int integer(VariableScope scope, String name) {
    return number(scope, name).intValue();
  }

  private static Number number(VariableScope scope, String name) {
    if (scope.getVariable(name) instanceof Number number) {
      return number;
    }
    throw new IllegalStateException("the process has no number '" + name + "'");
  }
}
