package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionVariables.*;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.ActionView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The Driver's draft: the form lists every OA with its Action Leaders to assign. Submitting is
 * refused while an OA has no Action Leader (the form says which) or names an unknown actor.
 */
@Component("draftOapTaskListener")
class DraftOapTaskListener implements TaskListener {

  static final String REF = "ref";
  static final String TITLE = "title";
  static final String LEADERS = "leaders";

  private final OapRegistry registry;
  private final ActorDirectory actors;
  private final JsonVariables json;

  DraftOapTaskListener(OapRegistry registry, ActorDirectory actors, JsonVariables json) {
    this.registry = registry;
    this.actors = actors;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    AdoptionVariables variables = AdoptionVariables.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      List<Map<String, String>> rows = registry.actions(variables.oapId()).stream()
          .map(oa -> row(oa.ref(), oa.title(), AdoptionTaskListener.leaders(oa))).toList();
      task.getExecution().setVariableLocal(LEADER_ASSIGNMENTS, json.of(rows));
      return;
    }
    List<ActionView> actions = registry.actions(variables.oapId());
    if (actions.isEmpty()) {
      throw new ProcessEngineException("the OAP has no operational actions yet: add them with PUT /api/oaps/"
          + variables.oapId() + " before submitting the draft");
    }
    Map<String, List<String>> leaders = leaders(json.rows(task.getVariable(LEADER_ASSIGNMENTS), LEADER_ASSIGNMENTS),
        actions);
    String user = TaskUser.of(task);
    leaders.forEach((ref, codes) -> registry.assignLeaders(variables.oapId(), ref, codes, user));
    registry.recordDecision(variables.oapId(), variables.revision(), "DRAFT_SUBMITTED", user, variables.text(COMMENTS));
    task.setVariable(LEADERSHIP_DECLINED, false);
  }

  /** The leaders per OA as the form sent them; refuses naming every OA without one and every unknown actor. */
  private Map<String, List<String>> leaders(List<Map<String, Object>> rows, List<ActionView> actions) {
    Map<String, String> sent = new LinkedHashMap<>();
    rows.forEach(row -> sent.put(String.valueOf(row.get(REF)), row.get(LEADERS) == null ? "" : row.get(LEADERS).toString()));
    Map<String, List<String>> leaders = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (ActionView oa : actions) {
      String text = sent.getOrDefault(oa.ref(), AdoptionTaskListener.leaders(oa));
      List<String> codes = new ArrayList<>();
      for (String spelling : Arrays.stream(text.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
        Optional<Actor> actor = actors.resolve(spelling);
        if (actor.isEmpty()) {
          unknown.add("OA " + oa.ref() + " '" + spelling + "'");
        } else if (!codes.contains(actor.get().code())) {
          codes.add(actor.get().code());
        }
      }
      if (codes.isEmpty()) {
        missing.add(oa.ref());
      }
      leaders.put(oa.ref(), codes);
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add(LEADER_ASSIGNMENTS + ": " + missing.size() + " of " + actions.size()
          + " OAs have no Action Leader: OA " + String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      problems.add(LEADER_ASSIGNMENTS + ": unknown actors " + String.join(", ", unknown));
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("The draft cannot be submitted: " + String.join("; ", problems));
    }
    return leaders;
  }

  static Map<String, String> row(String ref, String title, String leaders) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put(REF, ref);
    row.put(TITLE, title);
    row.put(LEADERS, leaders);
    return row;
  }
}
