package eu.empact.oap.reporting.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.DriverReports;
import eu.empact.oap.reporting.OaReport;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.support.KpiValues;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTestContext;
import eu.empact.oap.support.SqlStatements;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The round's report and the annual fact sheet of the demo OAP: generated, parsed back, and
 * checked for their headings and figures. In 2024 every OA reports in both rounds except OA 2.4,
 * which misses round 1; counting KPIs get 3 in round 1 and 5 in round 2.
 */
@ProcessTestContext
class ReportDocumentsTest {

  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired ReportingRounds rounds;
  @Autowired OaReports reports;
  @Autowired DriverReports drivers;
  @Autowired RoundReportDocument reportDocument;
  @Autowired FactSheetDocument factSheet;
  @Autowired JdbcClient jdbc;

  long oapId;
  String name;

  @BeforeEach
  void reportTwoRoundsOf2024() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    oapId = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    name = registry.summary(oapId).displayName();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    for (int round : List.of(1, 2)) {
      rounds.open(oapId, round);
      for (OapDocument.OperationalAction oa : reports.actions(oapId, round)) {
        if (round == 1 && oa.ref().equals("2.4")) {
          continue;
        }
        reports.submit(oapId, round, report(oa, round == 1 ? "3" : "5", oa.ref().equals("1.1") ? "delayed"
            : "ongoing"), "al");
      }
      reports.markMissing(oapId, round);
    }
    drivers.write(oapId, 1, drivers.goals(oapId, 1).stream()
        .map(goal -> "## SG " + goal.number() + "\nAssessment of goal " + goal.number() + ": on track.")
        .collect(Collectors.joining("\n")), "driver");
    rounds.submitToCosi(oapId, 1, "15020/24", "COSI Support Group", "cosi");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRoundReportHasTheCoverNoteTheCountsAndEveryGoalWithItsOas() throws IOException {
    String raw = text(reportDocument.pdf(oapId, 1));
    String text = flat(raw);

    assertThat(text).contains("COVER NOTE", "To: COSI Support Group", "Council doc.: 15020/24",
        "Subject: EMPACT " + name + " - Driver's report, round 1 (January-June 2024)");
    assertThat(text).contains("Operational actions planned: 26. Reported: 25. Missing: 1 (OA 2.4).",
        "ongoing: 24", "delayed: 1");
    assertThat(text).contains("SG 1 Criminal intelligence picture", "Assessment of goal 1: on track.",
        "SG 8 ", "Assessment of goal 8: on track.");
    assertThat(text.indexOf("SG 1 Criminal intelligence picture")).isLessThan(text.indexOf("OA 1.1 "));
    assertThat(text.indexOf("OA 1.1 ")).isLessThan(text.indexOf("SG 2 "));
    assertThat(flat(section(raw, "OA 2.4 "))).contains("Leader: IT", "Status: missed");
    assertThat(flat(section(raw, "OA 1.1 "))).contains("Leader: EUROPOL", "Status: delayed", "KPI Indicator Target Value",
        "80 EPMTs");
  }

  @Test
  void theFactSheetAddsUpTheYearsCountsPerOaAndKind() throws IOException {
    FactSheetDocument.FactSheet sheet = factSheet.figures(oapId, 2024);
    assertThat(sheet.rounds()).containsExactly(1, 2);
    FactSheetDocument.Figure oa11a = sheet.figures().stream()
        .filter(f -> f.oaRef().equals("1.1") && f.kpiCode().equals("a")).findFirst().orElseThrow();
    assertThat(oa11a.perRound()).containsExactlyInAnyOrderEntriesOf(Map.of(1, new BigDecimal("3"), 2, new BigDecimal("5")));
    assertThat(oa11a.total()).isEqualByComparingTo("8");
    FactSheetDocument.Figure oa24 = sheet.figures().stream().filter(f -> f.oaRef().equals("2.4")).findFirst()
        .orElseThrow();
    assertThat(oa24.perRound()).containsOnlyKeys(2);
    BigDecimal allFigures = sheet.figures().stream().map(FactSheetDocument.Figure::total)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sheet.totals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(allFigures);

    String text = flat(text(factSheet.pdf(oapId, 2024)));
    assertThat(text).contains("Annual fact sheet 2024 - EMPACT " + name, "Totals by kind of count",
        "Figures per OA and KPI", "OA KPI Indicator Round 1 Round 2 Total", "Status of the OAs per round",
        "Round 1", "Round 2", "missed", "not reported yet");
    assertThat(text).contains("1.1 a Number of strategic intelligence");
  }

  @Test
  void theFactSheetAcrossOapsListsEachOapAndTheTotal() throws IOException {
    String text = flat(text(factSheet.allOapsPdf(2024)));

    assertThat(text).contains("Annual fact sheet 2024 - all EMPACT OAPs", name, "All OAPs",
        "Status of the OAs per round - " + name);
  }

  @Test
  void theRoundReportReadsTheRoundOnceOneStatementPerTable() {
    SqlStatements.Counted counted = SqlStatements.on(jdbc).count(() -> reportDocument.pdf(oapId, 1));

    System.out.println("round report: " + counted);
    // no statement twice: the OAP is not read again per part of the document (52 statements before)
    assertThat(counted.executions()).as(counted.toString()).allSatisfy((sql, times) -> assertThat(times).isOne());
    assertThat(counted.total()).as(counted.toString()).isLessThanOrEqualTo(14);
  }

  @Test
  void theFactSheetReadsTheYearsRoundsOnceOneStatementPerTable() {
    SqlStatements.Counted counted = SqlStatements.on(jdbc).count(() -> factSheet.pdf(oapId, 2024));

    System.out.println("fact sheet: " + counted);
    // both rounds of the year read together, not one after the other (52 statements before)
    assertThat(counted.executions()).as(counted.toString()).allSatisfy((sql, times) -> assertThat(times).isOne());
    assertThat(counted.total()).as(counted.toString()).isLessThanOrEqualTo(14);
  }

  private static OaReport report(OapDocument.OperationalAction oa, String count, String status) {
    return new OaReport(oa.ref(), status, "on track", KpiValues.of(oa, count), null, null, null);
  }

  /** From a heading to the next OA or goal. */
  private static String section(String text, String heading) {
    int start = text.indexOf(heading);
    int next = text.indexOf("\nOA ", start + heading.length());
    return text.substring(start, next < 0 ? text.length() : next);
  }

  /** Lines joined: long names wrap in the document. */
  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
