package eu.empact.oap.adoption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The lists the forms show and send back (dynamic lists of Camunda Forms) as Json variables: the
 * Tasklist parses a Json variable for the form and sends the list back as Json.
 */
@Component
class JsonVariables {

  private final ObjectMapper json;

  JsonVariables(ObjectMapper json) {
    this.json = json;
  }

  TypedValue of(List<? extends Map<String, ?>> rows) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows the form sent, whether they arrive as Json, a JSON string or a list. */
  List<Map<String, Object>> rows(Object value, String field) {
    if (value == null) {
      return List.of();
    }
    try {
      String text = value instanceof List<?> list ? json.writeValueAsString(list) : value.toString();
      return json.readValue(text, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException(field + ": not a list of rows (" + e.getOriginalMessage() + ")");
    }
  }
}
