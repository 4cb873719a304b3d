package eu.empact.oap.tasks;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a task's form sent was refused, and nothing was recorded: every problem found, one per
 * field. Thrown by the task listeners and by the form check; answered as HTTP 400 naming each field
 * by its label.
 */
public class FormRefusal extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public FormRefusal(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::sentence).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public static FormRefusal of(String field, String reason) {
    return new FormRefusal(List.of(FieldProblem.of(field, reason)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** The refusal behind an exception (the engine wraps what a task listener throws), or null. */
  public static FormRefusal in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormRefusal refusal) {
        return refusal;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
