package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.RegistryViews.ActionLeaders;
import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The Driver's draft: the form lists every OA with its Action Leaders, one line each, to assign.
 * While the task is open the draft is the Driver's to change; from its submission until it comes
 * back to the Driver its content is frozen, so that the Action Leaders, the Support Unit, the NECs
 * and COSI decide on what was submitted. Submitting is refused while an OA has no Action Leader
 * (the refusal says which) or names an unknown actor.
 */
@Component("draftOapTaskListener")
class DraftOapTaskListener extends AdoptionTask {

  private static final String SEPARATOR = " | ";

  private final ActorDirectory actors;

  DraftOapTaskListener(Dependencies dependencies, ActorDirectory actors) {
    super(dependencies);
    this.actors = actors;
  }

  @Override
  void prepare(DelegateTask task, TaskSubject subject) {
    registry.releaseContent(subject.oapId(), subject.revision(), "system");
    task.getExecution().setVariableLocal(LEADER_ASSIGNMENTS,
        FormText.of(lines(registry.overview(subject.oapId()).actions())));
  }

  @Override
  protected void completed(Completion completion) {
    TaskSubject subject = completion.subject();
    List<ActionView> actions = registry.actions(subject.oapId());
    if (actions.isEmpty()) {
      completion.problems().add(LEADER_ASSIGNMENTS, "the OAP has no operational actions yet: add them with PUT "
          + "/api/oaps/" + subject.oapId() + " before submitting the draft");
      return;
    }
    Map<String, List<String>> leaders = leaders(completion, actions);
    completion.refuseIfAny();
    leaders.forEach((ref, codes) -> registry.assignLeaders(subject.oapId(), ref, codes, completion.user()));
    registry.recordDecision(subject.oapId(), subject.revision(), "DRAFT_SUBMITTED", completion.user(),
        completion.text(COMMENTS));
    registry.freezeContent(subject.oapId(), subject.revision(), completion.user(),
        "the Driver submitted it; it can change again when it comes back to the Driver");
    completion.task().setVariable(LEADERSHIP_DECLINED, false);
  }

  /** "OA 2.4 | Central MED Route | IT", one line per OA: what the form shows for the Driver to edit. */
  static String lines(List<ActionLeaders> actions) {
    return actions.stream().map(oa -> "OA " + oa.ref() + SEPARATOR + oa.title().replace('|', '/') + SEPARATOR
        + String.join(", ", oa.leaders())).collect(Collectors.joining("\n"));
  }

  /**
   * The leaders per OA as the Driver left them (an OA whose line was deleted keeps its leaders);
   * adds a problem naming every OA without a leader, every unknown actor and every line it cannot read.
   */
  private Map<String, List<String>> leaders(Completion completion, List<ActionView> actions) {
    String text = completion.text(LEADER_ASSIGNMENTS);
    Map<String, String> written = new LinkedHashMap<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] columns = lines[i].split("\\|", -1);
      String ref = columns[0].trim().replaceFirst("^(?i)OA\\s*", "").replaceFirst("\\.$", "");
      if (columns.length < 2 || actions.stream().noneMatch(oa -> oa.ref().equals(ref))) {
        completion.problems().add(LEADER_ASSIGNMENTS, "line " + (i + 1) + " '" + lines[i].trim()
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
      String names = written.getOrDefault(oa.ref(), leaders(oa));
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
      completion.problems().add(LEADER_ASSIGNMENTS, missing.size() + " of " + actions.size()
          + " OAs have no Action Leader: OA " + String.join(", ", missing));
    }
    if (!unknown.isEmpty()) {
      completion.problems().add(LEADER_ASSIGNMENTS, "unknown actors " + String.join(", ", unknown));
    }
    return leaders;
  }
}
