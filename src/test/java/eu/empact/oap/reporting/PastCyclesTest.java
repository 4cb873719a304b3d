package eu.empact.oap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.Problem;
import eu.empact.oap.registry.Reading;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.PastCycles.PastAdoption;
import eu.empact.oap.reporting.PastCycles.PastRound;
import eu.empact.oap.reporting.documents.FactSheetDocument;
import eu.empact.oap.reporting.documents.RoundReportDocument;
import eu.empact.oap.support.ProcessTestContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An OAP registered with its past: the THB OAP 2013 and its final report 2013 (domain source 004,
 * Council doc. 10494/14), from the fixture under {@code past-cycles/}. No round is NOT_HELD, nothing
 * asks anybody anything, and the round's documents are generated from the record.
 */
@ProcessTestContext
class PastCyclesTest {

  private static final AtomicInteger OAPS = new AtomicInteger();

  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired ReportingRounds rounds;
  @Autowired OaReports reports;
  @Autowired PastCycles past;
  @Autowired RoundReportDocument reportDocument;
  @Autowired FactSheetDocument factSheet;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  long oapId;
  JsonNode fixture;

  @BeforeEach
  void importTheOap2013() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-06-02T09:00:00Z")));
    ObjectNode document = (ObjectNode) resource("past-cycles/oap-2013-thb.json");
    ((ObjectNode) document.get("priority")).put("name", "THB (registered past 2013) " + OAPS.incrementAndGet());
    oapId = registry.importDocument(reader.read(json.writeValueAsString(document)), "esu").id();
    fixture = resource("past-cycles/final-report-2013-thb.json");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theAdoptionOfThePastPlansItsRoundsAsHistoryNotAsRoundsNotHeld() throws IOException {
    PastAdoption adopted = past.registerAdoption(oapId, adoption(), "esu");

    assertThat(adopted.adoptedOn()).isEqualTo(LocalDate.of(2013, 1, 1));
    assertThat(registry.summary(oapId).status()).isEqualTo(VersionStatus.ADOPTED);
    assertThat(registry.versions(oapId).get(0).history()).anySatisfy(event ->
        assertThat(event.toString()).contains("registered with its past: adopted on 2013-01-01"));
    assertThat(rounds.plan(oapId)).extracting(ReportingRound::kind, ReportingRound::stage).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ReportingRound.Kind.HALF_YEAR, RoundStage.NOT_RECORDED),
        org.assertj.core.groups.Tuple.tuple(ReportingRound.Kind.COMPREHENSIVE, RoundStage.NOT_RECORDED));
    assertNothingAsksAnybody();
  }

  @Test
  void theFinalReport2013IsRegisteredAsWrittenAndItsDocumentsAreGenerated() throws IOException {
    past.registerAdoption(oapId, adoption(), "esu");

    past.recordRound(oapId, fixture.get("round").asInt(), round(), "esu");

    assertThat(rounds.plan(oapId)).extracting(ReportingRound::stage)
        .containsExactly(RoundStage.NOT_RECORDED, RoundStage.RECORDED);
    ReportingRounds.RoundState state = rounds.state(oapId, 2);
    assertThat(state.councilDocument()).isEqualTo("10494/14");
    assertThat(state.councilDocumentDate()).isEqualTo(LocalDate.of(2014, 6, 4));
    assertThat(state.necMetOn()).isEqualTo(LocalDate.of(2014, 5, 27));
    assertThat(state.revision()).isZero();
    Map<String, RecordedReport> recorded = reports.reports(oapId, 2);
    assertThat(recorded).containsOnlyKeys("1.1", "1.2", "2.1", "3.1", "3.3", "4.2", "5.1");
    assertThat(recorded.get("1.1").statusReading()).satisfies(status -> {
      assertThat(status.written()).isEqualTo("Complete – ongoing into 2014");
      assertThat(status.status()).isEqualTo(ReportStatus.FINISHED);
      assertThat(status.continuing()).isEqualTo(ReportStatus.ONGOING);
      assertThat(status.reading()).isEqualTo(Reading.READ);
    });
    assertThat(recorded.get("4.2").status()).isEqualTo("FINISHED");
    assertThat(recorded.get("5.1").status()).isEqualTo("ONGOING");
    assertThat(List.of("2.1", "3.1", "3.3")).allSatisfy(ref ->
        assertThat(recorded.get(ref).status()).isEqualTo(ReportStatus.UNMAPPED.name()));
    assertThat(recorded.get("2.1").kpiReadings().get("1")).satisfies(value -> {
      assertThat(value.written()).isEqualTo("6 cases discussed in OAP meeting framework.");
      assertThat(value.status()).isEqualTo(Reading.INTERPRETED);
    });
    assertThat(reports.summary(oapId, 2).text()).startsWith("7 OAs planned, 7 reported");
    // what the Driver reads: the wordings to map and the values not read as written, flagged
    // (Markdown: the brackets are escaped so that no text becomes a link)
    assertThat(RoundBriefings.reports(reports.actions(oapId, 2), reports.reports(oapId, 2))).contains(
        "**Status:** Complete – ongoing into 2014 (finished; continuing: ongoing)  \n",
        "planning for OAP 2014. (wording to be mapped) \\[to map\\]",
        "6 cases discussed in OAP meeting framework. \\[INTERPRETED: the figure 6 among words");
    assertThat(rounds.history(oapId, 2)).extracting(RoundEvent::event).containsExactly("RECORDED_AS_HISTORY");
    assertNothingAsksAnybody();

    String report = flat(text(reportDocument.pdf(oapId, 2)));
    assertThat(report).contains("To: JHA Counsellors / COSI Support Group", "Council doc.: 10494/14 of 2014-06-04",
        "NECs met: 2014-05-27", "Stage: RECORDED", "Covers: 2013-07-01 to 2013-12-31",
        "Status: Complete – ongoing into 2014 (finished; continuing: ongoing)", "Cases (475 v 438)",
        "Status: COMPLETE (finished)", "6 cases discussed in OAP meeting framework.");
    FactSheetDocument.FactSheet sheet = factSheet.figures(oapId, 2013);
    assertThat(sheet.rounds()).containsExactly(2);
    assertThat(sheet.leftOut()).isOne();
    assertThat(flat(text(factSheet.pdf(oapId, 2013)))).contains("Annual fact sheet 2013",
        "OA 2.1 KPI 1, round 2: \"6 cases discussed in OAP meeting framework.\"");
  }

  @Test
  void aPastRoundIsRefusedWholeWithEveryProblemNamedAndRecordedOnlyOnce() throws IOException {
    past.registerAdoption(oapId, adoption(), "esu");
    PastRound wrong = new PastRound(LocalDate.of(2026, 1, 1), null, null, null, null, Map.of(9, "none"),
        List.of(new OaReport("9.9", "ongoing", null, Map.of(), null, null, null),
            new OaReport("1.1", "000", null, Map.of("7", "3"), null, null, null)));

    assertThatThrownBy(() -> past.recordRound(oapId, 1, wrong, "esu"))
        .isInstanceOfSatisfying(ReportRejectedException.class, refused -> assertThat(refused.problems())
            .extracting(Problem::path).containsExactly("necMetOn", "assessments.SG 9", "reports[OA 9.9].oaRef",
                "reports[OA 1.1].status", "reports[OA 1.1].kpis.7"));
    assertThat(rounds.state(oapId, 1).stage()).isEqualTo(RoundStage.NOT_RECORDED);
    assertThat(reports.reports(oapId, 1)).isEmpty();

    past.recordRound(oapId, 2, round(), "esu");
    assertThatThrownBy(() -> past.recordRound(oapId, 2, round(), "esu"))
        .isInstanceOf(RegistryConflictException.class).hasMessageContaining("is RECORDED");
    assertThatThrownBy(() -> past.registerAdoption(oapId, adoption(), "esu"))
        .isInstanceOf(RegistryConflictException.class).hasMessageContaining("adopted already");
  }

  @Test
  void anAdoptionInTheFutureIsNoPast() {
    assertThatThrownBy(() -> past.registerAdoption(oapId, new PastAdoption(LocalDate.of(2025, 6, 3), "1/25",
        null), "esu"))
        .isInstanceOfSatisfying(ReportRejectedException.class, refused -> assertThat(refused.problems())
            .extracting(Problem::path).containsExactly("adoptedOn"));
    assertThat(rounds.rounds(oapId)).isEmpty();
    assertThat(registry.summary(oapId).status()).isEqualTo(VersionStatus.DRAFT);
  }

  /** No round process, task, timer or escalation for the OAP. */
  private void assertNothingAsksAnybody() {
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("oap-" + oapId + "-%")
        .count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike("oap-" + oapId + "-%").count()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM escalation WHERE oap_id = ?").param(oapId).query(Integer.class).single())
        .isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM missed_commitment WHERE oap_id = ?").param(oapId).query(Integer.class)
        .single()).isZero();
  }

  private PastAdoption adoption() throws IOException {
    return json.treeToValue(fixture.get("adoption"), PastAdoption.class);
  }

  private PastRound round() throws IOException {
    return json.treeToValue(fixture.get("record"), PastRound.class);
  }

  private JsonNode resource(String path) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      return json.readTree(in);
    }
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
