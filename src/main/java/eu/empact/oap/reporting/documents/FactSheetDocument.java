package eu.empact.oap.reporting.documents;

import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.reporting.KpiValue;
import eu.empact.oap.reporting.OaReportValidator;
import eu.empact.oap.reporting.RecordedReport;
import eu.empact.oap.reporting.ReportStatus;
import eu.empact.oap.reporting.ReportingRound;
import eu.empact.oap.reporting.RoundRecord;
import eu.empact.oap.reporting.RoundRecords;
import eu.empact.oap.reporting.RoundRecords.Rounds;
import eu.empact.oap.reporting.RoundStage;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual fact sheet: the KPI figures read as written of a year's rounds added up (per OA and KPI, and
 * per kind of count), with a chart of the OAs' status in every round so far. Across OAPs, for the
 * EMPACT Support Unit, the counts per OAP and in total.
 */
@Component
public class FactSheetDocument {

  private static final float[] TOTAL_COLUMNS = {0.35f, 0.13f, 0.13f, 0.13f, 0.13f, 0.13f};
  /** The chart's segments: each status of the documents, then missed and not (yet) reported. */
  private static final List<String> SEGMENTS = segments();
  private static final List<Color> COLOURS = List.of(new Color(0xBDBDBD), new Color(0x4A90D9), new Color(0xF5A623),
      new Color(0x7ED321), new Color(0x2E7D32), new Color(0xB8E986), new Color(0xD0021B), new Color(0x9B9B9B),
      new Color(0x8B572A), new Color(0xF8E71C), new Color(0x000000), new Color(0xEEEEEE));

  private final OapRegistry registry;
  private final RoundRecords records;

  FactSheetDocument(OapRegistry registry, RoundRecords records) {
    this.registry = registry;
    this.records = records;
  }

  /** The figures of one OAP for a year: per OA and KPI, each of the year's rounds and the total. */
  @Transactional(readOnly = true)
  public FactSheet figures(long oapId, int year) {
    return figures(oapId, read(oapId, year), year);
  }

  /** The OAP's rounds, with those held up to the year read whole: all a fact sheet shows, at once. */
  private Rounds read(long oapId, int year) {
    return records.rounds(oapId, round -> held(round) && round.coversTo().getYear() <= year);
  }

  private static boolean inYear(List<ReportingRound> rounds, int year) {
    return rounds.stream().anyMatch(round -> round.coversTo().getYear() == year);
  }

  private static FactSheet figures(long oapId, Rounds rounds, int year) {
    if (!inYear(rounds.planned(), year)) {
      throw new NotFoundException("OAP " + oapId + " has no reporting round in " + year);
    }
    List<RoundRecord> yearRounds = rounds.records().stream()
        .filter(round -> round.round().coversTo().getYear() == year).toList();
    List<Figure> figures = new ArrayList<>();
    Map<KpiCategory, BigDecimal> totals = new EnumMap<>(KpiCategory.class);
    for (OperationalAction oa : yearRounds.isEmpty() ? List.<OperationalAction>of()
        : yearRounds.get(yearRounds.size() - 1).actions()) {
      for (Kpi kpi : oa.kpis()) {
        if (!OaReportValidator.counts(kpi)) {
          continue;
        }
        Map<Integer, BigDecimal> values = new LinkedHashMap<>();
        Map<Integer, KpiValue> leftOut = new LinkedHashMap<>();
        yearRounds.forEach(round -> {
          RecordedReport report = round.reports().get(oa.ref());
          KpiValue value = report == null ? null : report.kpiValue(kpi);
          if (value != null && value.summable()) {
            values.put(round.number(), value.number());
          } else if (value != null) {
            leftOut.put(round.number(), value);
          }
        });
        BigDecimal total = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        figures.add(new Figure(oa.ref(), kpi.code(), kpi.indicator(), KpiCategory.of(kpi), values, total, leftOut));
        totals.merge(KpiCategory.of(kpi), total, BigDecimal::add);
      }
    }
    return new FactSheet(rounds.oap(), year, yearRounds.stream().map(RoundRecord::number).toList(), figures, totals);
  }

  @Transactional(readOnly = true)
  public byte[] pdf(long oapId, int year) {
    Rounds rounds = read(oapId, year);
    FactSheet sheet = figures(oapId, rounds, year);
    String title = "Annual fact sheet " + year + " - EMPACT " + sheet.oap().displayName();
    try (PdfWriter pdf = new PdfWriter(title, "KPI figures and OA status per round")) {
      pdf.heading(title, 1);
      pdf.paragraph("Driver: " + sheet.oap().driver() + ". Rounds of " + year + ": " + (sheet.rounds().isEmpty()
          ? "none held" : sheet.rounds().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow())
          + ". Figures are the numbers the Action Leaders reported for KPIs that count something, where read as "
          + "written (\"10.000\" and \"10 000\" are 10000); " + (sheet.leftOut() == 0 ? "no value was left out."
          : sheet.leftOut() + " value(s) left out of the sums, listed below."));
      pdf.heading("Totals by kind of count", 2);
      pdf.row(List.of("Kind", "Total"), new float[] {0.5f, 0.5f}, true);
      for (KpiCategory category : KpiCategory.values()) {
        pdf.row(List.of(category.label(), sheet.totals().getOrDefault(category, BigDecimal.ZERO).toPlainString()),
            new float[] {0.5f, 0.5f}, false);
      }
      pdf.heading("Figures per OA and KPI", 2);
      List<String> header = new ArrayList<>(List.of("OA", "KPI", "Indicator"));
      sheet.rounds().forEach(round -> header.add("Round " + round));
      header.add("Total");
      float[] columns = columns(header.size());
      pdf.row(header, columns, true);
      for (Figure figure : sheet.figures()) {
        List<String> cells = new ArrayList<>(List.of(figure.oaRef(), figure.kpiCode(), figure.indicator()));
        sheet.rounds().forEach(round -> cells.add(figure.perRound().containsKey(round)
            ? figure.perRound().get(round).toPlainString() : "-"));
        cells.add(figure.total().toPlainString());
        pdf.row(cells, columns, false);
      }
      if (sheet.leftOut() > 0) {
        pdf.heading("Left out of the sums", 2);
        for (Figure figure : sheet.figures()) {
          figure.leftOut().forEach((round, value) -> pdf.paragraph("OA " + figure.oaRef() + " KPI " + figure.kpiCode()
              + ", round " + round + ": \"" + value.written() + "\" (" + value.leftOutBecause() + ")"));
        }
      }
      pdf.heading("Status of the OAs per round", 2);
      statusChart(pdf, rounds);
      return pdf.bytes();
    }
  }

  /** Across OAPs, for the EMPACT Support Unit: each OAP's counts of the year by kind, and the total. */
  @Transactional(readOnly = true)
  public byte[] allOapsPdf(int year) {
    String title = "Annual fact sheet " + year + " - all EMPACT OAPs";
    record Sheet(FactSheet figures, Rounds rounds) {}
    List<Sheet> sheets = new ArrayList<>();
    for (OapSummary oap : registry.list()) {
      Rounds rounds = read(oap.id(), year);
      if (inYear(rounds.planned(), year)) {
        sheets.add(new Sheet(figures(oap.id(), rounds, year), rounds));
      }
    }
    try (PdfWriter pdf = new PdfWriter(title, "KPI figures per OAP")) {
      pdf.heading(title, 1);
      pdf.paragraph(sheets.size() + " OAP(s) with reporting rounds in " + year + ".");
      List<String> header = new ArrayList<>(List.of("OAP"));
      List.of(KpiCategory.values()).forEach(category -> header.add(category.label()));
      pdf.row(header, TOTAL_COLUMNS, true);
      Map<KpiCategory, BigDecimal> all = new EnumMap<>(KpiCategory.class);
      for (FactSheet sheet : sheets.stream().map(Sheet::figures).toList()) {
        List<String> cells = new ArrayList<>(List.of(sheet.oap().displayName()));
        for (KpiCategory category : KpiCategory.values()) {
          BigDecimal total = sheet.totals().getOrDefault(category, BigDecimal.ZERO);
          cells.add(total.toPlainString());
          all.merge(category, total, BigDecimal::add);
        }
        pdf.row(cells, TOTAL_COLUMNS, false);
      }
      List<String> total = new ArrayList<>(List.of("All OAPs"));
      List.of(KpiCategory.values()).forEach(c -> total.add(all.getOrDefault(c, BigDecimal.ZERO).toPlainString()));
      pdf.row(total, TOTAL_COLUMNS, true);
      for (Sheet sheet : sheets) {
        pdf.heading("Status of the OAs per round - " + sheet.figures().oap().displayName(), 3);
        statusChart(pdf, sheet.rounds());
      }
      return pdf.bytes();
    }
  }

  /** One bar per round held up to the year: how many OAs stood in each status, missed, or not reported yet. */
  private static void statusChart(PdfWriter pdf, Rounds rounds) {
    for (RoundRecord round : rounds.records()) {
      List<Float> counts = statusCounts(round);
      pdf.bar("Round " + round.number(), counts, COLOURS, (float) counts.stream().mapToDouble(Float::doubleValue).sum());
    }
    pdf.legend(SEGMENTS, COLOURS);
  }

  private static List<Float> statusCounts(RoundRecord round) {
    Map<String, RecordedReport> recorded = round.reports();
    float[] counts = new float[SEGMENTS.size()];
    for (OperationalAction oa : round.actions()) {
      RecordedReport report = recorded.get(oa.ref());
      int segment = report == null ? SEGMENTS.size() - 1
          : report.missed() ? SEGMENTS.size() - 2 : ReportStatus.valueOf(report.status()).ordinal();
      counts[segment]++;
    }
    List<Float> values = new ArrayList<>();
    for (float count : counts) {
      values.add(count);
    }
    return values;
  }

  private static boolean held(ReportingRound round) {
    return round.stage() != RoundStage.PLANNED && round.stage() != RoundStage.NOT_HELD
        && round.stage() != RoundStage.NOT_RECORDED;
  }

  private static float[] columns(int count) {
    float[] columns = new float[count];
    int rounds = count - 4;
    float figure = 0.1f;
    columns[0] = 0.07f;
    columns[1] = 0.05f;
    columns[2] = 1 - 0.12f - figure * (rounds + 1);
    for (int i = 3; i < count; i++) {
      columns[i] = figure;
    }
    return columns;
  }

  private static List<String> segments() {
    List<String> segments = new ArrayList<>();
    for (ReportStatus status : ReportStatus.values()) {
      segments.add(status.label());
    }
    segments.add("missed");
    segments.add("not reported yet");
    return List.copyOf(segments);
  }

  /**
   * A KPI's figures in a year: per round and added up; {@code leftOut}: per round, a value not added
   * (not available, an approximation, a number not read as written, words).
   */
  public record Figure(String oaRef, String kpiCode, String indicator, KpiCategory category,
                       Map<Integer, BigDecimal> perRound, BigDecimal total, Map<Integer, KpiValue> leftOut) {}

  public record FactSheet(OapSummary oap, int year, List<Integer> rounds, List<Figure> figures,
                          Map<KpiCategory, BigDecimal> totals) {

    /** How many values the sums left out. */
    public int leftOut() {
      return figures.stream().mapToInt(figure -> figure.leftOut().size()).sum();
    }
  }
}
