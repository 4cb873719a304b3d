package eu.empact.oap.reporting;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;

import eu.empact.oap.identity.TaskUser;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.system.FormValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** The task listeners of the reporting round, one per kind of task. */
final class RoundTaskListeners {

  private RoundTaskListeners() {}

  /** An Action Leader reports on its OA: status, progress, a value per KPI, inputs, comments. */
  @Component("oaReportTaskListener")
  static class ReportOnOa extends RoundTaskListener {
    private final OaReports reports;

    ReportOnOa(ReportingRounds rounds, OapRegistry registry, OaReports reports) {
      super(rounds, registry, null);
      this.reports = reports;
    }

    @Override
    String title(DelegateTask task) {
      return "Report on OA " + task.getVariable(OA_REF);
    }

    @Override
    void created(DelegateTask task, long oapId, int round) {
      OaReportForm.prepare(task, reports.action(oapId, round, (String) task.getVariable(OA_REF)));
    }

    @Override
    void completed(DelegateTask task, long oapId, int round) {
      List<Problem> problems = new ArrayList<>();
      OaReport report = OaReportForm.read(task, (String) task.getVariable(OA_REF), problems);
      reports.submit(oapId, round, report, TaskUser.of(task), problems);
    }
  }

  /** The Driver writes (or updates) the Driver's report: an assessment per strategic goal. */
  @Component("driverReportTaskListener")
  static class WriteDriverReport extends RoundTaskListener {
    private final OaReports reports;
    private final DriverReports drivers;

    WriteDriverReport(ReportingRounds rounds, OapRegistry registry, OaReports reports, DriverReports drivers) {
      super(rounds, registry, RoundStage.DRIVER_REPORT);
      this.reports = reports;
      this.drivers = drivers;
    }

    @Override
    void created(DelegateTask task, long oapId, int round) {
      task.setVariableLocal(ROUND_SUMMARY, reports.summary(oapId, round).text());
      task.setVariableLocal(ROUND_REPORTS, reportsText(reports, oapId, round));
      task.getExecution().setVariableLocal(ASSESSMENTS, drivers.template(oapId, round));
    }

    @Override
    void completed(DelegateTask task, long oapId, int round) {
      int edition = drivers.write(oapId, round, FormValues.text(task, ASSESSMENTS), TaskUser.of(task));
      String comments = FormValues.text(task, COMMENTS);
      rounds.record(oapId, round, "DRIVER_REPORT_WRITTEN", TaskUser.of(task), "edition " + edition
          + (comments == null ? "" : ": " + comments));
      task.getExecution().getProcessInstance().setVariable(RETURN_COMMENTS, null);
    }
  }

  /** Every OA's report of the round, as the Driver reads them in one place. */
  static String reportsText(OaReports reports, long oapId, int round) {
    Map<String, RecordedReport> recorded = reports.reports(oapId, round);
    return reports.actions(oapId, round).stream().map(oa -> {
      RecordedReport report = recorded.get(oa.ref());
      String head = "OA " + oa.ref() + " (" + String.join(", ", oa.actionLeaders()) + "): ";
      if (report == null || report.missed()) {
        return head + "NO REPORT";
      }
      return head + report.statusLabel() + " | " + report.progress() + " | KPIs " + report.kpiValues().entrySet().stream()
          .map(kpi -> kpi.getKey() + ": " + kpi.getValue()).collect(Collectors.joining("; "))
          + (report.comments() == null ? "" : " | " + report.comments());
    }).collect(Collectors.joining("\n"));
  }

  /**
   * A review of the Driver's report: the form shows the counts; the reviewer lets it go on or
   * sends it back to the Driver with comments.
   */
  static class Review extends RoundTaskListener {
    private final OaReports reports;
    private final List<String> decisions;
    private final String sendingBack;
    private final String reviewer;
    private final String event;

    Review(ReportingRounds rounds, OapRegistry registry, OaReports reports, RoundStage stage, List<String> decisions,
           String sendingBack, String reviewer, String event) {
      super(rounds, registry, stage);
      this.reports = reports;
      this.decisions = decisions;
      this.sendingBack = sendingBack;
      this.reviewer = reviewer;
      this.event = event;
    }

    @Override
    void created(DelegateTask task, long oapId, int round) {
      task.setVariableLocal(ROUND_SUMMARY, reports.summary(oapId, round).text());
    }

    @Override
    void completed(DelegateTask task, long oapId, int round) {
      String decision = decide(task, decisions, sendingBack, reviewer);
      rounds.record(oapId, round, event + "_" + decision.toUpperCase(), TaskUser.of(task),
          FormValues.text(task, COMMENTS));
    }
  }

  /** The reviews of the round, one bean each. */
  @Configuration
  static class Reviews {
    /** The Co-Drivers agree with the Driver's report or send it back with comments. */
    @Bean
    TaskListener coDriverReviewTaskListener(ReportingRounds rounds, OapRegistry registry, OaReports reports) {
      return new Review(rounds, registry, reports, RoundStage.CO_DRIVER_REVIEW, List.of("agree", "revise"), "revise",
          "Co-Drivers", "CO_DRIVER");
    }

    /** The EMPACT Support Unit aligns and standardises the round: accepts it or returns it. */
    @Bean
    TaskListener alignRoundTaskListener(ReportingRounds rounds, OapRegistry registry, OaReports reports) {
      return new Review(rounds, registry, reports, RoundStage.SUPPORT_UNIT, List.of("accept", "return"), "return",
          "EMPACT Support Unit", "SUPPORT_UNIT");
    }
  }

  /** The outcome of the NEC meeting: noted, or the Driver is asked to update the report. */
  @Component("necRoundOutcomeTaskListener")
  static class RecordNecMeeting extends RoundTaskListener {
    RecordNecMeeting(ReportingRounds rounds, OapRegistry registry) {
      super(rounds, registry, RoundStage.NEC);
    }

    @Override
    void completed(DelegateTask task, long oapId, int round) {
      LocalDate meeting = date(task, NEC_MEETING_DATE, "the date of the NEC meeting");
      String decision = decide(task, List.of("noted", "update"), "update", "NEC meeting of " + meeting);
      String comments = FormValues.text(task, COMMENTS);
      rounds.record(oapId, round, "NEC_MEETING_" + decision.toUpperCase(), TaskUser.of(task),
          "meeting of " + meeting + (comments == null ? "" : ": " + comments));
    }
  }

  /** The COSI secretariat submits the round's report to COSI Support Group or COSI. */
  @Component("submitRoundToCosiTaskListener")
  static class SubmitToCosi extends RoundTaskListener {
    static final List<String> BODIES = List.of("COSI Support Group", "COSI");

    SubmitToCosi(ReportingRounds rounds, OapRegistry registry) {
      super(rounds, registry, RoundStage.COSI);
    }

    @Override
    void completed(DelegateTask task, long oapId, int round) {
      String document = FormValues.text(task, COUNCIL_DOCUMENT);
      if (document == null) {
        throw refusal(COUNCIL_DOCUMENT + ": the Council document number of the report is required (e.g. 14541/24)");
      }
      String body = FormValues.text(task, COSI_BODY);
      if (body == null || !BODIES.contains(body)) {
        throw refusal(COSI_BODY + ": choose one of " + String.join(", ", BODIES));
      }
      rounds.submitToCosi(oapId, round, document, body, TaskUser.of(task));
    }
  }

  /** COSI took note of the round's report: the date is recorded and the round closes. */
  @Component("cosiNoteTaskListener")
  static class RecordCosiNote extends RoundTaskListener {
    RecordCosiNote(ReportingRounds rounds, OapRegistry registry) {
      super(rounds, registry, null);
    }

    @Override
    void completed(DelegateTask task, long oapId, int round) {
      LocalDate noted = date(task, NOTED_ON, "the date COSI took note");
      if (noted.isAfter(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneOffset.UTC))) {
        throw refusal(NOTED_ON + ": " + noted + " is in the future; record the date COSI took note");
      }
      rounds.notedByCosi(oapId, round, noted, TaskUser.of(task));
    }
  }

  static LocalDate date(DelegateTask task, String name, String what) {
    LocalDate date;
    try {
      date = FormValues.date(task, name);
    } catch (RuntimeException e) {
      throw RoundTaskListener.refusal(name + ": '" + task.getVariable(name) + "' is not a date (YYYY-MM-DD)");
    }
    if (date == null) {
      throw RoundTaskListener.refusal(name + ": " + what + " is required (YYYY-MM-DD)");
    }
    return date;
  }
}
