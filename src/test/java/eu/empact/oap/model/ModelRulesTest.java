package eu.empact.oap.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The project's rules for models (STYLE.md sections 2 and 8), checked on every BPMN, DMN and form.
 * The rules read the models with the model API or as namespace-aware XML, never as text, so they
 * see the same whatever prefixes a model uses.
 */
class ModelRulesTest {

  /** The name after an id's prefix: CamelCase words, not the Modeler's generated "Activity_0x8k2". */
  static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*");
  /** A history time to live as ISO-8601 days, the form Camunda Modeler writes (P1095D). */
  static final Pattern ISO_DAYS = Pattern.compile("P[1-9][0-9]*D");
  static final String PLATFORM_VERSION = "7.24.0";
  /**
   * The prefix of an element's id, by the element's type (boundary and intermediate events, event
   * definitions, shapes and edges: see {@link #prefix}).
   */
  static final Map<String, String> ID_PREFIXES = Map.ofEntries(
      Map.entry("userTask", "Task_"), Map.entry("serviceTask", "Task_"), Map.entry("businessRuleTask", "Task_"),
      Map.entry("scriptTask", "Task_"), Map.entry("sendTask", "Task_"), Map.entry("receiveTask", "Task_"),
      Map.entry("manualTask", "Task_"), Map.entry("task", "Task_"), Map.entry("callActivity", "Task_"),
      Map.entry("subProcess", "SubProcess_"), Map.entry("exclusiveGateway", "Gateway_"),
      Map.entry("parallelGateway", "Gateway_"), Map.entry("inclusiveGateway", "Gateway_"),
      Map.entry("eventBasedGateway", "Gateway_"), Map.entry("startEvent", "StartEvent_"),
      Map.entry("endEvent", "EndEvent_"), Map.entry("sequenceFlow", "Flow_"), Map.entry("message", "Message_"),
      Map.entry("error", "Error_"), Map.entry("escalation", "Escalation_"), Map.entry("signal", "Signal_"),
      Map.entry("definitions", "Definitions_"), Map.entry("BPMNDiagram", "Diagram_"),
      Map.entry("BPMNPlane", "Plane_"),
      // DMN
      Map.entry("decisionTable", "DecisionTable_"), Map.entry("input", "Input_"),
      Map.entry("inputExpression", "InputExpression_"), Map.entry("output", "Output_"), Map.entry("rule", "Rule_"),
      Map.entry("inputEntry", "Entry_"), Map.entry("outputEntry", "Entry_"), Map.entry("DMNDiagram", "Diagram_"),
      Map.entry("DMNShape", "Shape_"));
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

  static Stream<Path> decisions() throws IOException {
    return files("processes", ".dmn");
  }

  /** Every BPMN and DMN. */
  static Stream<Path> allModels() throws IOException {
    return Stream.concat(models(), decisions());
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
      check(broken, task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().startsWith("${"),
          task, "names its candidate groups through an expression (${tasks.supportUnitGroup()}), "
              + "whose names come from EmpactGroups, not as literal group names");
      check(broken, task.getCamundaFormRef() != null, task, "needs a Camunda Form (camunda:formRef)");
      check(broken, "deployment".equals(task.getCamundaFormRefBinding()), task,
          "needs camunda:formRefBinding=\"deployment\"");
      check(broken, task.getCamundaDueDate() == null
              || task.getCamundaDueDate().matches("\\$\\{tasks\\.due\\('[a-z.-]+'\\)}|\\$\\{[a-zA-Z]+}"), task,
          "takes its due date from the configured days (${tasks.due('adoption.draft')}) or a deadline variable");
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
    ModelXml xml = ModelXml.read(file);
    xml.elements().stream().filter(element -> element.hasAttributeNS(ModelXml.CAMUNDA, "class"))
        .forEach(element -> broken.add(id(element) + ": uses camunda:class; use camunda:delegateExpression"));
    scripts(xml).forEach(element -> broken.add(id(element) + ": contains script code"));

    assertThat(broken).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void everyDecisionFollowsTheRules(Path file) {
    ModelXml xml = ModelXml.read(file);
    String key = file.getFileName().toString().replace(".dmn", "");
    List<String> broken = new ArrayList<>();

    List<Element> decisions = xml.elements(ModelXml.DMN, "decision");
    checkModel(broken, decisions.stream().anyMatch(decision -> decision.getAttribute("id").equals(key)),
        "one decision's id must be the file name " + key);
    for (Element decision : decisions) {
      checkAt(broken, !decision.getAttribute("name").isBlank(), decision, "needs a name");
      checkAt(broken, xml.elements(ModelXml.DMN_DI, "DMNShape").stream()
          .anyMatch(shape -> shape.getAttribute("dmnElementRef").equals(decision.getAttribute("id"))),
          decision, "has no shape in the diagram");
    }
    scripts(xml).forEach(element -> broken.add(id(element) + ": contains script code"));

    assertThat(broken).as(file.toString()).isEmpty();
  }

  /** As Camunda Modeler 5 saves a model for Camunda 7.24: stamped, prefixed, indented, on whole pixels. */
  @ParameterizedTest
  @MethodSource("allModels")
  void everyModelIsAsCamundaModelerSavesIt(Path file) throws IOException {
    ModelXml xml = ModelXml.read(file);
    Element root = xml.root();
    List<String> broken = new ArrayList<>();

    checkModel(broken, "Camunda Modeler".equals(root.getAttribute("exporter")),
        "needs exporter=\"Camunda Modeler\": open and save it in Camunda Modeler");
    checkModel(broken, root.getAttribute("exporterVersion").matches("5\\.[0-9]+\\.[0-9]+"),
        "needs the exporterVersion of a Camunda Modeler 5, has '" + root.getAttribute("exporterVersion") + "'");
    checkModel(broken, "Camunda Platform".equals(root.getAttributeNS(ModelXml.MODELER, "executionPlatform"))
            && PLATFORM_VERSION.equals(root.getAttributeNS(ModelXml.MODELER, "executionPlatformVersion")),
        "needs modeler:executionPlatform=\"Camunda Platform\" modeler:executionPlatformVersion=\""
            + PLATFORM_VERSION + "\" (in the Modeler: Camunda 7.24 as the execution platform)");
    if (file.toString().endsWith(".bpmn")) {
      checkModel(broken, "bpmn".equals(root.getPrefix()),
          "BPMN elements as the Modeler writes them, prefixed bpmn:, not in a default namespace");
    } else {
      checkModel(broken, root.getPrefix() == null, "DMN elements as the Modeler writes them, without a prefix");
    }
    for (Element bounds : xml.elements("*", "Bounds")) {
      List<String> box = Stream.of("x", "y", "width", "height").map(bounds::getAttribute).toList();
      checkAt(broken, box.stream().allMatch(value -> value.matches("-?[0-9]+")), bounds,
          "diagram bounds on whole pixels, not " + box);
    }
    for (Element point : xml.elements(ModelXml.DI, "waypoint")) {
      checkAt(broken, point.getAttribute("x").matches("-?[0-9]+") && point.getAttribute("y").matches("-?[0-9]+"),
          point, "waypoints on whole pixels, not " + point.getAttribute("x") + "," + point.getAttribute("y"));
    }
    List<String> lines = Files.readAllLines(file);
    checkModel(broken, lines.get(0).equals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "starts with the Modeler's XML declaration");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      checkModel(broken, indent.chars().allMatch(c -> c == ' ') && indent.length() % 2 == 0,
          "line " + (i + 1) + " is not indented by two spaces a level");
    }

    assertThat(broken).as(file.toString()).isEmpty();
  }

  /** History kept for an ISO-8601 number of days, the form the Modeler writes: P1095D, not 1095. */
  @ParameterizedTest
  @MethodSource("allModels")
  void everyModelKeepsItsHistoryForIsoDays(Path file) {
    ModelXml xml = ModelXml.read(file);
    List<Element> owners = new ArrayList<>(xml.elements(ModelXml.BPMN, "process"));
    owners.addAll(xml.elements(ModelXml.DMN, "decision"));
    List<String> broken = new ArrayList<>();

    checkModel(broken, !owners.isEmpty(), "has no process or decision");
    for (Element owner : owners) {
      String ttl = owner.hasAttributeNS(ModelXml.CAMUNDA, "historyTimeToLive")
          ? owner.getAttributeNS(ModelXml.CAMUNDA, "historyTimeToLive")
          : owner.getAttributeNS(ModelXml.CAMUNDA_DMN, "historyTimeToLive");
      checkAt(broken, ISO_DAYS.matcher(ttl).matches(), owner,
          "needs camunda:historyTimeToLive as ISO-8601 days (P1095D), has '" + ttl + "'");
    }

    assertThat(broken).as(file.toString()).isEmpty();
  }

  /**
   * One id convention in every model: a prefix for the element's type and a name, Task_ReviewDraft,
   * Gateway_DraftApproved, Flow_DraftApprovedToPutToNecs, Timer_ReviewDraftReminder,
   * TimerDefinition_ReviewDraftReminder; shapes and edges are Shape_ and Edge_ and their element's id.
   */
  @ParameterizedTest
  @MethodSource("allModels")
  void everyIdFollowsTheConvention(Path file) {
    ModelXml xml = ModelXml.read(file);
    String key = file.getFileName().toString().replaceAll("\\.(bpmn|dmn)$", "");
    List<String> broken = new ArrayList<>();

    for (Element element : xml.elements()) {
      if (!element.hasAttribute("id")) {
        continue;
      }
      String id = element.getAttribute("id");
      String type = element.getLocalName();
      if (type.equals("process") || type.equals("decision")) {
        continue; // the file name: everyModelFollowsTheRules, everyDecisionFollowsTheRules
      }
      String prefix = prefix(element);
      if (prefix == null) {
        broken.add(id + ": no id convention for " + type + " yet; add one to ModelRulesTest");
      } else if (type.equals("BPMNShape") || type.equals("BPMNEdge")) {
        checkAt(broken, id.equals(prefix + element.getAttribute("bpmnElement")), element,
            "the " + type + " of " + element.getAttribute("bpmnElement") + " is " + prefix
                + element.getAttribute("bpmnElement"));
      } else {
        checkAt(broken, id.startsWith(prefix) && NAME.matcher(id.substring(prefix.length())).matches(), element,
            "a " + type + " is named " + prefix + "<Name>, e.g. " + prefix + "ReviewDraft");
      }
    }

    assertThat(broken).as(key).isEmpty();
  }

  @Test
  void theRulesSeeScriptCodeWhateverPrefixAModelUses() {
    String task = "<scriptTask id=\"Task_Script\" scriptFormat=\"groovy\"><script>1</script></scriptTask>";
    ModelXml unprefixed = ModelXml.of("<definitions xmlns=\"" + ModelXml.BPMN + "\"><process id=\"p\">" + task
        + "</process></definitions>");
    ModelXml prefixed = ModelXml.of("<b:definitions xmlns:b=\"" + ModelXml.BPMN + "\"><b:process id=\"p\">"
        + task.replace("<", "<b:").replace("<b:/", "</b:") + "</b:process></b:definitions>");
    ModelXml listener = ModelXml.of("<bpmn:definitions xmlns:bpmn=\"" + ModelXml.BPMN + "\" xmlns:camunda=\""
        + ModelXml.CAMUNDA + "\"><bpmn:process id=\"p\"><bpmn:extensionElements><camunda:executionListener "
        + "event=\"end\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:executionListener>"
        + "</bpmn:extensionElements></bpmn:process></bpmn:definitions>");

    assertThat(scripts(unprefixed)).extracting(ModelRulesTest::id).contains("Task_Script");
    assertThat(scripts(prefixed)).extracting(ModelRulesTest::id).contains("Task_Script");
    assertThat(scripts(listener)).isNotEmpty();
  }

  /** Script code anywhere: script tasks, scripts of listeners or mappings, expressions in a script language. */
  static List<Element> scripts(ModelXml xml) {
    List<Element> scripts = new ArrayList<>(xml.elements(ModelXml.BPMN, "scriptTask"));
    scripts.addAll(xml.elements(ModelXml.BPMN, "script"));
    scripts.addAll(xml.elements(ModelXml.CAMUNDA, "script"));
    xml.elements().stream().filter(element -> element.hasAttribute("language")).forEach(scripts::add);
    return scripts;
  }

  /** The prefix of an element's id by its type; null where the project has no convention for the type yet. */
  private static String prefix(Element element) {
    String type = element.getLocalName();
    if (type.endsWith("EventDefinition")) {
      return Character.toUpperCase(type.charAt(0)) + type.substring(1).replace("EventDefinition", "Definition_");
    }
    if (Set.of("boundaryEvent", "intermediateCatchEvent", "intermediateThrowEvent").contains(type)) {
      boolean timer = !childElements(element, "timerEventDefinition").isEmpty();
      return timer ? "Timer_" : "Event_";
    }
    if (type.equals("BPMNShape")) {
      return "Shape_";
    }
    if (type.equals("BPMNEdge")) {
      return "Edge_";
    }
    return ID_PREFIXES.get(type);
  }

  private static List<Element> childElements(Element parent, String localName) {
    List<Element> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && localName.equals(element.getLocalName())) {
        children.add(element);
      }
    }
    return children;
  }

  private static String id(Element element) {
    for (Node node = element; node instanceof Element at; node = node.getParentNode()) {
      if (at.hasAttribute("id")) {
        return at.getAttribute("id");
      }
    }
    return "model";
  }

  private static void checkAt(List<String> broken, boolean ok, Element element, String rule) {
    if (!ok) {
      broken.add(id(element) + ": " + rule);
    }
  }

  private static void checkModel(List<String> broken, boolean ok, String rule) {
    if (!ok) {
      broken.add("model: " + rule);
    }
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
      boolean conditional = component.has("conditional");
      if (conditional && component.has("validate")) {
        broken.add(component.path("id").asText() + ": a field the form hides on some answers takes no validate "
            + "(form-js keeps its error once hidden and Complete stays disabled); put its rules in properties, "
            + "which the server checks (docs/adr/0019)");
      }
      boolean text = Set.of("textfield", "textarea").contains(type);
      JsonNode rules = conditional ? component.path("properties") : component.path("validate");
      if (text && !component.path("readonly").asBoolean(false) && !rules.has("maxLength")) {
        broken.add(component.path("id").asText() + ": a text input needs maxLength in " + (conditional
            ? "properties" : "validate") + " (what the form check allows, and what the database stores)");
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
