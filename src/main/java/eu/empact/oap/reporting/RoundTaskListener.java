package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;

import eu.empact.oap.notification.WorkspaceLinks;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import eu.empact.oap.tasks.TaskSubjects;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A task of a reporting round. It is about one round of an OAP (and, for a report, one OA); its
 * name says which OAP and round, its form gets the round's overview and the link to its report
 * document, and the round moves to the task's stage. A refused report names the form's fields.
 */
abstract class RoundTaskListener extends FormTaskListener {

  protected final ReportingRounds rounds;
  protected final OapRegistry registry;
  protected final OaReports reports;
  protected final DriverReports drivers;
  protected final WorkspaceLinks links;
  private final Clock clock;
  private final RoundStage stage;

  /** @param stage the stage the round is in while the task is open; null leaves it as it is */
  RoundTaskListener(Dependencies dependencies, RoundStage stage) {
    super(dependencies.subjects());
    this.rounds = dependencies.rounds();
    this.registry = dependencies.registry();
    this.reports = dependencies.reports();
    this.clock = dependencies.clock();
    this.drivers = dependencies.drivers();
    this.links = dependencies.links();
    this.stage = stage;
  }

  /** What every task of a round needs, handed to each listener by Spring. */
  @Component
  record Dependencies(TaskSubjects subjects, ReportingRounds rounds, OapRegistry registry, OaReports reports,
                      DriverReports drivers, WorkspaceLinks links, Clock clock) {}

  @Override
  protected TaskSubject subject(DelegateTask task) {
    return TaskSubject.of(KEY, oapId(task)).withRound(round(task)).withOaRef((String) task.getVariable(OA_REF));
  }

  @Override
  protected void created(DelegateTask task, TaskSubject subject) {
    ReportingRound round = rounds.round(subject.oapId(), subject.round());
    name(task, title(task, subject) + ": " + registry.displayName(subject.oapId()) + ", round "
        + round.number() + " (" + round.covers() + ")");
    task.setVariableLocal(ROUND_OVERVIEW, FormText.of(overview(round)));
    task.setVariableLocal(REPORT_DOCUMENT, "/api/oaps/" + subject.oapId() + "/rounds/" + round.number() + "/report.pdf");
    if (stage != null && round.stage() != stage) {
      rounds.advance(subject.oapId(), round.number(), stage, "STAGE_" + stage.name(), "system", task.getName());
    }
    prepare(task, subject);
  }


  /** The task's name before the OAP and round: the model's name unless a task says more. */
  String title(DelegateTask task, TaskSubject subject) {
    return task.getName();
  }

  /** Prepares what the form shows beyond the round's overview. */
  void prepare(DelegateTask task, TaskSubject subject) {}

  /** The round and its link to the workspace, as every briefing of the round starts. */
  String header(TaskSubject subject) {
    return RoundBriefings.round(registry.displayName(subject.oapId()),
        rounds.round(subject.oapId(), subject.round()), links.round(subject.oapId(), subject.round()));
  }

  /** The strategic goals of the version the round reports on. */
  List<StrategicGoal> goals(TaskSubject subject) {
    return drivers.goals(subject.oapId(), subject.round());
  }

  /** The Driver's assessments as last written, then every OA's report with indicator, target and value. */
  String reportsAndAssessments(TaskSubject subject) {
    return RoundBriefings.assessments(goals(subject), drivers.latest(subject.oapId(), subject.round()))
        + RoundBriefings.reports(reports.actions(subject.oapId(), subject.round()),
        reports.reports(subject.oapId(), subject.round()));
  }

  /** What the latest step with one of these events said. */
  String said(TaskSubject subject, String what, String eventPrefix) {
    return RoundBriefings.said(what, rounds.history(subject.oapId(), subject.round()), eventPrefix);
  }

  /**
   * The decision of a reviewing task: sending back needs comments, which the Driver then sees.
   * The decision routes the process.
   */
  static Decision decide(Completion completion, Decision sendingBack, String reviewer) {
    Decision decision = completion.decide(sendingBack, "say what the Driver should change");
    completion.refuseIfAny();
    completion.route(decision);
    if (decision == sendingBack) {
      completion.task().getExecution().getProcessInstance().setVariable(RETURN_COMMENTS,
          reviewer + ": " + completion.text(COMMENTS));
    }
    return decision;
  }

  /** A date the form records of something that happened: required, and not in the future. */
  LocalDate past(Completion completion, String field, String what) {
    LocalDate date = completion.form().date(field);
    if (date == null) {
      completion.problems().add(field, "pick the day of " + what);
    } else if (date.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
      completion.problems().add(field, FormText.day(date) + " is in the future; record the day of " + what);
    }
    return date;
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
