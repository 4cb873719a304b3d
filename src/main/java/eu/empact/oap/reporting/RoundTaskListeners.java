package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;

import eu.empact.oap.identity.TaskUser;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormTaskListener.Completion;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The task listeners of the reporting round, one per kind of task. */
final class RoundTaskListeners {

  private RoundTaskListeners() {}

  /** An Action Leader reports on its OA: status, progress, a value per KPI, inputs, comments. */
  @Component("oaReportTaskListener")
  static class ReportOnOa extends RoundTaskListener {
    private final Reporting reporting;

    ReportOnOa(Dependencies dependencies, Reporting reporting) {
      super(dependencies, null);
      this.reporting = reporting;
    }

    @Override
    String title(DelegateTask task, TaskSubject subject) {
      return "Report on OA " + subject.oaRef();
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      OperationalAction oa = reports.action(subject.oapId(), subject.round(), subject.oaRef());
      OaReportForm.prepare(task, oa);
      brief(task, RoundBriefings.report(header(subject), oa,
          links.oa(subject.oapId(), rounds.revision(subject.oapId(), subject.round()), oa.ref())));
    }

    @Override
    protected void completed(Completion completion) {
      TaskSubject subject = completion.subject();
      String user = TaskUser.of(completion.task());
      if (!reporting.maySubmit(user, subject.oapId(), reports.action(subject.oapId(), subject.round(), subject.oaRef()))) {
        completion.problems().add(null, user + " co-leads OA " + subject.oaRef() + ": save your contribution in "
            + "the form; the OA's leader submits the report");
        return;
      }
      List<Problem> problems = new ArrayList<>();
      OaReport report = OaReportForm.read(completion.form(), subject.oaRef(), problems);
      reports.submit(subject.oapId(), subject.round(), report, completion.user(), problems);
    }
  }

  /** The Driver writes (or updates) the Driver's report: an assessment per strategic goal. */
  @Component("driverReportTaskListener")
  static class WriteDriverReport extends RoundTaskListener {
    WriteDriverReport(Dependencies dependencies) {
      super(dependencies, RoundStage.DRIVER_REPORT);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      task.setVariableLocal(ROUND_SUMMARY, FormText.of(reports.summary(subject.oapId(), subject.round()).text()));
      brief(task, header(subject) + RoundBriefings.reports(reports.actions(subject.oapId(), subject.round()),
          reports.reports(subject.oapId(), subject.round())));
      task.getExecution().setVariableLocal(ASSESSMENTS, FormText.of(drivers.template(subject.oapId(), subject.round())));
    }

    @Override
    protected void completed(Completion completion) {
      TaskSubject subject = completion.subject();
      int edition = drivers.write(subject.oapId(), subject.round(), completion.text(ASSESSMENTS), completion.user());
      String comments = completion.text(COMMENTS);
      rounds.record(subject.oapId(), subject.round(), "DRIVER_REPORT_WRITTEN", completion.user(), "edition " + edition
          + (comments == null ? "" : ": " + comments));
      completion.task().getExecution().getProcessInstance().setVariable(RETURN_COMMENTS, null);
    }
  }

  /**
   * A review of the Driver's report: the form shows the counts; the reviewer lets it go on or
   * sends it back to the Driver with comments.
   */
  abstract static class Review extends RoundTaskListener {
    private final Decision sendingBack;
    private final String reviewer;
    private final String event;

    Review(Dependencies dependencies, RoundStage stage, Decision sendingBack, String reviewer, String event) {
      super(dependencies, stage);
      this.sendingBack = sendingBack;
      this.reviewer = reviewer;
      this.event = event;
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      task.setVariableLocal(ROUND_SUMMARY, FormText.of(reports.summary(subject.oapId(), subject.round()).text()));
      brief(task, header(subject) + earlier(subject) + reportsAndAssessments(subject));
    }

    /** What the earlier reviewer said, for the next one. */
    String earlier(TaskSubject subject) {
      return "";
    }

    @Override
    protected void completed(Completion completion) {
      Decision decision = decide(completion, sendingBack, reviewer);
      rounds.record(completion.subject().oapId(), completion.subject().round(), event + "_" + decision.name(),
          completion.user(), completion.text(COMMENTS));
    }
  }

  /** The Co-Drivers agree with the Driver's report or send it back with comments. */
  @Component("coDriverReviewTaskListener")
  static class CoDriverReview extends Review {
    CoDriverReview(Dependencies dependencies) {
      super(dependencies, RoundStage.CO_DRIVER_REVIEW, Decision.REVISE, "Co-Drivers", "CO_DRIVER");
    }
  }

  /** The EMPACT Support Unit aligns and standardises the round: accepts it or returns it. */
  @Component("alignRoundTaskListener")
  static class AlignRound extends Review {
    AlignRound(Dependencies dependencies) {
      super(dependencies, RoundStage.SUPPORT_UNIT, Decision.RETURN, "EMPACT Support Unit", "SUPPORT_UNIT");
    }

    @Override
    String earlier(TaskSubject subject) {
      return said(subject, "The Co-Drivers' review", "CO_DRIVER_");
    }
  }

  /** The outcome of the NEC meeting held: noted, or the Driver is asked to update the report. */
  @Component("necRoundOutcomeTaskListener")
  static class RecordNecMeeting extends RoundTaskListener {
    RecordNecMeeting(Dependencies dependencies) {
      super(dependencies, RoundStage.NEC);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, header(subject) + said(subject, "The Support Unit's alignment", "SUPPORT_UNIT_")
          + reportsAndAssessments(subject));
    }

    @Override
    protected void completed(Completion completion) {
      LocalDate meeting = past(completion, NEC_MEETING_DATE, "the NEC meeting");
      completion.refuseIfAny();
      Decision decision = decide(completion, Decision.UPDATE, "NEC meeting of " + meeting);
      String comments = completion.text(COMMENTS);
      rounds.record(completion.subject().oapId(), completion.subject().round(), "NEC_MEETING_" + decision.name(),
          completion.user(), "meeting of " + meeting + (comments == null ? "" : ": " + comments));
    }
  }

  /** The COSI secretariat submits the round's report to COSI Support Group or COSI. */
  @Component("submitRoundToCosiTaskListener")
  static class SubmitToCosi extends RoundTaskListener {
    SubmitToCosi(Dependencies dependencies) {
      super(dependencies, RoundStage.COSI);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, header(subject) + said(subject, "The NEC meeting's outcome", "NEC_MEETING_")
          + reportsAndAssessments(subject));
    }

    @Override
    protected void completed(Completion completion) {
      String document = completion.required(COUNCIL_DOCUMENT,
          "the Council document number of the report is required (e.g. 14541/24)");
      String body = completion.required(COSI_BODY, "choose COSI Support Group or COSI");
      completion.refuseIfAny();
      rounds.submitToCosi(completion.subject().oapId(), completion.subject().round(), document, body,
          completion.user());
    }
  }

  /** COSI took note of the round's report on a day that has come: the date is recorded and the round closes. */
  @Component("cosiNoteTaskListener")
  static class RecordCosiNote extends RoundTaskListener {
    RecordCosiNote(Dependencies dependencies) {
      super(dependencies, null);
    }

    @Override
    void prepare(DelegateTask task, TaskSubject subject) {
      brief(task, header(subject) + said(subject, "Submitted to COSI", "SUBMITTED_TO_COSI")
          + said(subject, "The NEC meeting's outcome", "NEC_MEETING_"));
    }

    @Override
    protected void completed(Completion completion) {
      LocalDate noted = past(completion, NOTED_ON, "COSI's note");
      completion.refuseIfAny();
      rounds.notedByCosi(completion.subject().oapId(), completion.subject().round(), noted, completion.user());
    }
  }
}
