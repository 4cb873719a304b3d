package eu.empact.oap.reporting;

import eu.empact.oap.registry.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A report was refused; nothing was recorded. Carries every problem found. */
public class ReportRejectedException extends RuntimeException {

  private final List<Problem> problems;

  public ReportRejectedException(List<Problem> problems) {
    super("the report was refused: " + problems.stream().map(p -> p.path() + ": " + p.reason())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
