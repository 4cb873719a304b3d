package eu.empact.oap.adoption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Lists for the forms as Json variables: the Tasklist parses a Json variable for the form (the
 * options of a checklist, the checklist's empty start) and sends a chosen list back as Json.
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
}
