package eu.empact.oap.reporting.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.OapDocument.Kpi;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Reading;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.KpiValue;
import eu.empact.oap.reporting.OaReport;
import eu.empact.oap.reporting.OaReportValidator;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.RecordedReport;
import eu.empact.oap.reporting.ReportStatus;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.StatusReading;
import eu.empact.oap.reporting.StatusWordings;
import eu.empact.oap.support.KpiValues;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTestContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reports written as the 2012 monitoring and the 2013 final reports write them, on the demo OAP
 * in 2024: every status wording and every kind of KPI value of issue 13 is accepted, kept as
 * written and read (or flagged); the Driver maps an unknown wording; the fact sheet adds up only
 * numbers read as written and lists what it left out.
 */
@ProcessTestContext
class ReportValuesTest {

  /** Wording as written, and the status (and the one it continues in) it is read as. */
  static final Map<String, List<ReportStatus>> WORDINGS = wordings();
  /** Values for counting KPIs, in this order; the first four are numbers read as written. */
  static final List<String> VALUES = List.of("10.000", "10 000", "10,000", "58 361", "2,5", "not available",
      "not declassified", ">200", "more than 200", "over 90", "90%", "475 v 438", "15 JITs from which 8 were new");
  static final String UNKNOWN = "well under way, see minutes";

  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired ReportingRounds rounds;
  @Autowired OaReports reports;
  @Autowired StatusWordings wordings;
  @Autowired FactSheetDocument factSheet;
  @Autowired RoundReportDocument reportDocument;

  long oapId;
  List<OperationalAction> actions;
  /** The counting KPIs given a value of {@link #VALUES} in round 1, by OA ref and code, in that order. */
  final List<String[]> special = new ArrayList<>();

  @BeforeEach
  void reportRoundOneAsTheDocumentsWrite() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    oapId = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    rounds.open(oapId, 1);
    actions = reports.actions(oapId, 1);
    List<String> statuses = new ArrayList<>(WORDINGS.keySet());
    statuses.add(UNKNOWN);
    int value = 0;
    for (int i = 0; i < actions.size(); i++) {
      OperationalAction oa = actions.get(i);
      Map<String, String> values = new LinkedHashMap<>(KpiValues.of(oa, "3"));
      for (Kpi kpi : oa.kpis()) {
        if (OaReportValidator.counts(kpi) && value < VALUES.size()) {
          values.put(kpi.code(), VALUES.get(value++));
          special.add(new String[] {oa.ref(), kpi.code()});
        }
      }
      String status = i < statuses.size() ? statuses.get(i) : "ongoing";
      reports.submit(oapId, 1, new OaReport(oa.ref(), status, "as the report says", values, null, null, null), "al");
    }
    assertThat(special).as("counting KPIs of the demo OAP").hasSize(VALUES.size());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyWordingIsKeptAsWrittenAndReadByTheTable() {
    Map<String, RecordedReport> recorded = reports.reports(oapId, 1);
    List<String> written = new ArrayList<>(WORDINGS.keySet());
    for (int i = 0; i < written.size(); i++) {
      StatusReading reading = recorded.get(actions.get(i).ref()).statusReading();
      List<ReportStatus> expected = WORDINGS.get(written.get(i));
      assertThat(reading.written()).isEqualTo(written.get(i));
      assertThat(reading.status()).as(written.get(i)).isEqualTo(expected.get(0));
      assertThat(reading.continuing()).as(written.get(i)).isEqualTo(expected.size() > 1 ? expected.get(1) : null);
      assertThat(reading.reading()).as(written.get(i)).isEqualTo(Reading.READ);
    }
    RecordedReport unknown = recorded.get(actions.get(written.size()).ref());
    assertThat(unknown.status()).isEqualTo(ReportStatus.UNMAPPED.name());
    assertThat(unknown.statusReading().written()).isEqualTo(UNKNOWN);
    assertThat(unknown.statusReading().flagged()).isTrue();
    assertThat(reports.summary(oapId, 1).perStatus()).containsEntry(ReportStatus.UNMAPPED, 1)
        .containsEntry(ReportStatus.UNDETERMINED, 2);
    assertThat(wordings.unmapped(oapId)).singleElement().satisfies(flag -> {
      assertThat(flag.oaRef()).isEqualTo(unknown.oaRef());
      assertThat(flag.written()).isEqualTo(UNKNOWN);
    });
  }

  @Test
  void twoStatusesThatTheTableDoesNotHoldTogetherAreReadFromTheirPartsAndSaidSo() {
    StatusReading reading = wordings.read(oapId, "Completed; ongoing into 2015");

    assertThat(reading.status()).isEqualTo(ReportStatus.FINISHED);
    assertThat(reading.continuing()).isEqualTo(ReportStatus.ONGOING);
    assertThat(reading.reading()).isEqualTo(Reading.INTERPRETED);
    assertThat(reading.note()).contains("two statuses");
  }

  @Test
  void theDriverMapsAnUnknownWordingForEveryReportOfTheOapAndTheNextOnes() {
    String ref = actions.get(WORDINGS.size()).ref();

    assertThat(wordings.map(oapId, "Well under way - see minutes!", List.of(ReportStatus.ONGOING), "driver"))
        .isOne();

    RecordedReport mapped = reports.reports(oapId, 1).get(ref);
    assertThat(mapped.status()).isEqualTo(ReportStatus.ONGOING.name());
    assertThat(mapped.statusReading().written()).isEqualTo(UNKNOWN);
    assertThat(mapped.statusReading().reading()).isEqualTo(Reading.READ);
    assertThat(mapped.statusReading().note()).isEqualTo("mapped for this OAP by driver");
    assertThat(wordings.unmapped(oapId)).isEmpty();
    assertThat(wordings.mappings(oapId)).extracting(w -> w.statuses()).containsExactly(List.of(ReportStatus.ONGOING));
    assertThat(wordings.read(oapId, UNKNOWN).status()).isEqualTo(ReportStatus.ONGOING);
  }

  @Test
  void everyValueIsKeptAsWrittenAndReadOrFlagged() {
    Map<String, RecordedReport> recorded = reports.reports(oapId, 1);
    List<KpiValue> read = new ArrayList<>();
    for (String[] at : special) {
      RecordedReport report = recorded.get(at[0]);
      Kpi kpi = actions.stream().filter(oa -> oa.ref().equals(at[0])).findFirst().orElseThrow().kpis().stream()
          .filter(k -> k.code().equals(at[1])).findFirst().orElseThrow();
      read.add(report.kpiValue(kpi));
      assertThat(report.kpiReadings()).as("stored beside the text").containsKey(at[1]);
    }
    assertThat(read).extracting(KpiValue::written).containsExactlyElementsOf(VALUES);
    assertThat(read.subList(0, 4)).extracting(KpiValue::number).extracting(BigDecimal::intValueExact)
        .containsExactly(10000, 10000, 10000, 58361);
    assertThat(read.subList(0, 4)).allMatch(KpiValue::summable);
    assertThat(read.get(4)).satisfies(twoAndAHalf -> {
      assertThat(twoAndAHalf.status()).isEqualTo(Reading.UNREADABLE);
      assertThat(twoAndAHalf.number()).isNull();
      assertThat(twoAndAHalf.note()).contains("Not guessed");
    });
    assertThat(read.subList(5, VALUES.size())).extracting(KpiValue::kind).containsExactly(
        KpiValue.Kind.NOT_AVAILABLE, KpiValue.Kind.NOT_DECLASSIFIED, KpiValue.Kind.APPROXIMATION,
        KpiValue.Kind.APPROXIMATION, KpiValue.Kind.APPROXIMATION, KpiValue.Kind.PERCENTAGE, KpiValue.Kind.TEXT,
        KpiValue.Kind.TEXT);
    assertThat(read.subList(4, VALUES.size())).noneMatch(KpiValue::summable);
  }

  @Test
  void theFactSheetAddsUpOnlyNumbersReadAsWrittenAndSaysWhatItLeftOut() throws IOException {
    rounds.open(oapId, 2);
    for (OperationalAction oa : reports.actions(oapId, 2)) {
      reports.submit(oapId, 2, new OaReport(oa.ref(), "on schedule", "on track", KpiValues.of(oa, "5"), null, null,
          null), "al");
    }

    FactSheetDocument.FactSheet sheet = factSheet.figures(oapId, 2024);

    FactSheetDocument.Figure tenThousand = figure(sheet, special.get(0));
    assertThat(tenThousand.perRound()).containsOnlyKeys(1, 2);
    assertThat(tenThousand.total()).isEqualByComparingTo("10005");
    assertThat(figure(sheet, special.get(3)).total()).isEqualByComparingTo("58366");
    FactSheetDocument.Figure twoAndAHalf = figure(sheet, special.get(4));
    assertThat(twoAndAHalf.perRound()).containsOnlyKeys(2);
    assertThat(twoAndAHalf.total()).isEqualByComparingTo("5");
    assertThat(twoAndAHalf.leftOut()).containsOnlyKeys(1);
    assertThat(twoAndAHalf.leftOut().get(1).written()).isEqualTo("2,5");
    assertThat(sheet.leftOut()).isEqualTo(VALUES.size() - 4);
    BigDecimal allFigures = sheet.figures().stream().map(FactSheetDocument.Figure::total)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sheet.totals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(allFigures);

    String text = flat(text(factSheet.pdf(oapId, 2024)));
    assertThat(text).contains("9 value(s) left out of the sums, listed below", "Left out of the sums",
        "OA " + special.get(4)[0] + " KPI " + special.get(4)[1] + ", round 1: \"2,5\"", "\"not available\" (not available)",
        "\"more than 200\" (an approximation, kept as such)", "\"90%\" (a percentage, not a count)",
        "wording to be mapped", "undetermined");
  }

  @Test
  void theRoundsReportGivesTheStatusAsWrittenWithItsReading() throws IOException {
    String text = flat(text(reportDocument.pdf(oapId, 1)));

    assertThat(text).contains("Status: Complete – ongoing into 2014 (finished; continuing: ongoing)",
        "Status: only part achieved (partially achieved)", "Status: " + UNKNOWN + " (wording to be mapped)",
        "10.000", "not declassified", "15 JITs from which 8 were new");
  }

  private static FactSheetDocument.Figure figure(FactSheetDocument.FactSheet sheet, String[] at) {
    return sheet.figures().stream().filter(f -> f.oaRef().equals(at[0]) && f.kpiCode().equals(at[1])).findFirst()
        .orElseThrow();
  }

  private static Map<String, List<ReportStatus>> wordings() {
    Map<String, List<ReportStatus>> wordings = new LinkedHashMap<>();
    wordings.put("achieved", List.of(ReportStatus.FINISHED));
    wordings.put("on schedule", List.of(ReportStatus.ONGOING));
    wordings.put("completed", List.of(ReportStatus.FINISHED));
    wordings.put("Complete – ongoing into 2014", List.of(ReportStatus.FINISHED, ReportStatus.ONGOING));
    wordings.put("delivered", List.of(ReportStatus.FINISHED));
    wordings.put("not complete", List.of(ReportStatus.NOT_ACHIEVED));
    wordings.put("only part achieved", List.of(ReportStatus.PARTIALLY_ACHIEVED));
    wordings.put("Implemented partially", List.of(ReportStatus.PARTIALLY_ACHIEVED));
    wordings.put("formally completed", List.of(ReportStatus.FINISHED));
    wordings.put("Indetermined", List.of(ReportStatus.UNDETERMINED));
    wordings.put("COMPLETE", List.of(ReportStatus.FINISHED));
    wordings.put("Finished/ on time", List.of(ReportStatus.FINISHED_ON_TIME));
    wordings.put("undetermined", List.of(ReportStatus.UNDETERMINED));
    return wordings;
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
