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
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report of a round in the Council's shape: a cover note (from the Driver to COSI Support
 * Group / COSI, the Council document once submitted), the counts of the round, then per strategic
 * goal the Driver's assessment and each OA with its leader, status and KPI values against targets.
 */
@Component
public class RoundReportDocument {

  private static final float[] KPI_COLUMNS = {0.06f, 0.5f, 0.24f, 0.2f};

  private final RoundRecords records;

  RoundReportDocument(RoundRecords records) {
    this.records = records;
  }

  @Transactional(readOnly = true)
  public byte[] pdf(long oapId, int number) {
    return pdf(records.round(oapId, number));
  }

  /** The document of a round read at once. */
  byte[] pdf(RoundRecord record) {
    OapSummary oap = record.oap();
    int number = record.number();
    ReportingRound round = record.round();
    RoundState state = record.state();
    RoundSummary summary = record.summary();
    Map<String, RecordedReport> recorded = record.reports();
    Map<String, RecordedReport> addenda = record.addenda();
    Map<Integer, String> assessments = record.assessments();
    List<OperationalAction> actions = record.actions();
    String subject = "EMPACT " + oap.displayName() + " - Driver's report, round " + number + " ("
        + round.covers() + ")";

    try (PdfWriter pdf = new PdfWriter(subject, "Operational Action Plan " + oap.displayName())) {
      pdf.heading("COVER NOTE", 1);
      pdf.labelled("From:", "Driver of the OAP " + oap.displayName() + " (" + oap.driver() + ")"
          + (oap.coDrivers().isEmpty() ? "" : ", Co-Drivers " + String.join(", ", oap.coDrivers())));
      pdf.labelled("To:", state.submittedTo() == null ? "COSI Support Group / COSI" : state.submittedTo());
      pdf.labelled("Council doc.:", state.councilDocument() == null ? "not yet submitted" : state.councilDocument());
      pdf.labelled("Subject:", subject);
      pdf.labelled("Covers:", round.coversFrom() + " to " + round.coversTo() + " (" + round.kind().name()
          .toLowerCase().replace('_', '-') + " round; reports due by " + round.deadline() + ")");
      pdf.labelled("Stage:", state.stage().name() + (state.cosiNotedOn() == null ? "" : ", COSI took note on "
          + state.cosiNotedOn()));
      pdf.labelled("Version:", "REV " + record.revision());
      pdf.labelled("Edition:", edition(addenda));

      pdf.heading("Summary", 2);
      pdf.paragraph("Operational actions planned: " + summary.planned() + ". Reported: " + summary.reported()
          + ". Missing: " + (summary.missing().isEmpty() ? "none" : summary.missing().size() + " (OA "
          + String.join(", ", summary.missing()) + ")") + ".");
      summary.perStatus().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(entry -> pdf.paragraph("  " + entry.getKey().label() + ": " + entry.getValue()));

      if (!addenda.isEmpty()) {
        pdf.heading("Addenda", 2);
        pdf.paragraph("Delivered after COSI took note on " + state.cosiNotedOn() + "; the record COSI noted stands "
            + "unchanged below.");
        addenda.values().forEach(late -> pdf.paragraph("  OA " + late.oaRef() + ", delivered on "
            + late.recordedAt().toString().substring(0, 10) + " by " + late.recordedBy() + ": " + late.statusLabel()
            + " | " + late.progress() + (late.kpiValues().isEmpty() ? "" : " | KPIs " + String.join("; ",
            late.kpiValues().entrySet().stream().map(kpi -> kpi.getKey() + ": " + kpi.getValue()).toList()))));
      }

      for (StrategicGoal goal : record.goals()) {
        pdf.heading("SG " + goal.number() + " " + goal.title(), 1);
        pdf.heading("Driver's assessment", 3);
        pdf.paragraph(assessments.getOrDefault(goal.number(), "(not written yet)"));
        actions.stream().filter(oa -> oa.strategicGoal() == goal.number())
            .forEach(oa -> action(pdf, oa, recorded.get(oa.ref())));
      }
      return pdf.bytes();
    }
  }

  /** The first edition is the record COSI noted; each day with late reports after it makes a new one. */
  private static String edition(Map<String, RecordedReport> addenda) {
    List<String> days = addenda.values().stream().map(late -> late.recordedAt().toString().substring(0, 10))
        .distinct().sorted().toList();
    return days.isEmpty() ? "1" : (days.size() + 1) + " (addenda of " + String.join(", ", days) + ")";
  }

  private static void action(PdfWriter pdf, OperationalAction oa, RecordedReport report) {
    pdf.heading("OA " + oa.ref() + " " + oa.title(), 2);
    pdf.labelled("Leader:", String.join(", ", oa.actionLeaders()));
    if (!oa.coActionLeaders().isEmpty()) {
      pdf.labelled("Co-leaders:", String.join(", ", oa.coActionLeaders()));
    }
    pdf.labelled("Status:", report == null ? "no report yet" : report.statusLabel());
    if (report != null && !report.missed()) {
      pdf.labelled("Progress:", report.progress());
      if (report.humanResources() != null || report.financialResources() != null) {
        pdf.labelled("Inputs:", (report.humanResources() == null ? "" : report.humanResources() + " FTE")
            + (report.financialResources() == null ? "" : (report.humanResources() == null ? "" : "; ")
            + report.financialResources()));
      }
      if (report.comments() != null) {
        pdf.labelled("Comments:", report.comments());
      }
    }
    if (oa.kpis().isEmpty()) {
      return;
    }
    pdf.space(4);
    pdf.row(List.of("KPI", "Indicator", "Target", "Value"), KPI_COLUMNS, true);
    for (Kpi kpi : oa.kpis()) {
      String value = report == null || report.missed() ? "-" : report.kpiValues().getOrDefault(kpi.code(), "-");
      pdf.row(List.of(kpi.code(), kpi.indicator(), kpi.target() == null ? "-" : kpi.target(), value), KPI_COLUMNS,
          false);
    }
  }
}
