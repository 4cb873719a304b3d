package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;

import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.system.FormValues;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Every task of a reporting round: the name says which OAP and round, the form gets the round's
 * overview and the link to its report document, the round moves to the task's stage, and what
 * the form sends starts empty on the task's own execution.
 */
abstract class RoundTaskListener implements TaskListener {

  static final List<String> FORM_INPUTS = Stream.concat(OaReportForm.INPUTS.stream(),
      Stream.of(COMMENTS, ASSESSMENTS, DECISION, NEC_MEETING_DATE, COUNCIL_DOCUMENT, COSI_BODY, NOTED_ON)).toList();

  protected final ReportingRounds rounds;
  protected final OapRegistry registry;
  private final RoundStage stage;

  /** @param stage the stage the round is in while the task is open; null leaves it as it is */
  RoundTaskListener(ReportingRounds rounds, OapRegistry registry, RoundStage stage) {
    this.rounds = rounds;
    this.registry = registry;
    this.stage = stage;
  }

  @Override
  public void notify(DelegateTask task) {
    long oapId = ReportingDelegates.oapId(task);
    int number = ReportingDelegates.round(task);
    if (!EVENTNAME_CREATE.equals(task.getEventName())) {
      try {
        completed(task, oapId, number);
      } catch (ReportRejectedException e) {
        throw refusal(e.getMessage());
      }
      return;
    }
    ReportingRound round = rounds.round(oapId, number);
    task.setName(title(task) + ": " + registry.summary(oapId).displayName() + ", round " + number + " ("
        + round.covers() + ")");
    task.setVariableLocal(ROUND_OVERVIEW, overview(round));
    task.setVariableLocal(REPORT_DOCUMENT, "/api/oaps/" + oapId + "/rounds/" + number + "/report.pdf");
    FORM_INPUTS.forEach(input -> task.getExecution().setVariableLocal(input, null));
    if (stage != null && round.stage() != stage) {
      rounds.advance(oapId, number, stage, "STAGE_" + stage.name(), "system", task.getName());
    }
    created(task, oapId, number);
  }

  /** The task's name before the OAP and round: the model's name unless a task says more. */
  String title(DelegateTask task) {
    return task.getName();
  }

  /** Prepares what the form shows beyond the round's overview. */
  void created(DelegateTask task, long oapId, int round) {}

  /** Checks what the form sent (refusing with {@link #refusal}) and records it. */
  abstract void completed(DelegateTask task, long oapId, int round);

  /**
   * The decision of a reviewing task: one of the allowed values; sending back needs comments,
   * which the Driver then sees. The decision routes the process.
   */
  static String decide(DelegateTask task, List<String> decisions, String sendingBack, String reviewer) {
    String decision = FormValues.text(task, DECISION);
    if (decision == null || !decisions.contains(decision)) {
      throw refusal(DECISION + ": choose one of " + String.join(", ", decisions));
    }
    String comments = FormValues.text(task, COMMENTS);
    if (decision.equals(sendingBack) && comments == null) {
      throw refusal(COMMENTS + ": say what the Driver should change");
    }
    task.getExecution().getProcessInstance().setVariable(DECISION, decision);
    if (decision.equals(sendingBack)) {
      task.getExecution().getProcessInstance().setVariable(RETURN_COMMENTS, reviewer + ": " + comments);
    }
    return decision;
  }

  static ProcessEngineException refusal(String reason) {
    return new ProcessEngineException(reason);
  }

  static String overview(ReportingRound round) {
    String kind = switch (round.kind()) {
      case HALF_YEAR -> "half-year report";
      case ANNUAL -> "report on the second half of the year, with the annual fact sheet";
      case COMPREHENSIVE -> "comprehensive report on the whole OAP, with the annual fact sheet; KPI figures"
          + " for the last six months";
    };
    return "Round " + round.number() + " (" + round.covers() + "): " + kind + ". Action Leaders' reports due by "
        + round.deadline() + ".";
  }
}
