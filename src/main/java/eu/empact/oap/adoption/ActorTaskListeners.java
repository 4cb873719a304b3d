package eu.empact.oap.adoption;

import eu.empact.oap.identity.TaskUser;
import static eu.empact.oap.adoption.AdoptionVariables.*;

import eu.empact.oap.adoption.AdoptionProcess.ReturnedAt;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.registry.ConfirmationsMissed;
import eu.empact.oap.registry.Tasking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The tasks one per actor: Action Leaders confirm leadership, NECs state participation, actors confirm tasking. */
final class ActorTaskListeners {

  private ActorTaskListeners() {}

  /** An Action Leader accepts or declines leading its OAs; a decline returns the draft to the Driver. */
  @Component("confirmLeadershipTaskListener")
  static class ConfirmLeadership implements TaskListener {
    private final OapRegistry registry;

    ConfirmLeadership(OapRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
      AdoptionVariables variables = AdoptionVariables.of(task);
      String actor = variables.text(LEADING_ACTOR);
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        task.setVariableLocal(SUMMARY, registry.actions(variables.oapId()).stream()
            .filter(oa -> AdoptionTaskListener.leaderCodes(oa).contains(actor))
            .map(oa -> "OA " + oa.ref() + " " + oa.title()).collect(Collectors.joining("\n")));
        return;
      }
      String decision = variables.decision();
      if (!"accept".equals(decision) && !"decline".equals(decision)) {
        throw new ProcessEngineException(DECISION + ": choose accept or decline");
      }
      String reason = variables.text(COMMENTS);
      if ("decline".equals(decision) && reason == null) {
        throw new ProcessEngineException(COMMENTS + ": give the reason for declining");
      }
      registry.recordDecision(variables.oapId(), variables.revision(), "LEADERSHIP_" + decision.toUpperCase() + "ED",
          TaskUser.of(task), actor + (reason == null ? "" : ": " + reason));
      if ("decline".equals(decision)) {
        task.setVariable(LEADERSHIP_DECLINED, true);
        task.setVariable(RETURNED_AT, ReturnedAt.LEADERS.name());
        task.setVariable(RETURN_COMMENTS, "Action Leader " + actor + " declined: " + reason);
      }
    }
  }

  /** An NEC states, per OA, whether its Member State intends to participate. */
  @Component("stateParticipationTaskListener")
  static class StateParticipation implements TaskListener {
    static final String OPTIONS = "oaOptions";
    private final OapRegistry registry;
    private final NecConsultation consultation;
    private final JsonVariables json;

    StateParticipation(OapRegistry registry, NecConsultation consultation, JsonVariables json) {
      this.registry = registry;
      this.consultation = consultation;
      this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
      AdoptionVariables variables = AdoptionVariables.of(task);
      List<ActionView> actions = registry.actions(variables.oapId());
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        task.setVariableLocal(OPTIONS, json.of(actions.stream().map(oa -> Map.of("value", oa.ref(),
            "label", "OA " + oa.ref() + " " + oa.title() + " (" + AdoptionTaskListener.leaders(oa) + ")")).toList()));
        task.getExecution().setVariableLocal(PARTICIPATING_OAS, json.of(List.of()));
        return;
      }
      List<String> chosen = json.strings(task.getVariable(PARTICIPATING_OAS), PARTICIPATING_OAS);
      Map<String, Boolean> participation = new LinkedHashMap<>();
      actions.forEach(oa -> participation.put(oa.ref(), chosen.contains(oa.ref())));
      chosen.stream().filter(ref -> !participation.containsKey(ref)).findFirst().ifPresent(ref -> {
        throw new ProcessEngineException(PARTICIPATING_OAS + ": the OAP has no OA " + ref);
      });
      consultation.answer(variables.oapId(), variables.revision(), variables.text(MEMBER_STATE), participation,
          variables.text(COMMENTS), TaskUser.of(task));
    }
  }

  /** An actor confirms its tasking in the adopted OAP; the confirmation goes into the registry. */
  @Component("confirmParticipationTaskListener")
  static class ConfirmParticipation implements TaskListener {
    private final Tasking tasking;
    private final OapRegistry registry;

    ConfirmParticipation(Tasking tasking, OapRegistry registry) {
      this.tasking = tasking;
      this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
      AdoptionVariables variables = AdoptionVariables.of(task);
      String actor = variables.text(PARTICIPANT);
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        Tasking.Sheet sheet = tasking.sheet(variables.oapId(), actor);
        task.setVariableLocal(SUMMARY, sheet.lines().stream()
            .map(line -> "OA " + line.ref() + " " + line.title() + " | " + line.role())
            .collect(Collectors.joining("\n")) + "\n\nTasking sheet: /api/oaps/" + variables.oapId() + "/tasking/" + actor);
        return;
      }
      if (!Boolean.TRUE.equals(task.getVariable(CONFIRMED))) {
        throw new ProcessEngineException(CONFIRMED + ": tick the box to confirm the participation of " + actor);
      }
      String user = TaskUser.of(task);
      tasking.confirm(variables.oapId(), actor, user);
      registry.recordDecision(variables.oapId(), variables.revision(), "PARTICIPATION_CONFIRMED", user,
          actor + (variables.text(COMMENTS) == null ? "" : ": " + variables.text(COMMENTS)));
    }
  }

  /** The Driver sees who did not confirm its tasking by the deadline. */
  @Component("noteUnconfirmedTaskListener")
  static class NoteUnconfirmed implements TaskListener {
    private final Tasking tasking;
    private final ApplicationEventPublisher events;

    NoteUnconfirmed(Tasking tasking, ApplicationEventPublisher events) {
      this.tasking = tasking;
      this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
      AdoptionVariables variables = AdoptionVariables.of(task);
      List<String> unconfirmed = tasking.unconfirmedActors(variables.oapId());
      task.setVariableLocal(SUMMARY, "Not confirmed by the deadline: " + String.join(", ", unconfirmed));
      // each is a missed commitment under the exclusion clause
      events.publishEvent(new ConfirmationsMissed(variables.oapId(), variables.revision(), unconfirmed));
    }
  }
}
