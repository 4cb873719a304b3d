package eu.empact.oap.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's rules for models (STYLE.md sections 2 and 8), checked on every BPMN and form. */
class ModelRulesTest {

  static final Pattern MODELER_ID = Pattern.compile("(Activity|Flow|Gateway|Event|StartEvent|EndEvent)_[0-9a-z]{7}");
  /**
   * The form-js components the Tasklist of Camunda 7.24 renders and completes (schemaVersion 16).
   * Not "dynamiclist": its child fields report empty error lists that the 7.24 Tasklist counts as
   * errors, so the Complete button never enables (docs/adr/0002-no-dynamic-lists-in-forms.md).
   */
  static final Set<String> TASKLIST_COMPONENTS = Set.of("text", "textfield", "textarea", "number", "checkbox",
      "checklist", "radio", "select", "taglist", "datetime", "group", "separator", "spacer", "image", "button",
      "expression", "iframe");

  static Stream<Path> models() throws IOException {
    return files("processes", ".bpmn");
  }

  static Stream<Path> forms() throws IOException {
    return files("forms", ".form");
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyModelFollowsTheRules(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    String key = file.getFileName().toString().replace(".bpmn", "");
    List<String> broken = new ArrayList<>();

    for (Process process : model.getModelElementsByType(Process.class)) {
      check(broken, process.getId().equals(key), process, "process id must be the file name " + key);
      check(broken, process.getCamundaHistoryTimeToLiveString() != null, process, "needs camunda:historyTimeToLive");
      check(broken, process.isExecutable(), process, "must be executable");
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      check(broken, !MODELER_ID.matcher(element.getId()).matches(), element, "has a Modeler-generated id");
      if (element instanceof FlowNode node) {
        check(broken, node.getName() != null && !node.getName().isBlank(), element, "needs a label");
        check(broken, node.getDiagramElement() != null, element, "has no shape in the diagram");
      }
      if (element instanceof SequenceFlow flow) {
        check(broken, flow.getDiagramElement() != null, element, "has no edge in the diagram");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      check(broken, task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null, task,
          "needs candidate groups");
      check(broken, task.getCamundaFormRef() != null, task, "needs a Camunda Form (camunda:formRef)");
      check(broken, "deployment".equals(task.getCamundaFormRefBinding()), task,
          "needs camunda:formRefBinding=\"deployment\"");
      if (task.getCamundaDueDate() != null) {
        check(broken, hasReminder(model, task), task,
            "has a due date but no reminder: a timer on it with the property reminderKind and the cycle "
                + "${reminders.cycle(execution, dueDate)}, leading to ${sendRemindersDelegate}");
      }
      if (task.getCamundaFormRef() != null) {
        check(broken, Files.exists(Path.of("forms", task.getCamundaFormRef() + ".form")), task,
            "refers to a form that is not in forms/: " + task.getCamundaFormRef());
      }
      List<String> listeners = listeners(task);
      check(broken, listeners.size() == 2 && listeners.get(0).equals(listeners.get(1).replace("complete", "create")),
          task, "needs one task listener bean for both create and complete (the shared FormTaskListener base): "
              + listeners);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        check(broken, "deployment".equals(start.getCamundaFormRefBinding()), start,
            "needs camunda:formRefBinding=\"deployment\"");
      }
    }
    String xml = Files.readString(file);
    check(broken, !xml.contains("camunda:class="), null, "uses camunda:class; use camunda:delegateExpression");
    check(broken, !xml.contains("<bpmn:script"), null, "contains script code");

    assertThat(broken).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFormFollowsTheRules(Path file) throws IOException {
    JsonNode form = new ObjectMapper().readTree(file.toFile());
    String id = file.getFileName().toString().replace(".form", "");
    List<String> broken = new ArrayList<>();

    if (!id.equals(form.path("id").asText())) {
      broken.add("form id must be the file name " + id);
    }
    components(form.path("components"), component -> {
      String type = component.path("type").asText();
      if (!TASKLIST_COMPONENTS.contains(type)) {
        broken.add(component.path("id").asText() + ": type '" + type + "' is not rendered by the 7.24 Tasklist");
      }
      boolean input = !Set.of("text", "group", "separator", "spacer", "image", "button", "iframe")
          .contains(type);
      String label = component.path("label").asText(component.path("dateLabel").asText());
      if (input && label.isBlank()) {
        broken.add(component.path("id").asText() + ": an input needs a label");
      }
      boolean text = Set.of("textfield", "textarea").contains(type);
      if (text && !component.path("readonly").asBoolean(false) && !component.path("validate").has("maxLength")) {
        broken.add(component.path("id").asText() + ": a text input needs validate.maxLength (what the form "
            + "check allows, and what the database stores)");
      }
    });

    assertThat(broken).as(file.toString()).isEmpty();
  }

  private static void components(JsonNode components, java.util.function.Consumer<JsonNode> each) {
    for (JsonNode component : components) {
      each.accept(component);
      components(component.path("components"), each);
    }
  }

  /** "bean@event" for each task listener of the task. */
  private static List<String> listeners(UserTask task) {
    if (task.getExtensionElements() == null) {
      return List.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .map(listener -> listener.getCamundaDelegateExpression() + "@" + listener.getCamundaEvent()).toList();
  }

  /**
   * A reminder fragment on the task: a non-interrupting timer attached to it with the extension
   * property reminderKind, whose cycle is the reminders' next point, leading to "Send reminders".
   */
  private static boolean hasReminder(BpmnModelInstance model, UserTask task) {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() == task && !event.cancelActivity())
        .filter(event -> property(event, "reminderKind") != null)
        .filter(event -> event.getSucceedingNodes().filterByType(ServiceTask.class).list().stream()
            .anyMatch(send -> "${sendRemindersDelegate}".equals(send.getCamundaDelegateExpression())))
        .flatMap(event -> event.getEventDefinitions().stream())
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
        .anyMatch(timer -> timer.getTimeCycle() != null
            && timer.getTimeCycle().getTextContent().strip().startsWith("${reminders.cycle(execution, "));
  }

  private static String property(BaseElement element, String name) {
    if (element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  private static void check(List<String> broken, boolean ok, BaseElement element, String rule) {
    if (!ok) {
      broken.add((element == null ? "model" : element.getId()) + ": " + rule);
    }
  }

  private static Stream<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }
}
