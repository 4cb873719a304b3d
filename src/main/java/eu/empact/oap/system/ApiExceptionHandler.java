package eu.empact.oap.system;

import eu.empact.oap.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of {@code /api} as RFC 9457 problem details that say what was wrong and where. A mistake
 * in a request answers 4xx, never 500; an unexpected failure answers 500 with a reference to the
 * log entry only, never SQL, table names or a stack trace.
 *
 * <p>The advice is not limited to the application's controllers because Spring MVC refuses some
 * requests (a wrong method or Content-Type, a multipart body without boundary) before it picks a
 * controller. Outside {@code /api} (the webapps' files that Spring MVC serves) the generic handler
 * rethrows, which leaves those requests to Spring's own handling.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** A refusal of the application's own (a rejected document or report, a conflict, an unknown id): its own answer. */
  @ExceptionHandler
  ProblemDetail refused(ProblemException e) {
    return e.problemDetail();
  }

  @ExceptionHandler
  ProblemDetail forbidden(AccessDeniedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "'" + e.getValue() + "' is not a valid " + e.getName());
  }

  /** A request body a controller takes as an object that is not JSON of its shape. */
  @ExceptionHandler
  ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body cannot be read as JSON of "
        + "the expected shape");
  }

  /**
   * Everything else: Spring MVC's refusals of a request (method, Content-Type, Accept, a missing
   * parameter: each {@link ErrorResponse} with its own status, reason and headers such as
   * {@code Allow}), a multipart body that cannot be read (no endpoint takes one), and, last, the
   * unexpected.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) throws Exception {
    if (!onApi(request)) {
      throw e;
    }
    if (e instanceof ErrorResponse refusal) {
      return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders()).body(refusal.getBody());
    }
    if (e instanceof MultipartException) {
      return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "the body cannot be read as the Content-Type " + request.getContentType() + " says (a multipart body "
              + "needs a boundary); the API takes application/json"));
    }
    return unexpected(e, request);
  }

  /** Logged in full under a new reference, which is all the answer says about it. */
  private static ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    String reference = UUID.randomUUID().toString();
    LOG.error("Unexpected error on {} {} (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "an unexpected error; the administrators find what happened in the log under reference " + reference);
    problem.setProperty("reference", reference);
    return ResponseEntity.internalServerError().body(problem);
  }

  private static boolean onApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
