package eu.empact.oap.security;

import eu.empact.oap.tasks.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The refusals of the engine gate. Both are exceptions the engine's REST APIs already answer
 * with 400 and 403 and log at debug level; {@link EngineProblemFilter} turns them into RFC 9457
 * problems with one entry per field.
 */
final class EngineRefusals {

  private EngineRefusals() {}

  /** What was sent is refused (HTTP 400): each field or variable named with the reason. */
  static final class Refused extends BadUserRequestException {
    private final String title;
    private final transient List<FieldProblem> problems;

    /** @param title what was refused, e.g. "The form was not accepted"; the message is the problems' sentences */
    Refused(String title, List<FieldProblem> problems) {
      super(problems.stream().map(FieldProblem::sentence).collect(Collectors.joining("; ")));
      this.title = title;
      this.problems = List.copyOf(problems);
    }

    String title() {
      return title;
    }

    List<FieldProblem> problems() {
      return problems;
    }
  }

  /** The person may not do this at all (HTTP 403), whatever they send. */
  static final class Denied extends AuthorizationException {
    Denied(String message) {
      super(message);
    }
  }
}
