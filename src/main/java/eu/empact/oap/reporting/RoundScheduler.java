package eu.empact.oap.reporting;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.reporting.ReportingRounds.RoundsPlanned;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts one {@code oap-reporting-round} per planned round, in the transaction that adopted the
 * OAP. Each waits on a timer for its opening day, so rounds start on time without anyone acting;
 * Cockpit shows them waiting. Reports are due by the end of the deadline day (UTC).
 */
@Component
class RoundScheduler {

  private final RuntimeService runtime;

  RoundScheduler(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void onRoundsPlanned(RoundsPlanned planned) {
    WithoutAuthorizationChecks.run(() -> planned.rounds().forEach(round ->
        runtime.startProcessInstanceByKey(ReportingRoundProcess.KEY, businessKey(planned.oapId(), round.number()),
            Map.of(ReportingRoundProcess.OAP_ID, planned.oapId(),
                ReportingRoundProcess.ROUND, round.number(),
                ReportingRoundProcess.ROUND_OPENS, Date.from(round.opens().atStartOfDay().toInstant(ZoneOffset.UTC)),
                ReportingRoundProcess.ROUND_DEADLINE,
                Date.from(round.deadline().atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC))))));
  }

  static String businessKey(long oapId, int round) {
    return "oap-" + oapId + "-round-" + round;
  }
}
