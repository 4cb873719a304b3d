package eu.empact.oap.registry;

import eu.empact.oap.shared.ProblemException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A document was rejected; nothing was written. Carries every problem found: 400 on {@code /api}, listing them. */
public class InvalidOapDocumentException extends ProblemException {

  private final List<Problem> problems;

  public InvalidOapDocumentException(List<Problem> problems) {
    super(HttpStatus.BAD_REQUEST, problems.size() + " problem(s) in the OAP document: " + problems.stream()
        .map(p -> p.path() + ": " + p.reason()).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  @Override
  public ProblemDetail problemDetail() {
    return listing("the OAP document was rejected and nothing was written: " + problems.size() + " problem(s)",
        problems);
  }
}
