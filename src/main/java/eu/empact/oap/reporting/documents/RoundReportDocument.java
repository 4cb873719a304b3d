package eu.empact.oap.reporting.documents;

import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.reporting.RecordedReport;
import eu.empact.oap.reporting.ReportingRound;
import eu.empact.oap.reporting.ReportingRounds.RoundState;
import eu.empact.oap.reporting.RoundRecord;
import eu.empact.oap.reporting.RoundRecords;
import eu.empact.oap.reporting.RoundSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report of a round in the Council's shape: the Council header (document number and date, the
 * OAP's classification marking on every page), a cover note (from the Driver to COSI Support Group
 * / COSI), the counts of the round, then per strategic goal the Driver's assessment and each OA
 * with its leader, status and KPI values against targets. One {@link RoundReport} is rendered from
 * the template {@code templates/documents/round-report.html} to PDF, and by {@link RoundReportDocx}
 * to DOCX for the secretariat to edit.
 */
@Component
public class RoundReportDocument {

  private final RoundRecords records;
  private final DocumentRenderer renderer;
  private final DocumentLinks links;
  private final Clock clock;

  RoundReportDocument(RoundRecords records, DocumentRenderer renderer, DocumentLinks links, Clock clock) {
    this.records = records;
    this.renderer = renderer;
    this.links = links;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public byte[] pdf(long oapId, int number) {
    return renderer.pdf("round-report", Map.of("report", report(records.round(oapId, number))));
  }

  /** The same report as a Word document. */
  @Transactional(readOnly = true)
  public byte[] docx(long oapId, int number) {
    return RoundReportDocx.write(report(records.round(oapId, number)));
  }

  /** What the report says, read from the round at once. */
  RoundReport report(RoundRecord record) {
    OapSummary oap = record.oap();
    int number = record.number();
    ReportingRound round = record.round();
    RoundState state = record.state();
    Map<String, RecordedReport> recorded = record.reports();
    Map<String, RecordedReport> addenda = record.addenda();
    String subject = "EMPACT " + oap.displayName() + " - Driver's report, round " + number + " ("
        + round.covers() + ")";
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    CouncilHeader header = new CouncilHeader(state.councilDocument(), state.councilDocument() == null
        || state.councilDocumentDate() == null ? today : state.councilDocumentDate(),
        CouncilHeader.marking(Collections.singletonList(oap.classification())));

    List<Line> cover = List.of(
        new Line("From:", "Driver of the OAP " + oap.displayName() + " (" + oap.driver() + ")"
            + (oap.coDrivers().isEmpty() ? "" : ", Co-Drivers " + String.join(", ", oap.coDrivers()))),
        new Line("To:", state.submittedTo() == null ? "COSI Support Group / COSI" : state.submittedTo()),
        new Line("Council doc.:", state.councilDocument() == null ? "not yet submitted" : state.councilDocument()
            + (state.councilDocumentDate() == null ? "" : " of " + state.councilDocumentDate())),
        new Line("NECs met:", state.necMetOn() == null ? "-" : state.necMetOn().toString()),
        new Line("Subject:", subject),
        new Line("Covers:", round.coversFrom() + " to " + round.coversTo() + " (" + round.kind().name()
            .toLowerCase(Locale.ROOT).replace('_', '-') + " round; reports due by " + round.deadline() + ")"),
        new Line("Stage:", state.stage().name() + (state.cosiNotedOn() == null ? "" : ", COSI took note on "
            + state.cosiNotedOn())),
        new Line("Version:", "REV " + record.revision()),
        new Line("Edition:", edition(addenda)));

    RoundSummary summary = record.summary();
    String counts = "Operational actions planned: " + summary.planned() + ". Reported: " + summary.reported()
        + ". Missing: " + (summary.missing().isEmpty() ? "none" : summary.missing().size() + " (OA "
        + String.join(", ", summary.missing()) + ")") + ".";
    List<Line> perStatus = summary.perStatus().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(entry -> new Line(entry.getKey().label() + ":", String.valueOf(entry.getValue()))).toList();

    List<String> late = addenda.values().stream().map(report -> "OA " + report.oaRef() + ", delivered on "
        + report.recordedAt().toString().substring(0, 10) + " by " + report.recordedBy() + ": " + report.statusAsWritten()
        + " | " + report.progress() + (report.kpiValues().isEmpty() ? "" : " | KPIs " + String.join("; ",
        report.kpiValues().entrySet().stream().map(kpi -> kpi.getKey() + ": " + kpi.getValue()).toList()))).toList();
    String lateNote = addenda.isEmpty() ? null : "Delivered after COSI took note on " + state.cosiNotedOn()
        + "; the record COSI noted stands unchanged below.";

    List<Goal> goals = new ArrayList<>();
    for (StrategicGoal goal : record.goals()) {
      List<Action> actions = record.actions().stream().filter(oa -> oa.strategicGoal() == goal.number())
          .map(oa -> action(oap.id(), oa, recorded.get(oa.ref()))).toList();
      goals.add(new Goal("SG " + goal.number() + " " + goal.title(),
          record.assessments().getOrDefault(goal.number(), "(not written yet)"), actions));
    }
    return new RoundReport(header, subject, "Operational Action Plan " + oap.displayName(),
        links.round(oap.id(), number), cover, counts, perStatus, lateNote, late, goals);
  }

  /** The first edition is the record COSI noted; each day with late reports after it makes a new one. */
  private static String edition(Map<String, RecordedReport> addenda) {
    List<String> days = addenda.values().stream().map(late -> late.recordedAt().toString().substring(0, 10))
        .distinct().sorted().toList();
    return days.isEmpty() ? "1" : (days.size() + 1) + " (addenda of " + String.join(", ", days) + ")";
  }

  private Action action(long oapId, OperationalAction oa, RecordedReport report) {
    List<Line> facts = new ArrayList<>();
    facts.add(new Line("Leader:", String.join(", ", oa.actionLeaders())));
    if (!oa.coActionLeaders().isEmpty()) {
      facts.add(new Line("Co-leaders:", String.join(", ", oa.coActionLeaders())));
    }
    if (!oa.participants().isEmpty()) {
      // as the NECs stated them once the NEC meeting endorsed the version
      facts.add(new Line("Participants:", String.join(", ", oa.participants())));
    }
    facts.add(new Line("Status:", report == null ? "no report yet" : report.statusAsWritten()));
    if (report != null && !report.missed()) {
      facts.add(new Line("Progress:", report.progress()));
      if (report.humanResources() != null || report.financialResources() != null) {
        facts.add(new Line("Inputs:", (report.humanResources() == null ? "" : report.humanResources() + " FTE")
            + (report.financialResources() == null ? "" : (report.humanResources() == null ? "" : "; ")
            + report.financialResources())));
      }
      if (report.comments() != null) {
        facts.add(new Line("Comments:", report.comments()));
      }
    }
    List<KpiRow> kpis = new ArrayList<>();
    for (Kpi kpi : oa.kpis()) {
      String value = report == null || report.missed() ? "-" : report.kpiValues().getOrDefault(kpi.code(), "-");
      kpis.add(new KpiRow(kpi.code(), kpi.indicator(), kpi.target() == null ? "-" : kpi.target(), value));
    }
    return new Action("OA " + oa.ref() + " " + oa.title(), links.action(oapId, oa.ref()), facts, kpis);
  }

  /**
   * The round's report as the template and the DOCX edition show it: the header, the subject (the
   * document's title), the OAP it belongs to, the round's page, the cover note, the counts, the
   * addenda (a note and one line each; none before COSI took note) and the goals.
   */
  public record RoundReport(CouncilHeader header, String subject, String oap, String link, List<Line> coverNote,
                            String counts, List<Line> perStatus, String addendaNote, List<String> addenda,
                            List<Goal> goals) {}

  /** A label and its value: "Leader:" "IT". */
  public record Line(String label, String value) {}

  /** A strategic goal: its heading, the Driver's assessment and its OAs. */
  public record Goal(String heading, String assessment, List<Action> actions) {}

  /** An OA: its heading, its place in the OAP online, what its report says and its KPIs. */
  public record Action(String heading, String link, List<Line> facts, List<KpiRow> kpis) {}

  public record KpiRow(String code, String indicator, String target, String value) {}
}
