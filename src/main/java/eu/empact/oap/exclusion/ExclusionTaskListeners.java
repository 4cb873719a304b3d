package eu.empact.oap.exclusion;

import static eu.empact.oap.exclusion.ExclusionProcess.*;

import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.notification.WorkspaceLinks;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.registry.Tasking;
import eu.empact.oap.reporting.OaReportForm;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormMarkdown;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import eu.empact.oap.tasks.TaskSubjects;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The task listeners of the exclusion clause, one per kind of task. */
final class ExclusionTaskListeners {

  private ExclusionTaskListeners() {}

  /**
   * A task of an escalation: about one actor in one OAP, one escalation and, for an answer, one
   * missed commitment or, for a new leader, one OA. Its name says what, for which actor and OAP.
   */
  abstract static class EscalationTaskListener extends FormTaskListener {
    protected final Escalations escalations;
    protected final Commitments commitments;
    protected final OapRegistry registry;
    protected final WorkspaceLinks links;

    EscalationTaskListener(Dependencies dependencies) {
      super(dependencies.subjects());
      this.escalations = dependencies.escalations();
      this.commitments = dependencies.commitments();
      this.registry = dependencies.registry();
      this.links = dependencies.links();
    }

    @Override
    protected TaskSubject subject(DelegateTask task) {
      Number commitment = (Number) task.getVariable(COMMITMENT_ID);
      return TaskSubject.of(KEY, oapId(task)).withActor(actor(task))
          .withEscalation(escalationId(task), commitment == null ? null : commitment.longValue())
          .withOaRef((String) task.getVariable(OA_REF));
    }

    @Override
    protected void created(DelegateTask task, TaskSubject subject) {
      String oap = registry.displayName(subject.oapId());
      name(task, title(task, subject) + " (" + subject.actor() + ", OAP " + oap + ")");
      brief(task, "**OAP:** " + FormMarkdown.link(oap, links.oap(subject.oapId())) + " (" + subject.actor() + ")"
          + (subject.oaRef() == null ? "" : ", " + FormMarkdown.link("OA " + subject.oaRef(),
          links.oa(subject.oapId(), subject.oaRef()))) + "\n");
      prepare(task, subject);
    }


    String title(DelegateTask task, TaskSubject subject) {
      return task.getName();
    }

    void prepare(DelegateTask task, TaskSubject subject) {}

    /** The record the Driver reads: the escalation's missed commitments and what happened so far. */
    String record(long escalationId) {
      return "Missed commitments:\n" + commitments.ofEscalation(escalationId).stream().map(c -> "- " + c.line())
          .collect(Collectors.joining("\n")) + "\n\nSo far:\n" + escalations.history(escalationId).stream()
          .map(e -> "- " + e.at().toString().substring(0, 10) + " " + e.event() + " (" + e.user() + ")"
              + (e.details() == null ? "" : ": " + e.details()))
          .collect(Collectors.joining("\n"));
    }
  }

  /** What every escalation task needs, handed to each listener by Spring. */
  @Component
  record Dependencies(TaskSubjects subjects, Escalations escalations, Commitments commitments, OapRegistry registry,
                      WorkspaceLinks links) {}

  /** The Driver reviews the record and sends an exhortation (a proposed text to edit). */
  @Component("sendExhortationTaskListener")
  static class SendExhortation extends EscalationTaskListener {
    private final ExclusionProperties properties;
    private final Exclusion exclusion;

    SendExhortation(Dependencies dependencies, ExclusionProperties properties, Exclusion exclusion) {
      super(dependencies);
      this.properties = properties;
      this.exclusion = exclusion;
    }

    @Override
    String title(DelegateTask task, TaskSubject subject) {
      return "Send exhortation " + (exhortationNumber(task) + 1) + " of " + properties.exhortations();
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      task.setVariableLocal(RECORD, FormText.of(record(subject.escalationId())));
      List<Commitment> open = commitments.ofEscalation(subject.escalationId()).stream()
          .filter(c -> !c.fulfilled()).toList();
      task.getExecution().setVariableLocal(EXHORTATION_TEXT, FormText.of("As Driver of the OAP "
          + registry.displayName(subject.oapId()) + ", I ask " + subject.actor()
          + " to meet the following commitments within " + properties.responseDays() + " days:\n"
          + open.stream().map(c -> "- " + c.reference() + sharedWith(c)).collect(Collectors.joining("\n"))
          + "\nPlease deliver what is missing in Tasklist, or explain why it cannot be delivered. Under the "
          + "exclusion clause, a Member State that does not accomplish its commitments notwithstanding the "
          + "exhortations of the Driver may be considered no longer participant in the OAP."));
    }

    /** " (shared with ES, which also leads OA 2.4: a report by any of its leaders meets it)", or nothing. */
    private String sharedWith(Commitment commitment) {
      List<String> others = commitments.sharers(commitment).stream().map(Commitment::actor).toList();
      return others.isEmpty() ? "" : " (shared with " + String.join(", ", others) + ", which also lead"
          + (others.size() == 1 ? "s" : "") + " OA " + commitment.oaRef() + ": a report by any of its leaders meets it)";
    }

    @Override
    protected void completed(Completion completion) {
      String text = completion.required(EXHORTATION_TEXT, "the exhortation needs a text");
      completion.refuseIfAny();
      int number = escalations.exhorted(completion.subject().escalationId(), completion.user(), text);
      DelegateExecution instance = completion.task().getExecution().getProcessInstance();
      instance.setVariable(EXHORTATION_NUMBER, number);
      instance.setVariable(EXHORTATION_TEXT, text);
      instance.setVariable(RESPONSE_DEADLINE, exclusion.responseDeadline());
    }
  }

  /**
   * The actor answers for one missed commitment: delivers it (the late report, or the confirmation
   * of its tasking) or explains why not. Answers run in parallel, one per commitment: each is
   * recorded on the escalation, none in a shared process variable.
   */
  @Component("answerExhortationTaskListener")
  static class AnswerExhortation extends EscalationTaskListener {
    private final OaReports reports;
    private final Tasking tasking;
    private final SharedCommitments shared;

    AnswerExhortation(Dependencies dependencies, OaReports reports, Tasking tasking, SharedCommitments shared) {
      super(dependencies);
      this.reports = reports;
      this.tasking = tasking;
      this.shared = shared;
    }

    @Override
    String title(DelegateTask task, TaskSubject subject) {
      return "Answer the Driver's exhortation: " + commitments.find(subject.commitmentId()).reference();
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      Commitment commitment = commitments.find(subject.commitmentId());
      task.setVariableLocal(COMMITMENT, FormText.of(commitment.reference()));
      task.setVariableLocal(COMMITMENT_KIND, commitment.kind().name());
      if (commitment.kind() == Commitment.Kind.LEADER_REPORT) {
        OperationalAction oa = reports.action(commitment.oapId(), commitment.round(), commitment.oaRef());
        OaReportForm.prepare(task, oa);
        brief(task, "**OAP:** " + FormMarkdown.link(registry.displayName(subject.oapId()),
            links.oap(subject.oapId())) + "\n\n#### The operational action of the missing report\n\n"
            + FormMarkdown.sheet(oa, null, links.oa(subject.oapId(), oa.ref())));
      }
    }

    @Override
    protected void completed(Completion completion) {
      Commitment commitment = commitments.find(completion.subject().commitmentId());
      String user = completion.user();
      if (commitment.fulfilled()) {
        // another leader of the OA delivered the shared report meanwhile: nothing is missing any more
        escalations.record(commitment.escalationId(), "ANSWERED_WHEN_MET", user, commitment.reference()
            + ": already met (" + commitment.fulfilment() + ")");
        return;
      }
      String answer = completion.required(ANSWER, "choose deliver or explain");
      if ("explain".equals(answer)) {
        String explanation = completion.required(EXPLANATION, "say why the commitment cannot be met");
        completion.refuseIfAny();
        escalations.record(commitment.escalationId(), "EXPLANATION", user, commitment.reference() + ": " + explanation);
        return;
      }
      completion.refuseIfAny();
      String fulfilment;
      if (commitment.kind() == Commitment.Kind.LEADER_REPORT) {
        List<Problem> problems = new ArrayList<>();
        reports.submitLate(commitment.oapId(), commitment.round(),
            OaReportForm.read(completion.form(), commitment.oaRef(), problems), user, problems);
        fulfilment = "late report filed";
      } else if (commitment.kind() == Commitment.Kind.DRIVER_STATED) {
        fulfilment = completion.required(FULFILMENT, "say what was done to meet the commitment");
        completion.refuseIfAny();
      } else {
        if (!completion.form().checked(CONFIRMED)) {
          completion.problems().add(CONFIRMED, "tick the confirmation of the tasking to deliver it");
          return;
        }
        tasking.confirm(commitment.oapId(), commitment.actor(), user);
        fulfilment = "tasking confirmed";
      }
      List<Commitment> alsoMet = commitments.fulfil(commitment.id(), user, fulfilment);
      escalations.record(commitment.escalationId(), "FULFILLED", user, commitment.reference() + ": " + fulfilment);
      shared.delivered(commitment, alsoMet, user);
    }
  }

  /** The Driver reads the explanations: accepts them (the escalation closes) or goes on. */
  @Component("considerExplanationTaskListener")
  static class ConsiderExplanation extends EscalationTaskListener {
    ConsiderExplanation(Dependencies dependencies) {
      super(dependencies);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      task.setVariableLocal(EXPLANATIONS,
          String.join("\n", escalations.explanationsSinceLastExhortation(subject.escalationId())));
      task.setVariableLocal(RECORD, FormText.of(record(subject.escalationId())));
    }

    @Override
    protected void completed(Completion completion) {
      Decision decision = completion.decide(null, null);
      completion.refuseIfAny();
      completion.route(decision);
      long escalationId = completion.subject().escalationId();
      String comments = completion.text(COMMENTS);
      if (decision == Decision.ACCEPT) {
        escalations.close(escalationId, Escalation.Outcome.EXPLANATION_ACCEPTED, completion.user(), comments);
      } else {
        escalations.record(escalationId, "EXPLANATION_NOT_ACCEPTED", completion.user(), comments);
      }
    }
  }

  /**
   * The Driver assesses whether the conduct or inactivity jeopardises the delivery of the OAP: the
   * DMN decision proposes, the Driver confirms or overrides with a reason; both are recorded.
   */
  @Component("assessJeopardyTaskListener")
  static class AssessJeopardy extends EscalationTaskListener {
    AssessJeopardy(Dependencies dependencies) {
      super(dependencies);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      boolean jeopardises = Boolean.TRUE.equals(task.getVariable(PROPOSED_JEOPARDISES));
      String rationale = (String) task.getVariable(PROPOSED_RATIONALE);
      escalations.proposed(subject.escalationId(), jeopardises, rationale);
      task.setVariableLocal(PROPOSAL_TEXT, FormText.of((jeopardises ? "Exclude: " : "Keep: ") + rationale));
      task.setVariableLocal(RECORD, FormText.of(record(subject.escalationId())));
    }

    @Override
    protected void completed(Completion completion) {
      Decision decision = completion.decide(null, null);
      completion.refuseIfAny();
      long escalationId = completion.subject().escalationId();
      Escalation escalation = escalations.find(escalationId);
      boolean jeopardises = decision == Decision.EXCLUDE;
      String comments = completion.text(COMMENTS);
      if (!Boolean.valueOf(jeopardises).equals(escalation.proposal()) && comments == null) {
        completion.problems().add(COMMENTS, "say why you decide against the proposal (" + escalation.proposalReason()
            + ")");
        return;
      }
      completion.route(decision);
      String reason = comments == null ? escalation.proposalReason() : comments;
      escalations.assessed(escalationId, jeopardises, reason, completion.user());
      if (!jeopardises) {
        escalations.close(escalationId, Escalation.Outcome.NOT_JEOPARDISING, completion.user(), reason);
      }
    }
  }

  /**
   * An agency or partner is outside the clause ("The MS"): after the exhortations the Driver
   * notes its missed commitments for the Driver's report, and the escalation closes.
   */
  @Component("reportAgencyTaskListener")
  static class ReportAgency extends EscalationTaskListener {
    ReportAgency(Dependencies dependencies) {
      super(dependencies);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      task.setVariableLocal(RECORD, FormText.of(record(subject.escalationId())));
    }

    @Override
    protected void completed(Completion completion) {
      String note = completion.required(COMMENTS, "write what the Driver's report says about it");
      completion.refuseIfAny();
      escalations.close(completion.subject().escalationId(), Escalation.Outcome.REPORTED, completion.user(), note);
    }
  }

  /** The Driver names a new Action Leader for an OA the excluded Member State led. */
  @Component("assignNewLeaderTaskListener")
  static class AssignNewLeader extends EscalationTaskListener {
    private final ActorDirectory actors;
    private final ParticipationStatus participation;

    AssignNewLeader(Dependencies dependencies, ActorDirectory actors, ParticipationStatus participation) {
      super(dependencies);
      this.actors = actors;
      this.participation = participation;
    }

    @Override
    String title(DelegateTask task, TaskSubject subject) {
      return "Assign a new Action Leader to OA " + subject.oaRef();
    }

    @Override
    protected void completed(Completion completion) {
      TaskSubject subject = completion.subject();
      String spelling = completion.required(NEW_LEADER,
          "name the Member State or agency that leads the OA from now on");
      completion.refuseIfAny();
      Actor leader = actors.resolve(spelling).orElse(null);
      if (leader == null) {
        completion.problems().add(NEW_LEADER, "'" + spelling + "' is not a known actor");
        return;
      }
      if (leader.code().equals(subject.actor()) || participation.excluded(subject.oapId(), leader.code())) {
        completion.problems().add(NEW_LEADER, leader.code() + " is no longer participant in the OAP");
        return;
      }
      if (participation.leadersNow(subject.oapId(), subject.oaRef()).contains(leader.code())) {
        completion.problems().add(NEW_LEADER, leader.code() + " leads OA " + subject.oaRef()
            + " already; name a Member State or agency that does not");
        return;
      }
      participation.replaceLeader(subject.oapId(), subject.oaRef(), subject.actor(), leader.code(), completion.user(),
          completion.text(COMMENTS));
      escalations.record(subject.escalationId(), "NEW_ACTION_LEADER", completion.user(), "OA " + subject.oaRef() + ": "
          + leader.code() + " replaces " + subject.actor());
    }
  }
}
