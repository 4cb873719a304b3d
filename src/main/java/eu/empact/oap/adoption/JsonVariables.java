package eu.empact.oap.adoption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.type.SpinValueType;
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

  /**
   * Keeps the list as a local variable of the scope, written only when it is new or differs: the
   * tasks created together with the same list write it once.
   */
  void keep(VariableScope scope, String name, List<?> items) {
    String text = text(items);
    TypedValue kept = scope.getVariableLocalTyped(name, false);
    if (!(kept instanceof SerializableValue value && SpinValueType.JSON.equals(value.getType())
        && text.equals(value.getValueSerialized()))) {
      scope.setVariableLocal(name, SpinValues.jsonValue(text).create());
    }
  }

  private String text(List<?> items) {
    try {
      return json.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
