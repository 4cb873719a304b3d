package eu.empact.oap.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.exclusion.ExclusionProcess;
import eu.empact.oap.exclusion.ReinstatementProcess;
import eu.empact.oap.reporting.OaReportValidator;
import eu.empact.oap.reporting.ReportingRoundProcess;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.timing.ActivityTimingReview;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each process has one class that names what the code knows of it (its kit): the element ids,
 * the process variables and the fields of its forms. This test holds every kit against the model
 * and forms that are deployed: an element id the code names exists in the model, and every
 * variable the model's expressions read and every field its forms have is named by the kit.
 */
class ProcessKitsTest {

  static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Za-z0-9]+");
  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_]\\w*)(\\s*[.(])?");
  /** Words of the expression language and what the engine puts in scope itself. */
  static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId",
      "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  static Stream<Arguments> kits() {
    return Stream.of(
        Arguments.of(AdoptionProcess.class, AdoptionProcess.KEY),
        Arguments.of(ReportingRoundProcess.class, ReportingRoundProcess.KEY),
        Arguments.of(ExclusionProcess.class, ExclusionProcess.KEY),
        Arguments.of(ReinstatementProcess.class, ReinstatementProcess.KEY),
        Arguments.of(ActivityTimingReview.class, ActivityTimingReview.PROCESS_KEY));
  }

  @ParameterizedTest
  @MethodSource("kits")
  void everyElementTheCodeNamesIsInTheModel(Class<?> kit, String key) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
    Set<String> missing = constants(kit).stream().filter(value -> ELEMENT_ID.matcher(value).matches())
        .filter(id -> model.getModelElementById(id) == null).collect(Collectors.toCollection(TreeSet::new));
    assertThat(missing).as(kit.getSimpleName() + " names elements that " + key + ".bpmn does not have").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kits")
  void everyVariableTheModelReadsIsNamedByItsKit(Class<?> kit, String key) throws IOException {
    Set<String> named = constants(kit);
    ModelXml bpmn = ModelXml.read(Path.of("processes", key + ".bpmn"));
    Set<String> read = variables(String.join("\n", bpmn.texts("delegateExpression")));
    bpmn.elements().forEach(element -> {
      if (element.hasAttributeNS(ModelXml.CAMUNDA, "elementVariable")) {
        read.add(element.getAttributeNS(ModelXml.CAMUNDA, "elementVariable"));
      }
    });
    if (kit == ExclusionProcess.class) {
      ModelXml dmn = ModelXml.read(Path.of("processes", ExclusionProcess.DECISION_KEY + ".dmn"));
      dmn.elements(ModelXml.DMN, "inputExpression").forEach(input -> read.add(input.getTextContent().strip()));
    }
    read.removeAll(named);
    read.removeAll(NOT_VARIABLES);
    assertThat(read).as(key + " reads variables that " + kit.getSimpleName() + " does not name").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("kits")
  void everyFieldOfTheModelsFormsIsNamedByItsKit(Class<?> kit, String key) throws IOException {
    Set<String> named = constants(kit);
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile());
    Set<String> forms = new TreeSet<>();
    model.getModelElementsByType(UserTask.class).forEach(task -> forms.add(task.getCamundaFormRef()));
    model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
        .filter(ref -> ref != null).forEach(forms::add);
    Set<String> unnamed = new TreeSet<>();
    for (String form : forms) {
      JsonNode json = new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile());
      fields(json.path("components"), unnamed);
    }
    unnamed.removeAll(named);
    assertThat(unnamed).as("the forms of " + key + " have fields " + kit.getSimpleName() + " does not name").isEmpty();
  }

  /** The identifiers an expression reads as variables: not beans (followed by '.') nor functions. */
  static Set<String> variables(String texts) {
    Set<String> variables = new TreeSet<>();
    Matcher expression = EXPRESSION.matcher(texts);
    while (expression.find()) {
      String body = expression.group(1).replaceAll("'[^']*'", "''");
      Matcher identifier = IDENTIFIER.matcher(body);
      while (identifier.find()) {
        if (identifier.group(2) == null && !NOT_VARIABLES.contains(identifier.group(1))) {
          variables.add(identifier.group(1));
        }
      }
    }
    return variables;
  }

  /**
   * The decisions are one list: every choice of a form's decision field and every decision a
   * model's condition compares is a {@link Decision}, and every {@link Decision} is offered by a form.
   */
  @Test
  void theFormsDecisionsAndTheModelsConditionsAreTheDecisions() throws IOException {
    Set<String> decisions = Arrays.stream(Decision.values()).map(Decision::value)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> offered = new TreeSet<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        decisionChoices(new ObjectMapper().readTree(form.toFile()).path("components"), offered);
      }
    }
    Set<String> compared = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        for (ConditionExpression expression : Bpmn.readModelFromFile(model.toFile())
            .getModelElementsByType(ConditionExpression.class)) {
          Matcher condition = Pattern.compile("outcome\\s*==\\s*'([^']*)'").matcher(expression.getTextContent());
          while (condition.find()) {
            compared.add(condition.group(1));
          }
        }
      }
    }

    assertThat(offered).as("the forms' decisions").isEqualTo(decisions);
    assertThat(decisions).as("the models' conditions").containsAll(compared);
    assertThat(compared).as("decisions the models route on").isNotEmpty();
  }

  /**
   * Both report forms take the status in the Action Leader's words (ADR 14: kept as written, read by
   * the wordings table), as long as the record keeps it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"report-on-oa.form", "answer-exhortation.form"})
  void theReportFormsTakeTheStatusAsWritten(String file) throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", file).toFile());
    List<JsonNode> status = new ArrayList<>();
    form.path("components").forEach(component -> {
      if (ReportingRoundProcess.REPORT_STATUS.equals(component.path("key").asText())) {
        status.add(component);
      }
    });

    assertThat(status).singleElement().satisfies(field -> {
      assertThat(field.path("type").asText()).isEqualTo("textfield");
      assertThat(field.path("values").isMissingNode()).isTrue();
      // a field shown on some answers only keeps its rules in "properties" (ADR 0019)
      JsonNode rules = field.has("conditional") ? field.path("properties") : field.path("validate");
      assertThat(rules.path("maxLength").asText()).isEqualTo(String.valueOf(OaReportValidator.STATUS_LENGTH));
      assertThat(rules.path("required").asText()).isEqualTo("true");
    });
  }

  private static void decisionChoices(JsonNode components, Set<String> choices) {
    for (JsonNode component : components) {
      if (FormTaskListener.DECISION.equals(component.path("key").asText())) {
        component.path("values").forEach(choice -> choices.add(choice.get("value").asText()));
      }
      decisionChoices(component.path("components"), choices);
    }
  }

  private static final Pattern TEMPLATED = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private static void fields(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.hasNonNull("valuesKey")) {
        keys.add(component.get("valuesKey").asText());
      }
      // what a text component shows: {{briefing}}, {{reportDocument}}
      Matcher shown = TEMPLATED.matcher(component.path("text").asText());
      while (shown.find()) {
        keys.add(shown.group(1));
      }
      fields(component.path("components"), keys);
    }
  }

  /** The values of the kit's public String constants. */
  static Set<String> constants(Class<?> kit) {
    return Arrays.stream(kit.getDeclaredFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(ProcessKitsTest::value).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String value(Field field) {
    try {
      field.setAccessible(true);
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
