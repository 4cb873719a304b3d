package eu.empact.oap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.empact.oap.registry.InvalidOapDocumentException;
import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.reporting.ReportRejectedException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A refusal answers with its own problem detail; an unexpected failure on {@code /api}: a generic
 * answer with a reference, the whole story in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

  private static final String SQL = "ERROR: duplicate key value violates unique constraint \"operational_action_ref\"";

  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void answersEachRefusalWithItsOwnStatusAndDetail() {
    assertThat(handler.refused(new NotFoundException("no OAP with id 9")).getStatus()).isEqualTo(404);
    ProblemDetail conflict = handler.refused(new RegistryConflictException("OAP 1 REV 0 is ADOPTED"));
    assertThat(conflict.getStatus()).isEqualTo(409);
    assertThat(conflict.getDetail()).isEqualTo("OAP 1 REV 0 is ADOPTED");
  }

  @Test
  void listsTheProblemsOfARejectedDocumentOrReport() {
    List<Problem> problems = List.of(new Problem("$.operationalActions[0].ref", "is missing"));

    ProblemDetail document = handler.refused(new InvalidOapDocumentException(problems));
    ProblemDetail report = handler.refused(new ReportRejectedException(problems));

    assertThat(document.getStatus()).isEqualTo(400);
    assertThat(document.getDetail()).isEqualTo("the OAP document was rejected and nothing was written: 1 problem(s)");
    assertThat(document.getProperties()).containsEntry("problems", problems);
    assertThat(report.getStatus()).isEqualTo(400);
    assertThat(report.getDetail()).isEqualTo("the report was refused and nothing was recorded: 1 problem(s)");
    assertThat(report.getProperties()).containsEntry("problems", problems);
  }

  @Test
  void answersAnUnexpectedErrorWithAReferenceOnlyAndLogsItInFull(CapturedOutput log) throws Exception {
    ResponseEntity<ProblemDetail> answer = handler.other(databaseFailure(), request("/api/oaps/import"));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    ProblemDetail problem = answer.getBody();
    String reference = (String) problem.getProperties().get("reference");
    assertThat(problem.getDetail()).contains(reference).doesNotContain("operational_action", "constraint", "INSERT",
        "SQL", "Exception", "at eu.empact");
    assertThat(problem.getProperties()).containsOnlyKeys("reference");
    assertThat(log.getOut()).contains("ERROR", "reference " + reference, "POST /api/oaps/import",
        "DataIntegrityViolationException", SQL, "at eu.empact.oap.system.ApiExceptionHandlerTest");
  }

  @Test
  void leavesRequestsOutsideTheApiToSpring() {
    DataIntegrityViolationException failure = databaseFailure();

    assertThatThrownBy(() -> handler.other(failure, request("/camunda/app/tasklist/"))).isSameAs(failure);
  }

  private static DataIntegrityViolationException databaseFailure() {
    return new DataIntegrityViolationException("PreparedStatementCallback; SQL [INSERT INTO operational_action "
        + "(version_id, ref) VALUES (?, ?)]; " + SQL, new SQLException(SQL, "23505"));
  }

  private static MockHttpServletRequest request(String path) {
    return new MockHttpServletRequest("POST", path);
  }
}
