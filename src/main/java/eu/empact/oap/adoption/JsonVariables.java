package eu.empact.oap.adoption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Lists for the forms as Json variables: the Tasklist parses a Json variable for the form (the
 * options of a checklist) and sends a chosen list back as Json.
 */
@Component
class JsonVariables {

  private final ObjectMapper json;

  JsonVariables(ObjectMapper json) {
    this.json = json;
  }

  TypedValue of(List<?> items) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(items)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The texts the form sent, whether they arrive as Json, a JSON string or a list. */
  List<String> strings(Object value, String field) {
    if (value == null) {
      return List.of();
    }
    try {
      String text = value instanceof List<?> list ? json.writeValueAsString(list) : value.toString();
      return json.readValue(text, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException(field + ": not a list of OA refs (" + e.getOriginalMessage() + ")");
    }
  }
}
