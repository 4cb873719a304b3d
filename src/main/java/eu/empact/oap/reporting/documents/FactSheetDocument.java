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
import eu.empact.oap.reporting.ReportingRounds.RoundState;
import eu.empact.oap.reporting.RoundRecord;
import eu.empact.oap.reporting.RoundRecords;
import eu.empact.oap.reporting.RoundRecords.Rounds;
import eu.empact.oap.reporting.RoundStage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual fact sheet: the typed KPI figures of a year's rounds added up (per OA and KPI, and
 * per kind of count), with a chart of the OAs' status in every round so far, from the template
 * {@code templates/documents/fact-sheet.html}; its Council header is that of the year's annual
 * round once submitted to COSI. Across OAPs, for the EMPACT Support Unit, the counts per OAP and in
 * total ({@code fact-sheets-all.html}), marked with the highest of the OAPs' markings.
 */
@Component
public class FactSheetDocument {

  /** The chart's segments: each status of the documents, then missed and not (yet) reported. */
  private static final List<String> SEGMENTS = segments();
  private static final List<String> COLOURS = List.of("#BDBDBD", "#4A90D9", "#F5A623", "#7ED321", "#2E7D32",
      "#B8E986", "#D0021B", "#9B9B9B", "#8B572A", "#F8E71C", "#000000", "#EEEEEE");

  private final OapRegistry registry;
  private final RoundRecords records;
  private final DocumentRenderer renderer;
  private final DocumentLinks links;
  private final Clock clock;

  FactSheetDocument(OapRegistry registry, RoundRecords records, DocumentRenderer renderer, DocumentLinks links,
                    Clock clock) {
    this.registry = registry;
    this.records = records;
    this.renderer = renderer;
    this.links = links;
    this.clock = clock;
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
    RoundState annual = rounds.records().stream()
        .filter(round -> round.round().annualFactSheet() && round.round().coversTo().getYear() == year)
        .map(RoundRecord::state).filter(state -> state.councilDocument() != null).findFirst().orElse(null);
    CouncilHeader header = new CouncilHeader(annual == null ? null : annual.councilDocument(),
        annual == null || annual.councilDocumentDate() == null ? today() : annual.councilDocumentDate(),
        CouncilHeader.marking(Collections.singletonList(sheet.oap().classification())));
    String held = sheet.rounds().isEmpty() ? "none held"
        : sheet.rounds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    List<String> columns = new ArrayList<>(List.of("OA", "KPI", "Indicator"));
    sheet.rounds().forEach(round -> columns.add("Round " + round));
    columns.add("Total");
    List<List<String>> rows = sheet.figures().stream().map(figure -> {
      List<String> cells = new ArrayList<>(List.of(figure.oaRef(), figure.kpiCode(), figure.indicator()));
      sheet.rounds().forEach(round -> cells.add(figure.perRound().containsKey(round)
          ? figure.perRound().get(round).toPlainString() : "-"));
      cells.add(figure.total().toPlainString());
      return List.copyOf(cells);
    }).toList();
    List<List<String>> totals = List.of(KpiCategory.values()).stream().map(category -> List.of(category.label(),
        sheet.totals().getOrDefault(category, BigDecimal.ZERO).toPlainString())).toList();
    Chart chart = chart(rounds);
    List<Link> reports = chart.bars().stream()
        .map(bar -> new Link("Round " + bar.round(), links.reportPdf(oapId, bar.round()))).toList();
    Map<String, Object> page = new HashMap<>();
    page.put("header", header);
    page.put("title", "Annual fact sheet " + year + " - EMPACT " + sheet.oap().displayName());
    page.put("intro", "Driver: " + sheet.oap().driver() + ". Rounds of " + year + ": " + held
        + ". Figures are the numbers the Action Leaders reported for KPIs that count something, where read as "
        + "written (\"10.000\" and \"10 000\" are 10000); " + (sheet.leftOut() == 0 ? "no value was left out."
        : sheet.leftOut() + " value(s) left out of the sums, listed below."));
    page.put("leftOut", sheet.figures().stream().flatMap(figure -> figure.leftOut().entrySet().stream()
        .map(left -> "OA " + figure.oaRef() + " KPI " + figure.kpiCode() + ", round " + left.getKey() + ": \""
            + left.getValue().written() + "\" (" + left.getValue().leftOutBecause() + ")")).toList());
    page.put("totals", totals);
    page.put("columns", columns);
    page.put("figures", rows);
    page.put("chart", chart);
    page.put("reports", reports);
    return renderer.pdf("fact-sheet", page);
  }

  /** Across OAPs, for the EMPACT Support Unit: each OAP's counts of the year by kind, and the total. */
  @Transactional(readOnly = true)
  public byte[] allOapsPdf(int year) {
    List<FactSheet> sheets = new ArrayList<>();
    List<Chart> charts = new ArrayList<>();
    for (OapSummary oap : registry.list()) {
      Rounds rounds = read(oap.id(), year);
      if (inYear(rounds.planned(), year)) {
        sheets.add(figures(oap.id(), rounds, year));
        charts.add(chart(rounds));
      }
    }
    List<String> columns = new ArrayList<>(List.of("OAP"));
    List.of(KpiCategory.values()).forEach(category -> columns.add(category.label()));
    List<List<String>> rows = new ArrayList<>();
    Map<KpiCategory, BigDecimal> all = new EnumMap<>(KpiCategory.class);
    for (FactSheet sheet : sheets) {
      List<String> cells = new ArrayList<>(List.of(sheet.oap().displayName()));
      for (KpiCategory category : KpiCategory.values()) {
        BigDecimal total = sheet.totals().getOrDefault(category, BigDecimal.ZERO);
        cells.add(total.toPlainString());
        all.merge(category, total, BigDecimal::add);
      }
      rows.add(List.copyOf(cells));
    }
    List<String> total = new ArrayList<>(List.of("All OAPs"));
    List.of(KpiCategory.values()).forEach(c -> total.add(all.getOrDefault(c, BigDecimal.ZERO).toPlainString()));
    Map<String, Object> page = new HashMap<>();
    page.put("header", new CouncilHeader(null, today(),
        CouncilHeader.marking(sheets.stream().map(sheet -> sheet.oap().classification()).toList())));
    page.put("title", "Annual fact sheet " + year + " - all EMPACT OAPs");
    page.put("intro", sheets.size() + " OAP(s) with reporting rounds in " + year + ".");
    page.put("columns", columns);
    page.put("figures", rows);
    page.put("total", total);
    page.put("names", sheets.stream().map(sheet -> sheet.oap().displayName()).toList());
    page.put("charts", charts);
    return renderer.pdf("fact-sheets-all", page);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** One bar per round held up to the year: how many OAs stood in each status, missed, or not reported yet. */
  private static Chart chart(Rounds rounds) {
    List<Bar> bars = new ArrayList<>();
    for (RoundRecord round : rounds.records()) {
      long[] counts = statusCounts(round);
      long all = Arrays.stream(counts).sum();
      List<Segment> segments = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          segments.add(new Segment(SEGMENTS.get(i), COLOURS.get(i), counts[i], 100.0 * counts[i] / all));
        }
      }
      bars.add(new Bar(round.number(), segments));
    }
    List<Segment> legend = new ArrayList<>();
    for (int i = 0; i < SEGMENTS.size(); i++) {
      legend.add(new Segment(SEGMENTS.get(i), COLOURS.get(i), 0, 0));
    }
    return new Chart(bars, legend);
  }

  private static long[] statusCounts(RoundRecord round) {
    Map<String, RecordedReport> recorded = round.reports();
    long[] counts = new long[SEGMENTS.size()];
    for (OperationalAction oa : round.actions()) {
      RecordedReport report = recorded.get(oa.ref());
      int segment = report == null ? SEGMENTS.size() - 1
          : report.missed() ? SEGMENTS.size() - 2 : ReportStatus.valueOf(report.status()).ordinal();
      counts[segment]++;
    }
    return counts;
  }

  private static boolean held(ReportingRound round) {
    return round.stage() != RoundStage.PLANNED && round.stage() != RoundStage.NOT_HELD
        && round.stage() != RoundStage.NOT_RECORDED;
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

  /** The status chart: one bar per round, and the legend of every segment a bar can have. */
  public record Chart(List<Bar> bars, List<Segment> legend) {}

  /** A round's bar: its segments with an OA or more. */
  public record Bar(int round, List<Segment> segments) {

    /** "ongoing 24, delayed 1, missed 1": what the bar shows, in words. */
    public String counts() {
      return segments.stream().map(segment -> segment.label() + " " + segment.count())
          .collect(Collectors.joining(", "));
    }
  }

  /** A status, its colour, how many OAs stood in it and their share of the bar (per cent). */
  public record Segment(String label, String colour, long count, double share) {

    public String style() {
      return String.format(Locale.ROOT, "width: %.3f%%; background-color: %s", share, colour);
    }
  }

  /** A link and what it leads to. */
  public record Link(String label, String url) {}
}
