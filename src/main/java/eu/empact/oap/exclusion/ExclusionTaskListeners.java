package eu.empact.oap.exclusion;

import static eu.empact.oap.exclusion.ExclusionProcess.*;

import eu.empact.oap.identity.TaskUser;
import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.reporting.OaReportForm;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportRejectedException;
import eu.empact.oap.system.FormValues;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The task listeners of the exclusion clause and of reinstatement, one per kind of task. */
final class ExclusionTaskListeners {

  /** What the forms send; the exhortation's text is not among them: the answer form shows the one sent. */
  static final List<String> FORM_INPUTS = Stream.concat(Stream.of(ANSWER, EXPLANATION, CONFIRMED, FULFILMENT, DECISION,
      COMMENTS, NEW_LEADER), OaReportForm.INPUTS.stream()).toList();

  private ExclusionTaskListeners() {}

  /**
   * Every task: the name says what, for which actor and OAP; what the form sends starts empty on
   * the task's own execution; refusals name the field.
   */
  abstract static class EscalationTaskListener implements TaskListener {
    protected final Escalations escalations;
    protected final Commitments commitments;
    protected final OapRegistry registry;

    EscalationTaskListener(Escalations escalations, Commitments commitments, OapRegistry registry) {
      this.escalations = escalations;
      this.commitments = commitments;
      this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        task.setName(title(task) + " (" + task.getVariable(ACTOR) + ", OAP "
            + registry.summary(ExclusionDelegates.oapId(task)).displayName() + ")");
        FORM_INPUTS.forEach(input -> task.getExecution().setVariableLocal(input, null));
        created(task);
      } else {
        try {
          completed(task);
        } catch (ReportRejectedException e) {
          throw new ProcessEngineException(e.getMessage());
        }
      }
    }

    String title(DelegateTask task) {
      return task.getName();
    }

    void created(DelegateTask task) {}

    abstract void completed(DelegateTask task);

    long escalationId(DelegateTask task) {
      return ((Number) task.getVariable(ESCALATION_ID)).longValue();
    }

    /** The record the Driver reads: the escalation's missed commitments and what happened so far. */
    String record(DelegateTask task) {
      long id = escalationId(task);
      return "Missed commitments:\n" + commitments.ofEscalation(id).stream().map(c -> "- " + c.line())
          .collect(Collectors.joining("\n")) + "\n\nSo far:\n" + escalations.history(id).stream()
          .map(e -> "- " + e.at().toString().substring(0, 10) + " " + e.event() + " (" + e.user() + ")"
              + (e.details() == null ? "" : ": " + e.details()))
          .collect(Collectors.joining("\n"));
    }

    static String required(DelegateTask task, String name, String why) {
      String value = FormValues.text(task, name);
      if (value == null) {
        throw new ProcessEngineException(name + ": " + why);
      }
      return value;
    }

    static String decision(DelegateTask task, List<String> allowed) {
      String decision = FormValues.text(task, DECISION);
      if (decision == null || !allowed.contains(decision)) {
        throw new ProcessEngineException(DECISION + ": choose one of " + String.join(", ", allowed));
      }
      task.getExecution().getProcessInstance().setVariable(DECISION, decision);
      return decision;
    }
  }

  /** The Driver reviews the record and sends an exhortation (a proposed text to edit). */
  @Component("sendExhortationTaskListener")
  static class SendExhortation extends EscalationTaskListener {
    private final ExclusionProperties properties;
    private final Exclusion exclusion;

    SendExhortation(Escalations escalations, Commitments commitments, OapRegistry registry,
                    ExclusionProperties properties, Exclusion exclusion) {
      super(escalations, commitments, registry);
      this.properties = properties;
      this.exclusion = exclusion;
    }

    @Override
    String title(DelegateTask task) {
      return "Send exhortation " + (((Number) task.getVariable(EXHORTATION_NUMBER)).intValue() + 1) + " of "
          + properties.exhortations();
    }

    @Override
    void created(DelegateTask task) {
      task.setVariableLocal(RECORD, record(task));
      List<Commitment> open = commitments.ofEscalation(escalationId(task)).stream().filter(c -> !c.fulfilled())
          .toList();
      task.getExecution().setVariableLocal(EXHORTATION_TEXT, "As Driver of the OAP "
          + registry.summary(ExclusionDelegates.oapId(task)).displayName() + ", I ask " + task.getVariable(ACTOR)
          + " to meet the following commitments within " + properties.responseDays() + " days:\n"
          + open.stream().map(c -> "- " + c.reference()).collect(Collectors.joining("\n"))
          + "\nPlease deliver what is missing in Tasklist, or explain why it cannot be delivered. Under the "
          + "exclusion clause, a Member State that does not accomplish its commitments notwithstanding the "
          + "exhortations of the Driver may be considered no longer participant in the OAP.");
    }

    @Override
    void completed(DelegateTask task) {
      String text = required(task, EXHORTATION_TEXT, "the exhortation needs a text");
      int number = escalations.exhorted(escalationId(task), TaskUser.of(task), text);
      var instance = task.getExecution().getProcessInstance();
      instance.setVariable(EXHORTATION_NUMBER, number);
      instance.setVariable(EXHORTATION_TEXT, text);
      instance.setVariable(RESPONSE_DEADLINE, exclusion.responseDeadline());
      instance.setVariable(EXPLAINED, false);
      instance.setVariable("explanations", null);
    }
  }

  /**
   * The actor answers for one missed commitment: delivers it (the late report, or the confirmation
   * of its tasking) or explains why not.
   */
  @Component("answerExhortationTaskListener")
  static class AnswerExhortation extends EscalationTaskListener {
    private final OaReports reports;
    private final Tasking tasking;

    AnswerExhortation(Escalations escalations, Commitments commitments, OapRegistry registry, OaReports reports,
                      Tasking tasking) {
      super(escalations, commitments, registry);
      this.reports = reports;
      this.tasking = tasking;
    }

    @Override
    String title(DelegateTask task) {
      return "Answer the Driver's exhortation: " + commitment(task).reference();
    }

    @Override
    void created(DelegateTask task) {
      Commitment commitment = commitment(task);
      task.setVariableLocal(COMMITMENT, commitment.reference());
      task.setVariableLocal(COMMITMENT_KIND, commitment.kind().name());
      if (commitment.kind() == Commitment.Kind.LEADER_REPORT) {
        OaReportForm.prepare(task, reports.action(commitment.oapId(), commitment.round(), commitment.oaRef()));
      }
    }

    @Override
    void completed(DelegateTask task) {
      Commitment commitment = commitment(task);
      String answer = FormValues.text(task, ANSWER);
      String user = TaskUser.of(task);
      if ("explain".equals(answer)) {
        String explanation = required(task, EXPLANATION, "say why the commitment cannot be met");
        escalations.record(commitment.escalationId(), "EXPLANATION", user, commitment.reference() + ": " + explanation);
        var instance = task.getExecution().getProcessInstance();
        instance.setVariable(EXPLAINED, true);
        Object earlier = instance.getVariable("explanations");
        instance.setVariable("explanations", (earlier == null ? "" : earlier + "\n") + commitment.reference() + " ("
            + user + "): " + explanation);
        return;
      }
      if (!"deliver".equals(answer)) {
        throw new ProcessEngineException(ANSWER + ": choose deliver or explain");
      }
      String fulfilment;
      if (commitment.kind() == Commitment.Kind.LEADER_REPORT) {
        List<Problem> problems = new ArrayList<>();
        reports.submitLate(commitment.oapId(), commitment.round(), OaReportForm.read(task, commitment.oaRef(), problems),
            user, problems);
        fulfilment = "late report filed";
      } else if (commitment.kind() == Commitment.Kind.DRIVER_STATED) {
        fulfilment = required(task, FULFILMENT, "say what was done to meet the commitment");
      } else {
        if (!Boolean.TRUE.equals(task.getVariable(CONFIRMED))) {
          throw new ProcessEngineException(CONFIRMED + ": tick the confirmation of the tasking to deliver it");
        }
        tasking.confirm(commitment.oapId(), commitment.actor(), user);
        fulfilment = "tasking confirmed";
      }
      commitments.fulfil(commitment.id(), user, fulfilment);
      escalations.record(commitment.escalationId(), "FULFILLED", user, commitment.reference() + ": " + fulfilment);
    }

    private Commitment commitment(DelegateTask task) {
      return commitments.find(((Number) task.getVariable(COMMITMENT_ID)).longValue());
    }
  }

  /** The Driver reads the explanations: accepts them (the escalation closes) or goes on. */
  @Component("considerExplanationTaskListener")
  static class ConsiderExplanation extends EscalationTaskListener {
    ConsiderExplanation(Escalations escalations, Commitments commitments, OapRegistry registry) {
      super(escalations, commitments, registry);
    }

    @Override
    void created(DelegateTask task) {
      task.setVariableLocal(RECORD, record(task));
    }

    @Override
    void completed(DelegateTask task) {
      String decision = decision(task, List.of("accept", "continue"));
      String comments = FormValues.text(task, COMMENTS);
      if (decision.equals("accept")) {
        escalations.close(escalationId(task), Escalation.Outcome.EXPLANATION_ACCEPTED, TaskUser.of(task), comments);
      } else {
        escalations.record(escalationId(task), "EXPLANATION_NOT_ACCEPTED", TaskUser.of(task), comments);
      }
    }
  }

  /**
   * The Driver assesses whether the conduct or inactivity jeopardises the delivery of the OAP: the
   * DMN decision proposes, the Driver confirms or overrides with a reason; both are recorded.
   */
  @Component("assessJeopardyTaskListener")
  static class AssessJeopardy extends EscalationTaskListener {
    AssessJeopardy(Escalations escalations, Commitments commitments, OapRegistry registry) {
      super(escalations, commitments, registry);
    }

    @Override
    void created(DelegateTask task) {
      boolean jeopardises = Boolean.TRUE.equals(task.getVariable(PROPOSED_JEOPARDISES));
      String rationale = (String) task.getVariable(PROPOSED_RATIONALE);
      escalations.proposed(escalationId(task), jeopardises, rationale);
      task.setVariableLocal("proposalText", (jeopardises ? "Exclude: " : "Keep: ") + rationale);
      task.setVariableLocal(RECORD, record(task));
    }

    @Override
    void completed(DelegateTask task) {
      String decision = decision(task, List.of("exclude", "keep"));
      boolean jeopardises = decision.equals("exclude");
      boolean proposed = Boolean.TRUE.equals(task.getVariable(PROPOSED_JEOPARDISES));
      String rationale = (String) task.getVariable(PROPOSED_RATIONALE);
      String comments = FormValues.text(task, COMMENTS);
      if (jeopardises != proposed && comments == null) {
        throw new ProcessEngineException(COMMENTS + ": say why you decide against the proposal (" + rationale + ")");
      }
      String reason = comments == null ? rationale : comments;
      escalations.assessed(escalationId(task), jeopardises, reason, TaskUser.of(task));
      if (!jeopardises) {
        escalations.close(escalationId(task), Escalation.Outcome.NOT_JEOPARDISING, TaskUser.of(task), reason);
      }
    }
  }

  /**
   * An agency or partner is outside the clause ("The MS"): after the exhortations the Driver
   * notes its missed commitments for the Driver's report, and the escalation closes.
   */
  @Component("reportAgencyTaskListener")
  static class ReportAgency extends EscalationTaskListener {
    ReportAgency(Escalations escalations, Commitments commitments, OapRegistry registry) {
      super(escalations, commitments, registry);
    }

    @Override
    void created(DelegateTask task) {
      task.setVariableLocal(RECORD, record(task));
    }

    @Override
    void completed(DelegateTask task) {
      String note = required(task, COMMENTS, "write what the Driver's report says about it");
      escalations.close(escalationId(task), Escalation.Outcome.REPORTED, TaskUser.of(task), note);
    }
  }

  /** The Driver names a new Action Leader for an OA the excluded Member State led. */
  @Component("assignNewLeaderTaskListener")
  static class AssignNewLeader extends EscalationTaskListener {
    private final ActorDirectory actors;
    private final ParticipationStatus participation;

    AssignNewLeader(Escalations escalations, Commitments commitments, OapRegistry registry, ActorDirectory actors,
                    ParticipationStatus participation) {
      super(escalations, commitments, registry);
      this.actors = actors;
      this.participation = participation;
    }

    @Override
    String title(DelegateTask task) {
      return "Assign a new Action Leader to OA " + task.getVariable(OA_REF);
    }

    @Override
    void completed(DelegateTask task) {
      long oapId = ExclusionDelegates.oapId(task);
      String excluded = (String) task.getVariable(ACTOR);
      String spelling = required(task, NEW_LEADER, "name the Member State or agency that leads the OA from now on");
      Actor leader = actors.resolve(spelling)
          .orElseThrow(() -> new ProcessEngineException(NEW_LEADER + ": '" + spelling + "' is not a known actor"));
      if (leader.code().equals(excluded) || participation.excluded(oapId, leader.code())) {
        throw new ProcessEngineException(NEW_LEADER + ": " + leader.code() + " is no longer participant in the OAP");
      }
      String oaRef = (String) task.getVariable(OA_REF);
      participation.replaceLeader(oapId, oaRef, excluded, leader.code(), TaskUser.of(task),
          FormValues.text(task, COMMENTS));
      escalations.record(escalationId(task), "NEW_ACTION_LEADER", TaskUser.of(task), "OA " + oaRef + ": "
          + leader.code() + " replaces " + excluded);
    }
  }

  /** The EMPACT Support Unit confirms or refuses the Driver's proposal to reinstate. */
  @Component("confirmReinstatementTaskListener")
  static class ConfirmReinstatement implements TaskListener {
    private final OapRegistry registry;
    private final ParticipationStatus participation;

    ConfirmReinstatement(OapRegistry registry, ParticipationStatus participation) {
      this.registry = registry;
      this.participation = participation;
    }

    @Override
    public void notify(DelegateTask task) {
      long oapId = ExclusionDelegates.oapId(task);
      String actor = (String) task.getVariable(ACTOR);
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        task.setName("Confirm the reinstatement of " + actor + " in OAP " + registry.summary(oapId).displayName());
        List.of(DECISION, COMMENTS).forEach(input -> task.getExecution().setVariableLocal(input, null));
        task.setVariableLocal(RECORD, participation.history(oapId, actor).stream()
            .map(c -> "- " + c.since().toString().substring(0, 10) + " " + c.status() + " (" + c.recordedBy() + "): "
                + c.reason()).collect(Collectors.joining("\n")));
        return;
      }
      String decision = EscalationTaskListener.decision(task, List.of("confirm", "refuse"));
      if (decision.equals("refuse") && FormValues.text(task, COMMENTS) == null) {
        throw new ProcessEngineException(COMMENTS + ": say why the reinstatement is refused");
      }
      task.getExecution().getProcessInstance().setVariable(COMMENTS, FormValues.text(task, COMMENTS));
    }
  }
}
