package eu.empact.oap.adoption;

import eu.empact.oap.identity.TaskUser;
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
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The Driver's draft: the form lists every OA with its Action Leaders, one line each, to assign.
 * Submitting is refused while an OA has no Action Leader (the refusal says which) or names an
 * unknown actor.
 */
@Component("draftOapTaskListener")
class DraftOapTaskListener implements TaskListener {

  private static final String SEPARATOR = " | ";

  private final OapRegistry registry;
  private final ActorDirectory actors;

  DraftOapTaskListener(OapRegistry registry, ActorDirectory actors) {
    this.registry = registry;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    AdoptionVariables variables = AdoptionVariables.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().setVariableLocal(LEADER_ASSIGNMENTS, lines(registry.actions(variables.oapId())));
      return;
    }
    List<ActionView> actions = registry.actions(variables.oapId());
    if (actions.isEmpty()) {
      throw new ProcessEngineException("the OAP has no operational actions yet: add them with PUT /api/oaps/"
          + variables.oapId() + " before submitting the draft");
    }
    Map<String, List<String>> leaders = leaders(variables.text(LEADER_ASSIGNMENTS), actions);
    String user = TaskUser.of(task);
    leaders.forEach((ref, codes) -> registry.assignLeaders(variables.oapId(), ref, codes, user));
    registry.recordDecision(variables.oapId(), variables.revision(), "DRAFT_SUBMITTED", user, variables.text(COMMENTS));
    task.setVariable(LEADERSHIP_DECLINED, false);
  }

  /** "OA 2.4 | Central MED Route | IT", one line per OA: what the form shows for the Driver to edit. */
  static String lines(List<ActionView> actions) {
    return actions.stream().map(oa -> "OA " + oa.ref() + SEPARATOR + oa.title().replace('|', '/') + SEPARATOR
        + AdoptionTaskListener.leaders(oa)).collect(Collectors.joining("\n"));
  }

  /**
   * The leaders per OA as the Driver left them (an OA whose line was deleted keeps its leaders);
   * refuses naming every OA without a leader, every unknown actor and every line it cannot read.
   */
  private Map<String, List<String>> leaders(String text, List<ActionView> actions) {
    Map<String, String> written = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] columns = lines[i].split("\\|", -1);
      String ref = columns[0].trim().replaceFirst("^(?i)OA\\s*", "").replaceFirst("\\.$", "");
      if (columns.length < 2 || actions.stream().noneMatch(oa -> oa.ref().equals(ref))) {
        problems.add(LEADER_ASSIGNMENTS + ": line " + (i + 1) + " '" + lines[i].trim()
            + "' is not 'OA ref | title | Action Leaders' for an OA of this OAP");
        continue;
      }
      written.put(ref, columns[columns.length - 1]);
    }
    Map<String, List<String>> leaders = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (ActionView oa : actions) {
      List<String> codes = new ArrayList<>();
      String names = written.getOrDefault(oa.ref(), AdoptionTaskListener.leaders(oa));
      for (String spelling : Arrays.stream(names.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
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
}
