package eu.empact.oap.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A deployed Camunda Form read as the contract of its task: which fields a person may fill in,
 * of which type and within which limits, which are only shown (read-only), and which the form
 * hides (a FEEL {@code conditional.hide}). {@link #read} checks what was sent against it and keeps
 * exactly the editable, shown fields; anything else is refused, naming the field by its label.
 */
public final class FormSchema {

  /** Text fields without a maxLength in the form are held to this many characters. */
  static final int DEFAULT_MAX_LENGTH = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  /** What a field holds, as form-js sends it. */
  public enum Kind { TEXT, NUMBER, CHECKBOX, CHECKLIST, CHOICE, DATE }

  /**
   * One input of the form.
   *
   * @param options the values a choice or checklist allows (empty when they come from {@code optionsKey})
   * @param optionsKey the variable that holds the options (form-js {@code valuesKey}), or null
   * @param hideWhen the FEEL condition under which the form hides the field, or null
   * @param hint what the form says under the field ({@code description}: "e.g. 14541/23"), or null
   */
  public record Field(String key, String label, Kind kind, boolean readonly, boolean required, Integer minLength,
                      int maxLength, Pattern pattern, BigDecimal min, BigDecimal max, List<String> options,
                      String optionsKey, String hideWhen, String hint) {}

  private final String id;
  private final Map<String, Field> fields;

  private FormSchema(String id, Map<String, Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  public static FormSchema parse(String formJson) {
    try {
      JsonNode form = JSON.readTree(formJson);
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(form.path("components"), fields);
      return new FormSchema(form.path("id").asText(), fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a deployed form is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public String id() {
    return id;
  }

  public Collection<Field> fields() {
    return fields.values();
  }

  /** The field's label as the form shows it; the key for a name the form does not have. */
  public String label(String key) {
    Field field = key == null ? null : fields.get(key);
    return field == null ? key : field.label();
  }

  /** The problems with each field named by its label. */
  public List<FieldProblem> labelled(List<FieldProblem> problems) {
    return problems.stream().map(p -> new FieldProblem(p.field(), label(p.field()), p.reason())).toList();
  }

  /**
   * Checks what was sent against the form and returns the editable fields the form shows, typed.
   * Values of the wrong type or out of their limits ({@link FormInput#rejected()}) and required
   * fields left empty ({@link FormInput#missing()}) are refused together with what the task's
   * listener finds, so that one answer names every problem; the listener may say more precisely
   * why it needs a field that was left empty.
   *
   * @param sent the variables of the submission, as values or typed values
   * @param shown the value a variable has where the form reads it (for read-only fields, options, conditions)
   * @throws FormRefusal at once for a field the form does not have, a read-only field changed, or a
   *     value no form sends (a serialized object, bytes, a file), naming every field
   */
  public FormInput read(Map<String, ?> sent, Function<String, Object> shown) {
    List<FieldProblem> problems = new ArrayList<>();
    List<FieldProblem> rejected = new ArrayList<>();
    List<FieldProblem> missing = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : sent.entrySet()) {
      Field field = fields.get(entry.getKey());
      if (field == null) {
        problems.add(FieldProblem.of(entry.getKey(), "is not a field of this form"));
        continue;
      }
      Object value = plain(entry.getValue(), field, problems);
      if (value == UNREADABLE) {
        continue;
      }
      if (field.readonly()) {
        Object current = shown.apply(field.key());
        if (!blank(value) && !Objects.equals(String.valueOf(value), String.valueOf(plain(current)))) {
          problems.add(FieldProblem.of(field.key(), "is shown for reading only and cannot be changed"));
        }
        continue;
      }
      Object typed = typed(field, value, shown, rejected);
      if (typed != null) {
        values.put(field.key(), typed);
      }
    }
    for (Field field : fields.values()) {
      if (!field.readonly() && !sent.containsKey(field.key())) {
        // a field left out keeps what the form shows, as a browser sends a prefilled field untouched
        Object typed = typed(field, plain(shown.apply(field.key())), shown, rejected);
        if (typed != null) {
          values.put(field.key(), typed);
        }
      }
    }
    Function<String, Object> form = key -> values.containsKey(key) ? values.get(key) : plain(shown.apply(key));
    for (Field field : fields.values()) {
      if (field.readonly() || !hidden(field, form)) {
        if (!field.readonly() && field.required() && blank(values.get(field.key()))
            && rejected.stream().noneMatch(problem -> field.key().equals(problem.field()))) {
          missing.add(FieldProblem.of(field.key(), "is required"));
        }
        continue;
      }
      // a hidden field is not part of the submission, as form-js leaves it out
      values.remove(field.key());
      rejected.removeIf(problem -> field.key().equals(problem.field()));
    }
    if (!problems.isEmpty()) {
      problems.addAll(rejected);
      problems.addAll(missing);
      throw new FormRefusal(labelled(problems));
    }
    return new FormInput(values, labelled(rejected), labelled(missing));
  }

  private static final Object UNREADABLE = new Object();

  /** The plain value of what was sent; a serialized Java object, bytes or a file is refused. */
  private static Object plain(Object sent, Field field, List<FieldProblem> problems) {
    if (sent instanceof TypedValue typed && typed.getType() != null && !typed.getType().isPrimitiveValueType()
        && !(typed instanceof SerializableValue serializable && isJson(serializable))) {
      problems.add(FieldProblem.of(field.key(), "a value of type " + typed.getType().getName()
          + " cannot be sent in a form"));
      return UNREADABLE;
    }
    return plain(sent);
  }

  private static boolean isJson(SerializableValue value) {
    return "application/json".equals(value.getSerializationDataFormat()) || "json".equals(value.getType().getName());
  }

  /** The value itself: a JSON string is its text (long texts are kept as JSON strings, see FormText). */
  private static Object plain(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      String serialized = serializable.getValueSerialized();
      JsonNode json = isJson(serializable) && serialized != null ? json(serialized) : null;
      return json != null && json.isTextual() ? json.asText() : serialized;
    }
    if (value instanceof TypedValue typed) {
      return plain(typed.getValue());
    }
    if (value instanceof SpinJsonNode json) {
      return json.isString() ? json.stringValue() : json.toString();
    }
    return value;
  }

  private static Object typed(Field field, Object value, Function<String, Object> shown, List<FieldProblem> problems) {
    if (blank(value)) {
      return field.kind() == Kind.CHECKLIST ? List.of() : null;
    }
    int before = problems.size();
    Object typed = switch (field.kind()) {
      case TEXT -> text(field, value, problems);
      case NUMBER -> number(field, value, problems);
      case CHECKBOX -> checkbox(field, value, problems);
      case DATE -> date(field, value, problems);
      case CHOICE -> choice(field, value, options(field, shown), problems);
      case CHECKLIST -> checklist(field, value, options(field, shown), problems);
    };
    return problems.size() > before ? null : typed;
  }

  private static String text(Field field, Object value, List<FieldProblem> problems) {
    if (!(value instanceof String text)) {
      problems.add(FieldProblem.of(field.key(), "must be text"));
      return null;
    }
    if (CONTROL.matcher(text).find()) {
      problems.add(FieldProblem.of(field.key(), "contains control characters"));
    } else if (text.length() > field.maxLength()) {
      problems.add(FieldProblem.of(field.key(), "is " + text.length() + " characters long; at most "
          + field.maxLength() + " are allowed"));
    } else if (field.minLength() != null && text.trim().length() < field.minLength()) {
      problems.add(FieldProblem.of(field.key(), "needs at least " + field.minLength() + " characters"));
    } else if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      problems.add(FieldProblem.of(field.key(), "'" + text + "' does not have the expected form"
          + (field.hint() == null ? "" : " (" + field.hint() + ")")));
    }
    return text;
  }

  private static Number number(Field field, Object value, List<FieldProblem> problems) {
    BigDecimal number;
    try {
      number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field.key(), "'" + value + "' is not a number"));
      return null;
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      problems.add(FieldProblem.of(field.key(), "must be at least " + field.min().toPlainString()));
    } else if (field.max() != null && number.compareTo(field.max()) > 0) {
      problems.add(FieldProblem.of(field.key(), "must be at most " + field.max().toPlainString()));
    } else if (number.stripTrailingZeros().scale() <= 0) {
      try {
        return number.longValueExact();
      } catch (ArithmeticException e) {
        problems.add(FieldProblem.of(field.key(), "is too large"));
        return null;
      }
    }
    return number.doubleValue();
  }

  private static Boolean checkbox(Field field, Object value, List<FieldProblem> problems) {
    if (value instanceof Boolean checked) {
      return checked;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    problems.add(FieldProblem.of(field.key(), "must be ticked or not (true or false)"));
    return null;
  }

  private static LocalDate date(Field field, Object value, List<FieldProblem> problems) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    String text = value.toString().trim();
    if (DAY.matcher(text).matches()) {
      try {
        return LocalDate.parse(text.substring(0, 10));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(FieldProblem.of(field.key(), "'" + text + "' is not a date (YYYY-MM-DD)"));
    return null;
  }

  private static String choice(Field field, Object value, List<String> options, List<FieldProblem> problems) {
    String chosen = value.toString();
    if (!options.contains(chosen)) {
      problems.add(FieldProblem.of(field.key(), "'" + chosen + "' is not one of the choices (" + String.join(", ", options)
          + ")"));
    }
    return chosen;
  }

  private static List<String> checklist(Field field, Object value, List<String> options, List<FieldProblem> problems) {
    List<String> chosen = new ArrayList<>();
    JsonNode list = value instanceof List<?> items ? JSON.valueToTree(items) : json(value.toString());
    if (list == null || !list.isArray()) {
      problems.add(FieldProblem.of(field.key(), "must be a list of choices"));
      return null;
    }
    for (JsonNode item : list) {
      if (!item.isTextual() || !options.contains(item.asText())) {
        problems.add(FieldProblem.of(field.key(), item + " is not one of the choices"));
        return null;
      }
      if (!chosen.contains(item.asText())) {
        chosen.add(item.asText());
      }
    }
    return List.copyOf(chosen);
  }

  /** The values a choice or checklist allows: from the form, or from the variable the form reads them from. */
  private static List<String> options(Field field, Function<String, Object> shown) {
    if (field.optionsKey() == null) {
      return field.options();
    }
    Object current = plain(shown.apply(field.optionsKey()));
    JsonNode list = current instanceof List<?> items ? JSON.valueToTree(items)
        : current == null ? null : json(current.toString());
    List<String> options = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(option -> options.add(option.isObject() ? option.path("value").asText() : option.asText()));
    }
    return options;
  }

  private static boolean hidden(Field field, Function<String, Object> form) {
    if (field.hideWhen() == null) {
      return false;
    }
    try {
      Object hide = FEEL.evaluateSimpleExpression(field.hideWhen(), context(form));
      return Boolean.TRUE.equals(hide);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static VariableContext context(Function<String, Object> form) {
    return new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        Object value = form.apply(name);
        return Variables.untypedValue(value instanceof LocalDate date ? date.toString() : value);
      }

      @Override
      public boolean containsVariable(String name) {
        return true;
      }

      @Override
      public java.util.Set<String> keySet() {
        return java.util.Set.of();
      }
    };
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank()
        || (value instanceof List<?> list && list.isEmpty());
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      collect(component.path("components"), fields);
      Kind kind = kind(component);
      String key = component.path("key").asText(null);
      if (kind == null || key == null) {
        continue;
      }
      JsonNode validate = rules(component);
      List<String> options = new ArrayList<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      String hide = component.path("conditional").path("hide").asText(null);
      fields.put(key, new Field(key, component.path("label").asText(component.path("dateLabel").asText(key)), kind,
          component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
          validate.path("required").asBoolean(false),
          validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
          validate.path("maxLength").asInt(DEFAULT_MAX_LENGTH),
          validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null,
          validate.hasNonNull("min") ? new BigDecimal(validate.get("min").asText()) : null,
          validate.hasNonNull("max") ? new BigDecimal(validate.get("max").asText()) : null,
          List.copyOf(options), component.path("valuesKey").asText(null),
          hide == null ? null : hide.replaceFirst("^\\s*=", ""), component.path("description").asText(null)));
    }
  }

  /**
   * What a field must hold: form-js's {@code validate}, or, for a field the form shows only on some
   * answers ({@code conditional}), the same rules as the custom {@code properties} that form-js
   * leaves to the server. form-js keeps the error of a field it hid after validating it, and the
   * Tasklist enables Complete only while the form has no error: a rule on such a field would keep
   * Complete disabled after the user changed the answer that showed it (docs/adr/0019).
   */
  static JsonNode rules(JsonNode component) {
    JsonNode validate = component.path("validate");
    if (!validate.isMissingNode() || !component.has("conditional")) {
      return validate;
    }
    ObjectNode rules = JSON.createObjectNode();
    component.path("properties").fields().forEachRemaining(property -> {
      String text = property.getValue().asText();
      switch (property.getKey()) {
        case "required" -> rules.put("required", Boolean.parseBoolean(text));
        case "minLength", "maxLength" -> rules.put(property.getKey(), Integer.parseInt(text));
        case "pattern" -> rules.put("pattern", text);
        case "min", "max" -> rules.put(property.getKey(), new BigDecimal(text));
        default -> { }
      }
    });
    return rules;
  }

  private static Kind kind(JsonNode component) {
    return switch (component.path("type").asText()) {
      case "textfield", "textarea" -> Kind.TEXT;
      case "number" -> Kind.NUMBER;
      case "checkbox" -> Kind.CHECKBOX;
      case "checklist", "taglist" -> Kind.CHECKLIST;
      case "radio", "select" -> Kind.CHOICE;
      case "datetime" -> Kind.DATE;
      default -> null;
    };
  }
}
