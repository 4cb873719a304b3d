package eu.empact.oap.reporting;

import eu.empact.oap.registry.Problem;
import eu.empact.oap.tasks.FieldProblem;
import eu.empact.oap.tasks.RefusedFields;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report was refused; nothing was recorded. Carries every problem found, by its path in the
 * report ({@code /api}) and by the report form's field ({@link RefusedFields}).
 */
public class ReportRejectedException extends RuntimeException implements RefusedFields {

  private final List<Problem> problems;

  public ReportRejectedException(List<Problem> problems) {
    super("the report was refused: " + problems.stream().map(p -> p.path() + ": " + p.reason())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  @Override
  public List<FieldProblem> fieldProblems() {
    return OaReportForm.problems(this);
  }
}
