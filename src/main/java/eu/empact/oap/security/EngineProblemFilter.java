package eu.empact.oap.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.tasks.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers on both engine APIs ({@code /engine-rest} and the webapps' {@code /camunda/api/engine})
 * what the engine gate refused as an RFC 9457 problem: HTTP 400 with one entry per field named by
 * its label, or 403; the sentence is also the {@code message} Tasklist shows. An unexpected failure
 * (5xx) answers a generic problem with the reference of its log line: no response carries the
 * engine's message, SQL, index names or a stack trace.
 */
final class EngineProblemFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineProblemFilter.class);
  private static final int LOGGED_BODY = 2000;
  /** How the engine's {@code EnsureUtil} words a missing value: "message: name is null". */
  private static final Pattern ENGINE_NULL_VALUE = Pattern.compile("(?s)(.*?):? ?(\\w+) is null");

  private final ObjectMapper json;

  EngineProblemFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Refusals.clear();
    if (VariablesBody.isJson(request.getContentType()) && Set.of("POST", "PUT").contains(request.getMethod())) {
      byte[] body = request.getInputStream().readAllBytes();
      List<FieldProblem> problems = VariablesBody.problems(body, json);
      if (!problems.isEmpty()) {
        EngineRefusals.Refused refused = new EngineRefusals.Refused("The variables were not accepted", problems);
        LOG.warn("{} {} refused: {}", request.getMethod(), request.getRequestURI(), refused.getMessage());
        write(response, refusal(refused));
        return;
      }
      request = VariablesBody.replayable(request, body);
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
      Refusals.Last last = Refusals.last();
      int status = answer.getStatus();
      if (last != null && answeredHere(status, last.refusal())) {
        answer.resetBuffer();
        write(response, refusal(last.refusal()));
      } else if (status >= 500) {
        String reference = last != null && last.reference() != null ? last.reference() : Refusals.newReference();
        if (last == null || last.reference() == null) {
          LOG.error("{} {} answered {} (reference {}): {}", request.getMethod(), request.getRequestURI(), status,
              reference, body(answer));
        }
        answer.resetBuffer();
        write(response, problem(status, "The request failed", "The request could not be carried out; nothing "
            + "was changed. Reference for the operators: " + reference, Map.of("reference", reference)));
      } else {
        answer.copyBodyToResponse();
      }
    } finally {
      Refusals.clear();
    }
  }

  /**
   * Whether this filter answers the refusal itself: the gate's refusals, and a value the engine found
   * missing (a user to add to a group ...), which the engine's REST API answers with 500.
   */
  private static boolean answeredHere(int status, RuntimeException refusal) {
    boolean own = refusal instanceof EngineRefusals.Refused || refusal instanceof EngineRefusals.Denied;
    return status >= 400 && own || status >= 500 && refusal instanceof NullValueException;
  }

  private static Map<String, Object> refusal(RuntimeException refusal) {
    if (refusal instanceof EngineRefusals.Refused refused) {
      List<Map<String, String>> problems = refused.problems().stream().map(EngineProblemFilter::entry).toList();
      return problem(400, refused.title(), refused.getMessage(), Map.of("problems", problems));
    }
    if (refusal instanceof NullValueException missing) {
      FieldProblem problem = missing(missing.getMessage());
      return problem(400, "The request was not accepted", problem.reason(), Map.of("problems", List.of(entry(problem))));
    }
    return problem(403, "Not allowed", ((AuthorizationException) refusal).getMessage(), Map.of());
  }

  /**
   * The engine's "No user found with id 'x'.: user is null" as the field it names ({@code user})
   * and its reason; the engine answered such a request with 500 ("an unexpected failure").
   */
  static FieldProblem missing(String message) {
    if (message == null) {
      return FieldProblem.of(null, "a value the request needs is missing");
    }
    Matcher named = ENGINE_NULL_VALUE.matcher(message);
    if (!named.matches()) {
      return FieldProblem.of(null, message);
    }
    String reason = named.group(1).isBlank() ? "is missing" : named.group(1).strip();
    return FieldProblem.of(named.group(2), reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason);
  }

  private static Map<String, String> entry(FieldProblem problem) {
    Map<String, String> entry = new LinkedHashMap<>();
    if (problem.field() != null) {
      entry.put("field", problem.field());
      entry.put("label", problem.label() == null ? problem.field() : problem.label());
    }
    entry.put("reason", problem.reason());
    return entry;
  }

  private static Map<String, Object> problem(int status, String title, String detail, Map<String, Object> more) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    // Tasklist and Cockpit show an engine error's "message"
    problem.put("message", detail);
    problem.putAll(more);
    return problem;
  }

  private void write(HttpServletResponse response, Map<String, Object> problem) throws IOException {
    byte[] body = json.writeValueAsBytes(problem);
    response.setStatus((Integer) problem.get("status"));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String body(ContentCachingResponseWrapper answer) {
    String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
    return body.length() <= LOGGED_BODY ? body : body.substring(0, LOGGED_BODY) + "...";
  }
}
