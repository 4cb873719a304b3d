package eu.empact.oap.people;

import eu.empact.oap.registry.Problem;
import eu.empact.oap.shared.ProblemException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A list of people was refused whole and nothing was written: 400 on {@code /api}, naming each entry and field. */
class PeopleRefusedException extends ProblemException {

  private final List<Problem> problems;

  PeopleRefusedException(long oapId, List<Problem> problems) {
    super(HttpStatus.BAD_REQUEST, "the people of OAP " + oapId + " were not changed: " + problems.stream()
        .map(p -> p.path() + ": " + p.reason()).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  @Override
  public ProblemDetail problemDetail() {
    return listing(getMessage(), problems);
  }
}
