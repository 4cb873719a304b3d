package eu.empact.oap.shared;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal that says itself how {@code /api} answers it: an RFC 9457 problem detail with its
 * status. The API's one handler answers every such refusal alike, whichever package threw it, so
 * it imports none of them. By default the detail is the message; a refusal that lists what was
 * wrong (a rejected document or report) adds the list.
 */
public abstract class ProblemException extends RuntimeException {

  private final HttpStatus status;

  protected ProblemException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The answer on {@code /api}. */
  public ProblemDetail problemDetail() {
    return ProblemDetail.forStatusAndDetail(status, getMessage());
  }

  /** An answer that lists what was wrong, each item where and why, under the property {@code problems}. */
  protected ProblemDetail listing(String detail, List<?> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("problems", problems);
    return problem;
  }
}
