package eu.empact.oap.exclusion;

import static eu.empact.oap.exclusion.ExclusionProcess.*;

import eu.empact.oap.identity.TaskUser;
import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.notification.Notifications;
import eu.empact.oap.notification.TaskNotice;
import eu.empact.oap.registry.Actor;
import eu.empact.oap.registry.ActorDirectory;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.Period;
import eu.empact.oap.tasks.FormRefusal;
import eu.empact.oap.tasks.ProcessVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the exclusion models. */
@Configuration
class ExclusionDelegates {

  /**
   * Opens the escalation: the one the starter opened for missed commitments, or, started by the
   * Driver from Tasklist, a new one after checking the Driver, the actor and the reason.
   */
  @Bean
  JavaDelegate openEscalationDelegate(Escalations escalations, Commitments commitments, ActorDirectory actors,
                                      ParticipationStatus participation, Exclusion exclusion, OapRegistry registry,
                                      Clock clock) {
    return execution -> {
      long oapId = oapId(execution);
      registry.summary(oapId);
      Actor actor = actors.resolve(ProcessVariables.text(execution, ACTOR))
          .orElseThrow(() -> refusal(ACTOR, "'" + execution.getVariable(ACTOR) + "' is not a known Member State, "
              + "agency or partner"));
      if (participation.status(oapId, actor.code()).isEmpty()) {
        throw refusal(ACTOR, actor.code() + " has no part in OAP " + oapId);
      }
      if (participation.excluded(oapId, actor.code())) {
        throw refusal(ACTOR, actor.code() + " is already no longer participant in OAP " + oapId);
      }
      Object started = execution.getVariable(ESCALATION_ID);
      long escalationId;
      if (started instanceof Number id) {
        if (!escalations.takeOver(id.longValue(), oapId, actor.code(), execution.getProcessInstanceId())) {
          throw refusal(ESCALATION_ID, "escalation " + id + " is not waiting for its process");
        }
        escalationId = id.longValue();
      } else {
        String reason = ProcessVariables.text(execution, REASON);
        if (reason == null) {
          throw refusal(REASON, "say why the escalation starts (which commitments were not met)");
        }
        requireDriver(execution, oapId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String stated = "stated by the Driver on " + today + ": " + reason;
        commitments.record(oapId, actor.code(), Commitment.Kind.DRIVER_STATED,
            stated.length() > 200 ? stated.substring(0, 197) + "..." : stated, null, null);
        escalationId = escalations.open(oapId, actor.code(), reason, TaskUser.of(execution),
            execution.getProcessInstanceId());
      }
      execution.setVariable(ESCALATION_ID, escalationId);
      execution.setProcessBusinessKey("exclusion-" + oapId + "-" + actor.code());
      execution.setVariable(ACTOR, actor.code());
      execution.setVariable(MEMBER_STATE, exclusion.isMemberState(actor.code()));
      execution.setVariable(EXHORTATION_NUMBER, 0);
      execution.setVariable(UNANSWERED_EXHORTATIONS, 0);
    };
  }

  /** E-mails the exhortation to the actor's contacts in the OAP, with its NEC in copy. */
  @Bean
  JavaDelegate emailExhortationDelegate(Notifications notifications, IdentityService identity,
                                        OapRegistry registry) {
    return execution -> {
      long oapId = oapId(execution);
      String actor = ProcessVariables.text(execution, ACTOR);
      boolean memberState = Boolean.TRUE.equals(execution.getVariable(MEMBER_STATE));
      String leaders = EmpactGroups.actionLeader(actor);
      long contacts = countMembers(identity, leaders);
      List<String> to = contacts > 0 || !memberState ? List.of(leaders) : List.of(EmpactGroups.nec(actor));
      List<String> cc = memberState && contacts > 0 ? List.of(EmpactGroups.nec(actor)) : List.of();
      int number = exhortationNumber(execution);
      TaskNotice exhortation = new TaskNotice(TaskNotice.Kind.EXHORTATION, number, oapId,
          "escalation-" + escalationId(execution), "Exhortation " + number + " from the Driver of OAP "
          + registry.summary(oapId).displayName() + " to " + actor,
          ((Date) execution.getVariable(RESPONSE_DEADLINE)).toInstant(), null, to, ProcessVariables.text(execution, EXHORTATION_TEXT),
          cc);
      notifications.record(exhortation, execution.getProcessInstanceId());
    };
  }

  /**
   * After the answers (or the end of the response period): cured when every missed commitment of
   * the escalation is fulfilled; whether someone explained; whether another exhortation is due.
   */
  @Bean
  JavaDelegate checkAnswersDelegate(Commitments commitments, Escalations escalations, ExclusionProperties properties) {
    return execution -> {
      long escalationId = escalationId(execution);
      List<Commitment> missed = commitments.ofEscalation(escalationId);
      boolean cured = !missed.isEmpty() && missed.stream().allMatch(Commitment::fulfilled);
      boolean explained = !escalations.explanationsSinceLastExhortation(escalationId).isEmpty();
      boolean anyFulfilled = missed.stream().anyMatch(Commitment::fulfilled);
      if (!cured && !explained && !anyFulfilled) {
        int unanswered = ProcessVariables.integer(execution, UNANSWERED_EXHORTATIONS) + 1;
        execution.setVariable(UNANSWERED_EXHORTATIONS, unanswered);
        escalations.record(escalationId, "NO_ANSWER", "system", "exhortation "
            + execution.getVariable(EXHORTATION_NUMBER) + " unanswered at the end of the response period");
      }
      execution.setVariable(CURED, cured);
      execution.setVariable(EXPLAINED, explained);
      execution.setVariable(MORE_EXHORTATIONS,
          exhortationNumber(execution) < properties.exhortations());
      if (cured) {
        escalations.close(escalationId, Escalation.Outcome.CURED, "system", "every missed commitment fulfilled");
      }
    };
  }

  /** The facts the DMN decision weighs: lead share, missed reports, unanswered exhortations, time left. */
  @Bean
  JavaDelegate gatherFactsDelegate(Commitments commitments, ParticipationStatus participation, OapRegistry registry,
                                   Clock clock) {
    return execution -> {
      long oapId = oapId(execution);
      String actor = ProcessVariables.text(execution, ACTOR);
      long escalationId = escalationId(execution);
      int actions = participation.actions(oapId);
      int led = participation.ledBy(oapId, actor).size();
      double share = actions == 0 ? 0 : (double) led / actions;
      long reports = commitments.ofEscalation(escalationId).stream()
          .filter(c -> c.kind() == Commitment.Kind.LEADER_REPORT && !c.fulfilled()).count();
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      LocalDate end = LocalDate.of(Period.parse(registry.summary(oapId).period()).end(), 12, 31);
      long monthsLeft = Math.max(0, ChronoUnit.MONTHS.between(today, end));
      execution.setVariable(LEAD_SHARE, share);
      execution.setVariable(MISSED_REPORTS, reports);
      execution.setVariable(MONTHS_LEFT, monthsLeft);
      int unanswered = ProcessVariables.integer(execution, UNANSWERED_EXHORTATIONS);
      execution.setVariable(FACTS, actor + " leads " + led + " of the OAP's " + actions + " OAs ("
          + Math.round(share * 100) + "%); missed reports not delivered: " + reports + "; exhortations unanswered: "
          + unanswered + " of " + execution.getVariable(EXHORTATION_NUMBER) + "; months left in the OAP period: "
          + monthsLeft);
    };
  }

  /** The decision's proposal, kept as two plain variables for the Driver's assessment. */
  @Bean
  ExecutionListener keepProposalListener() {
    return execution -> {
      DmnDecisionResult result = (DmnDecisionResult) execution.getVariable(DECISION_RESULT);
      execution.setVariable(PROPOSED_JEOPARDISES, result.getSingleResult().getEntry("jeopardises"));
      execution.setVariable(PROPOSED_RATIONALE, result.getSingleResult().getEntry("rationale"));
    };
  }

  /**
   * The Member State is no longer participant: the registry records it with the reason, its open
   * tasks in this OAP are cancelled with the reason, and the OAs it led wait for a new leader.
   */
  @Bean
  JavaDelegate excludeDelegate(ParticipationStatus participation, Escalations escalations, OpenTasks openTasks) {
    return execution -> {
      long oapId = oapId(execution);
      String actor = ProcessVariables.text(execution, ACTOR);
      long escalationId = escalationId(execution);
      Escalation escalation = escalations.find(escalationId);
      String reason = "exclusion clause: its conduct or inactivity jeopardises the delivery of the OAP ("
          + escalation.assessmentReason() + ")";
      execution.setVariable(LED_OAS, participation.ledBy(oapId, actor));
      participation.exclude(oapId, actor, reason, escalation.assessedBy());
      List<String> cancelled = openTasks.cancel(oapId, actor, execution.getProcessInstanceId(),
          actor + " is no longer participant in OAP " + oapId);
      escalations.close(escalationId, Escalation.Outcome.EXCLUDED, escalation.assessedBy(), reason
          + (cancelled.isEmpty() ? "" : "; open tasks cancelled: " + String.join("; ", cancelled)));
    };
  }

  /** Tells the NEC of the Member State, the EMPACT Support Unit and the COSI secretariat. */
  @Bean
  JavaDelegate informExclusionDelegate(Notifications notifications, Escalations escalations, OapRegistry registry) {
    return execution -> {
      long oapId = oapId(execution);
      String actor = ProcessVariables.text(execution, ACTOR);
      Escalation escalation = escalations.find(escalationId(execution));
      notifications.record(new TaskNotice(TaskNotice.Kind.EXCLUSION, 0, oapId, "escalation-" + escalation.id(),
              actor + " is no longer participant in OAP " + registry.summary(oapId).displayName(), null, null,
              List.of(EmpactGroups.nec(actor), EmpactGroups.SUPPORT_UNIT, EmpactGroups.COSI_SECRETARIAT),
              "Assessed by the Driver (" + escalation.assessedBy() + "): " + escalation.assessmentReason(), List.of()),
          execution.getProcessInstanceId());
    };
  }

  /** However the escalation process ends (also when cancelled in Cockpit), the escalation is closed. */
  @Bean
  ExecutionListener closeEscalationListener(Escalations escalations) {
    return execution -> {
      if (execution.getVariable(ESCALATION_ID) instanceof Number id && escalations.find(id.longValue()).running()) {
        escalations.close(id.longValue(), Escalation.Outcome.CANCELLED, TaskUser.of(execution),
            "the escalation's process ended without an outcome");
      }
    };
  }

  /** The Driver proposes to reinstate an actor that is no longer participant. */
  @Bean
  JavaDelegate checkReinstatementDelegate(ActorDirectory actors, ParticipationStatus participation) {
    return execution -> {
      long oapId = oapId(execution);
      Actor actor = actors.resolve(ProcessVariables.text(execution, ACTOR))
          .orElseThrow(() -> refusal(ACTOR, "'" + execution.getVariable(ACTOR) + "' is not a known actor"));
      if (!participation.excluded(oapId, actor.code())) {
        throw refusal(ACTOR, actor.code() + " is not excluded from OAP " + oapId);
      }
      if (ProcessVariables.text(execution, REASON) == null) {
        throw refusal(REASON, "say why " + actor.code() + " should participate again");
      }
      requireDriver(execution, oapId);
      execution.setVariable(ACTOR, actor.code());
    };
  }

  /** The EMPACT Support Unit confirmed: the actor participates again, with history. */
  @Bean
  JavaDelegate reinstateDelegate(ParticipationStatus participation) {
    return execution -> participation.reinstate(oapId(execution), ProcessVariables.text(execution, ACTOR),
        "reinstated: " + ProcessVariables.text(execution, REASON)
            + (ProcessVariables.text(execution, ReinstatementProcess.SUPPORT_UNIT_COMMENTS) == null ? ""
            : " (EMPACT Support Unit: " + ProcessVariables.text(execution, ReinstatementProcess.SUPPORT_UNIT_COMMENTS) + ")"),
        TaskUser.of(execution));
  }

  /** A person starting an escalation or a reinstatement by hand is the OAP's Driver (or an administrator). */
  private static void requireDriver(DelegateExecution execution, long oapId) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null) {
      return;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(EmpactGroups.driver(oapId)) && !groups.contains(EmpactGroups.ADMINISTRATORS)) {
      throw refusal(OAP_ID, "only the Driver of OAP " + oapId + " may start this (" + user.getUserId()
          + " is not in " + EmpactGroups.driver(oapId) + ")");
    }
  }

  private static long countMembers(IdentityService identity, String group) {
    return WithoutAuthorizationChecks.call(() -> identity.createUserQuery().memberOfGroup(group).count());
  }

  /** A start refused for what its form said: answered as 400 naming the field by its label. */
  static FormRefusal refusal(String field, String reason) {
    return FormRefusal.of(field, reason);
  }
}
