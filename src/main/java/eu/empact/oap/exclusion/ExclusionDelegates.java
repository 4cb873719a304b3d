package eu.empact.oap.exclusion;

import static eu.empact.oap.exclusion.ExclusionProcess.*;

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
import eu.empact.oap.tasks.ProcessStep;
import eu.empact.oap.tasks.Step;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks and execution listeners of the exclusion models. */
@Configuration
class ExclusionDelegates {

  /**
   * Opens the escalation: the one the starter opened for missed commitments, or, started by the
   * Driver from Tasklist, a new one after checking the Driver, the actor and the reason.
   */
  @Bean
  ProcessStep openEscalationDelegate(Escalations escalations, Commitments commitments, ActorDirectory actors,
                                      ParticipationStatus participation, Exclusion exclusion, OapRegistry registry,
                                      Clock clock) {
    return step -> {
      long oapId = oapId(step.execution());
      registry.summary(oapId);
      Actor actor = actors.resolve(step.text(ACTOR))
          .orElseThrow(() -> refusal(ACTOR, "'" + step.value(ACTOR) + "' is not a known Member State, "
              + "agency or partner"));
      if (participation.status(oapId, actor.code()).isEmpty()) {
        throw refusal(ACTOR, actor.code() + " has no part in OAP " + oapId);
      }
      if (participation.excluded(oapId, actor.code())) {
        throw refusal(ACTOR, actor.code() + " is already no longer participant in OAP " + oapId);
      }
      Object started = step.value(ESCALATION_ID);
      long escalationId;
      if (started instanceof Number id) {
        if (!escalations.takeOver(id.longValue(), oapId, actor.code(), step.processInstanceId())) {
          throw refusal(ESCALATION_ID, "escalation " + id + " is not waiting for its process");
        }
        escalationId = id.longValue();
      } else {
        String reason = step.text(REASON);
        if (reason == null) {
          throw refusal(REASON, "say why the escalation starts (which commitments were not met)");
        }
        requireDriver(step, oapId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String stated = "stated by the Driver on " + today + ": " + reason;
        commitments.record(oapId, actor.code(), Commitment.Kind.DRIVER_STATED,
            stated.length() > 200 ? stated.substring(0, 197) + "..." : stated, null, null);
        escalationId = escalations.open(oapId, actor.code(), reason, step.user(),
            step.processInstanceId());
      }
      step.set(ESCALATION_ID, escalationId);
      step.execution().setProcessBusinessKey("exclusion-" + oapId + "-" + actor.code());
      step.set(ACTOR, actor.code());
      step.set(MEMBER_STATE, exclusion.isMemberState(oapId, actor.code()));
      step.set(EXHORTATION_NUMBER, 0);
      step.set(UNANSWERED_EXHORTATIONS, 0);
    };
  }

  /** E-mails the exhortation to the actor's contacts in the OAP, with its NEC in copy. */
  @Bean
  ProcessStep emailExhortationDelegate(Notifications notifications, IdentityService identity,
                                        OapRegistry registry) {
    return step -> {
      long oapId = step.oapId();
      String actor = step.text(ACTOR);
      boolean memberState = Boolean.TRUE.equals(step.value(MEMBER_STATE));
      List<String> people = EmpactGroups.actorInOap(oapId, actor);
      long contacts = people.stream().mapToLong(group -> countMembers(identity, group)).sum();
      List<String> to = contacts > 0 || !memberState ? people : List.of(EmpactGroups.nec(actor));
      List<String> cc = memberState && contacts > 0 ? List.of(EmpactGroups.nec(actor)) : List.of();
      int number = step.integer(EXHORTATION_NUMBER);
      TaskNotice exhortation = new TaskNotice(TaskNotice.Kind.EXHORTATION, number, oapId,
          "escalation-" + step.id(ESCALATION_ID), "Exhortation " + number + " from the Driver of OAP "
          + registry.displayName(oapId) + " to " + actor,
          ((Date) step.value(RESPONSE_DEADLINE)).toInstant(), null, to, step.text(EXHORTATION_TEXT),
          cc);
      notifications.record(exhortation, step.processInstanceId());
    };
  }

  /**
   * After the answers (or the end of the response period): cured when every missed commitment of
   * the escalation is fulfilled; whether someone explained; whether another exhortation is due.
   */
  @Bean
  ProcessStep checkAnswersDelegate(Commitments commitments, Escalations escalations, ExclusionProperties properties) {
    return step -> {
      long escalationId = step.id(ESCALATION_ID);
      List<Commitment> missed = commitments.ofEscalation(escalationId);
      boolean cured = !missed.isEmpty() && missed.stream().allMatch(Commitment::fulfilled);
      boolean explained = !escalations.explanationsSinceLastExhortation(escalationId).isEmpty();
      boolean anyFulfilled = missed.stream().anyMatch(Commitment::fulfilled);
      if (!cured && !explained && !anyFulfilled) {
        int unanswered = step.integer(UNANSWERED_EXHORTATIONS) + 1;
        step.set(UNANSWERED_EXHORTATIONS, unanswered);
        escalations.record(escalationId, "NO_ANSWER", "system", "exhortation "
            + step.value(EXHORTATION_NUMBER) + " unanswered at the end of the response period");
      }
      step.set(CURED, cured);
      step.set(EXPLAINED, explained);
      step.set(MORE_EXHORTATIONS,
          step.integer(EXHORTATION_NUMBER) < properties.exhortations());
      if (cured) {
        escalations.close(escalationId, Escalation.Outcome.CURED, "system", "every missed commitment fulfilled");
      }
    };
  }

  /**
   * The facts the DMN decision weighs: lead share, how many of the OAs it leads have no other active
   * leader, missed reports, unanswered exhortations, time left.
   */
  @Bean
  ProcessStep gatherFactsDelegate(Commitments commitments, ParticipationStatus participation, OapRegistry registry,
                                   Clock clock) {
    return step -> {
      long oapId = step.oapId();
      String actor = step.text(ACTOR);
      long escalationId = step.id(ESCALATION_ID);
      int actions = participation.actions(oapId);
      int led = participation.ledBy(oapId, actor).size();
      int ledAlone = participation.ledAlone(oapId, actor).size();
      double share = actions == 0 ? 0 : (double) led / actions;
      long reports = commitments.ofEscalation(escalationId).stream()
          .filter(c -> c.kind() == Commitment.Kind.LEADER_REPORT && !c.fulfilled()).count();
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      LocalDate end = LocalDate.of(Period.parse(registry.summary(oapId).period()).end(), 12, 31);
      long monthsLeft = Math.max(0, ChronoUnit.MONTHS.between(today, end));
      step.set(LEAD_SHARE, share);
      step.set(LED_WITHOUT_OTHER_LEADER, ledAlone);
      step.set(MISSED_REPORTS, reports);
      step.set(MONTHS_LEFT, monthsLeft);
      int unanswered = step.integer(UNANSWERED_EXHORTATIONS);
      step.set(FACTS, actor + " leads " + led + " of the OAP's " + actions + " OAs ("
          + Math.round(share * 100) + "%), " + ledAlone + " of them without another active leader; "
          + "missed reports not delivered: " + reports + "; exhortations unanswered: "
          + unanswered + " of " + step.value(EXHORTATION_NUMBER) + "; months left in the OAP period: "
          + monthsLeft);
    };
  }

  /** The decision's proposal, kept as two plain variables for the Driver's assessment. */
  @Bean
  ProcessStep keepProposalListener() {
    return step -> {
      DmnDecisionResult result = (DmnDecisionResult) step.value(DECISION_RESULT);
      step.set(PROPOSED_JEOPARDISES, result.getSingleResult().getEntry("jeopardises"));
      step.set(PROPOSED_RATIONALE, result.getSingleResult().getEntry("rationale"));
    };
  }

  /**
   * The Member State is no longer participant: the registry records it with the reason, its open
   * tasks in this OAP are cancelled with the reason, and the OAs it led wait for a new leader.
   */
  @Bean
  ProcessStep excludeDelegate(ParticipationStatus participation, Escalations escalations, OpenTasks openTasks) {
    return step -> {
      long oapId = step.oapId();
      String actor = step.text(ACTOR);
      long escalationId = step.id(ESCALATION_ID);
      Escalation escalation = escalations.find(escalationId);
      String reason = "exclusion clause: its conduct or inactivity jeopardises the delivery of the OAP ("
          + escalation.assessmentReason() + ")";
      step.set(LED_OAS, participation.ledBy(oapId, actor));
      participation.exclude(oapId, actor, reason, escalation.assessedBy());
      List<String> cancelled = openTasks.cancel(oapId, actor, step.processInstanceId(),
          actor + " is no longer participant in OAP " + oapId);
      escalations.close(escalationId, Escalation.Outcome.EXCLUDED, escalation.assessedBy(), reason
          + (cancelled.isEmpty() ? "" : "; open tasks cancelled: " + String.join("; ", cancelled)));
    };
  }

  /** Tells the NEC of the Member State, the EMPACT Support Unit and the COSI secretariat. */
  @Bean
  ProcessStep informExclusionDelegate(Notifications notifications, Escalations escalations, OapRegistry registry) {
    return step -> {
      long oapId = step.oapId();
      String actor = step.text(ACTOR);
      Escalation escalation = escalations.find(step.id(ESCALATION_ID));
      notifications.record(new TaskNotice(TaskNotice.Kind.EXCLUSION, 0, oapId, "escalation-" + escalation.id(),
              actor + " is no longer participant in OAP " + registry.displayName(oapId), null, null,
              List.of(EmpactGroups.nec(actor), EmpactGroups.SUPPORT_UNIT, EmpactGroups.COSI_SECRETARIAT),
              "Assessed by the Driver (" + escalation.assessedBy() + "): " + escalation.assessmentReason(), List.of()),
          step.processInstanceId());
    };
  }

  /** However the escalation process ends (also when cancelled in Cockpit), the escalation is closed. */
  @Bean
  ProcessStep closeEscalationListener(Escalations escalations) {
    return step -> step.optionalId(ESCALATION_ID).stream().filter(id -> escalations.find(id).running())
        .forEach(id -> escalations.close(id, Escalation.Outcome.CANCELLED, step.user(),
            "the escalation's process ended without an outcome"));
  }

  /** The Driver proposes to reinstate an actor that is no longer participant. */
  @Bean
  ProcessStep checkReinstatementDelegate(ActorDirectory actors, ParticipationStatus participation) {
    return step -> {
      long oapId = oapId(step.execution());
      Actor actor = actors.resolve(step.text(ACTOR))
          .orElseThrow(() -> refusal(ACTOR, "'" + step.value(ACTOR) + "' is not a known actor"));
      if (!participation.excluded(oapId, actor.code())) {
        throw refusal(ACTOR, actor.code() + " is not excluded from OAP " + oapId);
      }
      if (step.text(REASON) == null) {
        throw refusal(REASON, "say why " + actor.code() + " should participate again");
      }
      requireDriver(step, oapId);
      step.set(ACTOR, actor.code());
    };
  }

  /** The EMPACT Support Unit confirmed: the actor participates again, with history. */
  @Bean
  ProcessStep reinstateDelegate(ParticipationStatus participation) {
    return step -> participation.reinstate(step.oapId(), step.text(ACTOR),
        "reinstated: " + step.text(REASON)
            + (step.text(ReinstatementProcess.SUPPORT_UNIT_COMMENTS) == null ? ""
            : " (EMPACT Support Unit: " + step.text(ReinstatementProcess.SUPPORT_UNIT_COMMENTS) + ")"),
        step.user());
  }

  /** A person starting an escalation or a reinstatement by hand is the OAP's Driver (or an administrator). */
  private static void requireDriver(Step step, long oapId) {
    Authentication user = step.execution().getProcessEngineServices().getIdentityService().getCurrentAuthentication();
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
