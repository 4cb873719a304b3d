package eu.empact.oap.reporting;

import eu.empact.oap.registry.RegistryConflictException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Opens a planned round now instead of on its day (the EMPACT Support Unit asks for reports
 * early, e.g. ahead of a COSI meeting): the round's timer fires at once, so the round runs
 * exactly as it would have on its day.
 */
@Component
public class RoundOpener {

  private final ReportingRounds rounds;
  private final RuntimeService runtime;
  private final ManagementService management;

  RoundOpener(ReportingRounds rounds, RuntimeService runtime, ManagementService management) {
    this.rounds = rounds;
    this.runtime = runtime;
    this.management = management;
  }

  public void openNow(long oapId, int number, String user) {
    RoundStage stage = rounds.round(oapId, number).stage();
    if (stage != RoundStage.PLANNED) {
      throw new RegistryConflictException("round " + number + " of OAP " + oapId + " is " + stage
          + "; only a planned round can be opened");
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(RoundScheduler.businessKey(oapId, number))
        .processDefinitionKey(ReportingRoundProcess.KEY).singleResult();
    Job timer = instance == null ? null : management.createJobQuery().processInstanceId(instance.getId())
        .activityId(ReportingRoundProcess.TIMER_ROUND_OPENS).singleResult();
    if (timer == null) {
      throw new RegistryConflictException("round " + number + " of OAP " + oapId
          + " has no process waiting for its opening day (see Cockpit)");
    }
    rounds.record(oapId, number, "OPENED_EARLY", user, "opened before its day " + rounds.round(oapId, number).opens());
    management.executeJob(timer.getId());
  }
}
