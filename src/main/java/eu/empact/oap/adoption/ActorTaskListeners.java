package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.adoption.AdoptionProcess.ReturnedAt;
import eu.empact.oap.registry.ConfirmationsMissed;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.RegistryViews.ActionLeaders;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormMarkdown;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The tasks one per actor: Action Leaders confirm leadership, NECs state participation, actors
 * confirm tasking. Each answers for the actor recorded when its task was created.
 */
final class ActorTaskListeners {

  private ActorTaskListeners() {}

  /** An Action Leader accepts or declines leading its OAs; a decline returns the draft to the Driver. */
  @Component("confirmLeadershipTaskListener")
  static class ConfirmLeadership extends AdoptionTask {
    ConfirmLeadership(Dependencies dependencies) {
      super(dependencies);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, AdoptionBriefings.leadership(version(subject), subject.actor(),
          latest(subject.oapId(), "DRAFT_SUBMITTED")));
    }

    @Override
    protected void completed(Completion completion) {
      Decision decision = completion.decide(Decision.DECLINE, "give the reason for declining");
      completion.refuseIfAny();
      TaskSubject subject = completion.subject();
      String reason = completion.text(COMMENTS);
      registry.recordDecision(subject.oapId(), subject.revision(), "LEADERSHIP_" + decision.name() + "ED",
          completion.user(), subject.actor() + (reason == null ? "" : ": " + reason));
      if (decision == Decision.DECLINE) {
        DelegateTask task = completion.task();
        task.setVariable(LEADERSHIP_DECLINED, true);
        task.setVariable(RETURNED_AT, ReturnedAt.LEADERS.name());
        task.setVariable(RETURN_COMMENTS, "Action Leader " + subject.actor() + " declined: " + reason);
      }
    }
  }

  /** An NEC states, per OA, whether its Member State intends to participate. */
  @Component("stateParticipationTaskListener")
  static class StateParticipation extends AdoptionTask {
    private final NecConsultation consultation;
    private final JsonVariables json;

    StateParticipation(Dependencies dependencies, NecConsultation consultation, JsonVariables json) {
      super(dependencies);
      this.consultation = consultation;
      this.json = json;
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      AdoptionBriefings.Version version = version(subject);
      brief(task, AdoptionBriefings.necAnswer(version));
      // the same for the 27 tasks of the version, so kept once on the adoption's instance: a
      // variable of each task would be written with it and deleted with its answer
      DelegateExecution adoption = task.getExecution().getProcessInstance();
      json.keep(adoption, OA_OPTIONS, version.actions().stream()
          .sorted(Comparator.comparing(OperationalAction::ref, FormMarkdown.OA_REFS))
          .map(oa -> Map.of("value", oa.ref(), "label", "OA " + oa.ref() + " " + oa.title() + " ("
              + String.join(", ", oa.actionLeaders()) + (oa.coActionLeaders() == null || oa.coActionLeaders().isEmpty()
              ? "" : "; co-leaders " + String.join(", ", oa.coActionLeaders())) + ")")).toList());
      // the checklist starts empty and Tasklist sends the choice back as Json, like this variable;
      // a choice is never written back (it goes to the registry), so every NEC starts from this one
      json.keep(adoption, PARTICIPATING_OAS, List.of());
    }

    @Override
    protected void completed(Completion completion) {
      TaskSubject subject = completion.subject();
      List<String> chosen = completion.form().list(PARTICIPATING_OAS);
      Map<String, Boolean> participation = new LinkedHashMap<>();
      for (ActionLeaders oa : registry.overview(subject.oapId()).actions()) {
        participation.put(oa.ref(), chosen.contains(oa.ref()));
      }
      consultation.answer(subject.oapId(), subject.revision(), subject.actor(), participation,
          completion.text(COMMENTS), completion.user());
    }
  }

  /** An actor confirms its tasking in the adopted OAP; the confirmation goes into the registry. */
  @Component("confirmParticipationTaskListener")
  static class ConfirmParticipation extends AdoptionTask {
    private final Tasking tasking;

    ConfirmParticipation(Dependencies dependencies, Tasking tasking) {
      super(dependencies);
      this.tasking = tasking;
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, AdoptionBriefings.tasking(version(subject), tasking.sheet(subject.oapId(), subject.actor()),
          links.tasking(subject.oapId())));
    }

    @Override
    protected void completed(Completion completion) {
      TaskSubject subject = completion.subject();
      if (!completion.form().checked(CONFIRMED)) {
        completion.problems().add(CONFIRMED, "tick the box to confirm the participation of " + subject.actor());
        return;
      }
      tasking.confirm(subject.oapId(), subject.actor(), completion.user());
      String comments = completion.text(COMMENTS);
      registry.recordDecision(subject.oapId(), subject.revision(), "PARTICIPATION_CONFIRMED", completion.user(),
          subject.actor() + (comments == null ? "" : ": " + comments));
    }
  }

  /** The Driver sees who did not confirm its tasking by the deadline. */
  @Component("noteUnconfirmedTaskListener")
  static class NoteUnconfirmed extends AdoptionTask {
    private final Tasking tasking;
    private final ApplicationEventPublisher events;

    NoteUnconfirmed(Dependencies dependencies, Tasking tasking, ApplicationEventPublisher events) {
      super(dependencies);
      this.tasking = tasking;
      this.events = events;
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      List<String> unconfirmed = tasking.unconfirmedActors(subject.oapId());
      task.setVariableLocal(SUMMARY, FormText.of("Not confirmed by the deadline: " + String.join(", ", unconfirmed)));
      brief(task, "**OAP:** " + FormMarkdown.link(registry.displayName(subject.oapId()),
          links.oap(subject.oapId())) + "\n\n" + FormMarkdown.link("The tasking sheets and confirmations",
          links.tasking(subject.oapId())) + "\n");
      // each is a missed commitment under the exclusion clause
      events.publishEvent(new ConfirmationsMissed(subject.oapId(), subject.revision(), unconfirmed));
    }

    @Override
    protected void completed(Completion completion) {
      String comments = completion.text(COMMENTS);
      if (comments != null) {
        TaskSubject subject = completion.subject();
        registry.recordDecision(subject.oapId(), subject.revision(), "UNCONFIRMED_NOTED", completion.user(), comments);
      }
    }
  }
}
