package eu.empact.oap.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.tasks.FieldProblem;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shape of the variables in a request to the engine APIs, checked before the REST layer reads
 * them: it expects each variable as an object ({@code {"value": ..., "type": ...}}) and fails with
 * a server error on a null or a bare value, or on JSON nested deeper than it reads.
 */
final class VariablesBody {

  /** The members of engine requests that hold variables by name. */
  static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
      "processVariablesLocal", "correlationKeys", "localCorrelationKeys", "localVariables");

  private VariablesBody() {}

  /** The problems with the body's variables, each naming the variable; empty when the shape is right. */
  static List<FieldProblem> problems(byte[] body, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      return List.of(FieldProblem.of(null, "the body is not JSON the engine reads: " + reason));
    }
    if (root == null || root.isNull() || root.isValueNode()) {
      return List.of(FieldProblem.of(null, "the body must be a JSON object"));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (root.isObject()) {
      for (String map : VARIABLE_MAPS) {
        JsonNode variables = root.get(map);
        if (variables == null || variables.isNull() || variables.isArray()) {
          continue; // an array is a query's conditions on variables (a filter, a task query), not variables
        }
        if (!variables.isObject()) {
          problems.add(FieldProblem.of(map, "must be an object with one member per variable"));
          continue;
        }
        variables.fields().forEachRemaining(variable -> {
          if (!variable.getValue().isObject()) {
            problems.add(FieldProblem.of(variable.getKey(), "a variable is sent as an object such as "
                + "{\"value\": ..., \"type\": ...}"));
          }
        });
      }
    }
    return problems;
  }

  /** The request with its body read once and served again to whoever reads it next. */
  static HttpServletRequest replayable(HttpServletRequest request, byte[] body) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
          }

          @Override
          public boolean isFinished() {
            return in.available() == 0;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body is read at once");
          }
        };
      }

      @Override
      public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
      }
    };
  }

  static boolean isJson(String contentType) {
    return contentType != null && contentType.toLowerCase().contains("json");
  }
}
