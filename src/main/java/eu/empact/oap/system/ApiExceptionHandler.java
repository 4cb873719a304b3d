package eu.empact.oap.system;

import eu.empact.oap.registry.InvalidOapDocumentException;
import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.reporting.ReportRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of {@code /api} as RFC 9457 problem details that say what was wrong and where. */
@RestControllerAdvice(basePackages = "eu.empact.oap")
class ApiExceptionHandler {

  @ExceptionHandler
  ProblemDetail invalid(InvalidOapDocumentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "the OAP document was rejected and nothing was written: " + e.problems().size() + " problem(s)");
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail rejectedReport(ReportRejectedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "the report was refused and nothing was recorded: " + e.problems().size() + " problem(s)");
    problem.setProperty("problems", e.problems());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail conflict(RegistryConflictException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
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
}
