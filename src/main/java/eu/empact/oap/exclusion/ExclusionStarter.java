package eu.empact.oap.exclusion;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.ConfirmationsMissed;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.reporting.OaReports.ReportMissed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every missed commitment and starts the exclusion clause for an actor once its missed
 * commitments cross the thresholds; while an escalation runs, new misses are added to it. Runs in
 * the transaction that recorded the miss (the reporting round's deadline, the tasking deadline);
 * the escalation's own work runs after it, in the job of its asynchronous start.
 */
@Component
class ExclusionStarter {

  private final Commitments commitments;
  private final Escalations escalations;
  private final ParticipationStatus participation;
  private final ExclusionProperties properties;
  private final RuntimeService runtime;

  ExclusionStarter(Commitments commitments, Escalations escalations, ParticipationStatus participation,
                   ExclusionProperties properties, RuntimeService runtime) {
    this.commitments = commitments;
    this.escalations = escalations;
    this.participation = participation;
    this.properties = properties;
    this.runtime = runtime;
  }

  @EventListener
  void onReportMissed(ReportMissed missed) {
    for (String leader : missed.actionLeaders()) {
      if (participation.status(missed.oapId(), leader).isEmpty() || participation.excluded(missed.oapId(), leader)) {
        continue;
      }
      if (commitments.record(missed.oapId(), leader, Commitment.Kind.LEADER_REPORT,
          "report on OA " + missed.oaRef() + ", round " + missed.round(), missed.round(), missed.oaRef())) {
        consider(missed.oapId(), leader);
      }
    }
  }

  @EventListener
  void onConfirmationsMissed(ConfirmationsMissed missed) {
    for (String actor : missed.actors()) {
      if (commitments.record(missed.oapId(), actor, Commitment.Kind.PARTICIPATION_CONFIRMATION,
          "confirmation of its tasking in REV " + missed.revision(), null, null)) {
        consider(missed.oapId(), actor);
      }
    }
  }

  /** Adds the actor's new misses to its running escalation, or starts one when they cross a threshold. */
  void consider(long oapId, String actor) {
    Optional<Escalation> running = escalations.running(oapId, actor);
    if (running.isPresent()) {
      List<Commitment> added = commitments.attach(oapId, actor, running.get().id());
      escalations.record(running.get().id(), "MISSED_COMMITMENT_ADDED", "system",
          String.join("; ", added.stream().map(Commitment::reference).toList()));
      return;
    }
    List<Commitment> open = commitments.unescalated(oapId, actor);
    long reports = open.stream().filter(c -> c.kind() == Commitment.Kind.LEADER_REPORT).count();
    long confirmations = open.size() - reports;
    if (reports < properties.leaderReportsThreshold() && confirmations < properties.participantCommitmentsThreshold()) {
      return;
    }
    String reason = "missed commitments: " + String.join("; ", open.stream().map(Commitment::reference).toList());
    long escalationId = escalations.open(oapId, actor, reason, "system", null);
    // by message, whose start event is asynchronous: the escalation runs in its own job, so that a
    // failure in it never holds up the reporting round or the adoption that recorded the miss
    WithoutAuthorizationChecks.run(() -> runtime.startProcessInstanceByMessage(ExclusionProcess.MISSED_COMMITMENTS,
        "exclusion-" + oapId + "-" + actor, Map.of(ExclusionProcess.OAP_ID, oapId, ExclusionProcess.ACTOR, actor,
            ExclusionProcess.REASON, reason, ExclusionProcess.ESCALATION_ID, escalationId)));
  }
}
