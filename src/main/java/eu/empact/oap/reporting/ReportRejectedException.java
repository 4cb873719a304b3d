package eu.empact.oap.reporting;

import eu.empact.oap.registry.Problem;
import eu.empact.oap.shared.ProblemException;
import eu.empact.oap.tasks.FieldProblem;
import eu.empact.oap.tasks.RefusedFields;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A report was refused; nothing was recorded. Carries every problem found, by its path in the
 * report ({@code /api}: 400, listing them) and by the report form's field ({@link RefusedFields}).
 */
public class ReportRejectedException extends ProblemException implements RefusedFields {

  private final List<Problem> problems;

  public ReportRejectedException(List<Problem> problems) {
    super(HttpStatus.BAD_REQUEST, "the report was refused: "
        + problems.stream().map(p -> p.path() + ": " + p.reason()).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  @Override
  public ProblemDetail problemDetail() {
    return listing("the report was refused and nothing was recorded: " + problems.size() + " problem(s)",
        problems);
  }

  @Override
  public List<FieldProblem> fieldProblems() {
    return OaReportForm.problems(this);
  }
}
