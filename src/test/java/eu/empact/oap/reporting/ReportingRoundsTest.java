package eu.empact.oap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.KpiValues;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.reporting.documents.RoundReportDocument;
import eu.empact.oap.support.ProcessTestContext;
import eu.empact.oap.support.SqlStatements;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rounds planned on adoption, reports checked and recorded, and the counts of a round. */
@ProcessTestContext
class ReportingRoundsTest {

  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired ReportingRounds rounds;
  @Autowired OaReports reports;
  @Autowired JdbcClient jdbc;
  @Autowired RoundReportDocument reportDocument;
  @Autowired PlatformTransactionManager transactions;

  long oapId;
  List<OapDocument.OperationalAction> actions;

  @BeforeEach
  void adoptAnOapAndOpenItsFirstTwoRounds() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    oapId = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    actions = registry.export(oapId).operationalActions();
    rounds.open(oapId, 1);
    rounds.open(oapId, 2);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void plansTheRoundsWhenTheOapIsAdopted() {
    assertThat(rounds.rounds(oapId)).extracting(ReportingRound::kind).containsExactly(ReportingRound.Kind.HALF_YEAR,
        ReportingRound.Kind.ANNUAL, ReportingRound.Kind.HALF_YEAR, ReportingRound.Kind.COMPREHENSIVE);
  }

  @Test
  void countsARoundWithOneOaMissing() {
    for (OapDocument.OperationalAction oa : actions) {
      if (!oa.ref().equals("2.4")) {
        reports.submit(oapId, 1, report(oa, oa.ref().startsWith("2.") ? "ongoing" : "finished / on time"), "al");
      }
    }
    assertThat(reports.markMissing(oapId, 1)).containsExactly("2.4");

    RoundSummary summary = reports.summary(oapId, 1);

    assertThat(summary.planned()).isEqualTo(26);
    assertThat(summary.reported()).isEqualTo(25);
    assertThat(summary.missing()).containsExactly("2.4");
    assertThat(summary.perStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(ReportStatus.ONGOING, 10,
        ReportStatus.FINISHED_ON_TIME, 15));
    assertThat(summary.perStatus().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(summary.reported());
  }

  @Test
  void countsAnOaWithoutAnyReportYetAsMissing() {
    reports.submit(oapId, 2, report(actions.get(0), "delayed"), "al");

    RoundSummary summary = reports.summary(oapId, 2);

    assertThat(summary.reported()).isEqualTo(1);
    assertThat(summary.missing()).hasSize(25).doesNotContain(actions.get(0).ref());
  }

  @Test
  void refusesAReportWithAPlaceholderAndRecordsNothing() {
    OapDocument.OperationalAction oa = actions.get(0);
    Map<String, String> kpis = new HashMap<>(report(oa, "ongoing").kpiValues());
    kpis.put(oa.kpis().get(0).code(), "XXX");
    OaReport withPlaceholder = new OaReport(oa.ref(), "ongoing", "on track", kpis, null, null, null);

    assertThatThrownBy(() -> reports.submit(oapId, 1, withPlaceholder, "al"))
        .isInstanceOf(ReportRejectedException.class)
        .hasMessageContaining("kpis." + oa.kpis().get(0).code() + ": 'XXX' is a placeholder");
    assertThat(reports.summary(oapId, 1).reported()).isZero();
  }

  @Test
  void checksOneReportAgainstItsOaWithoutReadingTheWholeOap() {
    OapDocument.OperationalAction oa = actions.get(0);
    Map<String, String> kpis = new HashMap<>(report(oa, "ongoing").kpiValues());
    kpis.put(oa.kpis().get(0).code(), "XXX");
    OaReport withPlaceholder = new OaReport(oa.ref(), "ongoing", "on track", kpis, null, null, null);

    SqlStatements.Counted counted = SqlStatements.on(jdbc).count(() -> assertThatThrownBy(
        () -> reports.submit(oapId, 1, withPlaceholder, "al")).isInstanceOf(ReportRejectedException.class));

    System.out.println("one report checked: " + counted);
    // the round, the OA with its parts (one statement per table) and whether it has a report: 8, where
    // reading it from the OAP's whole document took 14
    assertThat(counted.total()).as(counted.toString()).isLessThanOrEqualTo(8);
    assertThat(counted.on("strategic_goal")).as(counted.toString()).isLessThanOrEqualTo(1);
  }

  @Test
  void anOaOfTheAdoptedVersionIsReadOnceForEveryReportOnIt() {
    String ref = actions.get(1).ref();
    OapDocument.OperationalAction first = registry.operationalAction(oapId, 0, ref).orElseThrow();

    SqlStatements.Counted counted = SqlStatements.on(jdbc).count(() -> {
      assertThat(registry.operationalAction(oapId, 0, ref)).contains(first);
      reports.submit(oapId, 1, report(actions.get(1), "ongoing"), "al");
    });

    // the OA and its parts are not read again: only the round, whether it has a report, how its
    // status is written, and the report with its KPI values are
    assertThat(counted.on("operational_action") + counted.on("kpi") + counted.on("participation"))
        .as(counted.toString()).isZero();
    assertThat(reports.reports(oapId, 1).get(ref).kpiValues()).hasSize(actions.get(1).kpis().size());
  }

  @Test
  void anOaReadInATransactionThatRollsBackIsKeptForThatTransactionOnly() {
    String ref = actions.get(2).ref();

    new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
      registry.operationalAction(oapId, 0, ref).orElseThrow();
      SqlStatements.Counted again = SqlStatements.on(jdbc)
          .count(() -> registry.operationalAction(oapId, 0, ref).orElseThrow());
      assertThat(again.on("operational_action")).as(again.toString()).isZero();
      transaction.setRollbackOnly();
    });

    SqlStatements.Counted after = SqlStatements.on(jdbc)
        .count(() -> registry.operationalAction(oapId, 0, ref).orElseThrow());
    assertThat(after.on("operational_action")).as(after.toString()).isOne();
  }

  @Test
  void anOaOfADraftIsReadAgainEveryTime() {
    long draft = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
    registry.operationalAction(draft, 0, "2.4").orElseThrow();

    SqlStatements.Counted counted = SqlStatements.on(jdbc)
        .count(() -> registry.operationalAction(draft, 0, "2.4").orElseThrow());

    assertThat(counted.on("operational_action")).as(counted.toString()).isOne();
  }

  @Test
  void takesOneReportPerOaAndRound() {
    OaReport report = report(actions.get(0), "ongoing");
    reports.submit(oapId, 1, report, "al");

    assertThatThrownBy(() -> reports.submit(oapId, 1, report, "al")).isInstanceOf(RegistryConflictException.class);
    reports.markMissing(oapId, 1);
    assertThat(reports.summary(oapId, 1).reported()).isEqualTo(1);
    assertThat(reports.reports(oapId, 1).get(actions.get(0).ref()).missed()).isFalse();
  }

  @Test
  void takesNoReportWhenTheRoundIsNotCollecting() {
    assertThatThrownBy(() -> reports.submit(oapId, 3, report(actions.get(0), "ongoing"), "al"))
        .isInstanceOf(RegistryConflictException.class)
        .hasMessageContaining("round 3 of OAP " + oapId + " is not collecting reports (PLANNED)");
  }

  @Test
  void aLateReportFillsTheRecordUntilCosiTookNoteAndIsAnAddendumAfter() {
    OapDocument.OperationalAction late = actions.get(0);
    OapDocument.OperationalAction later = actions.get(1);
    reports.markMissing(oapId, 1);
    reports.submitLate(oapId, 1, report(late, "delayed"), "al-late", List.of());
    assertThat(reports.reports(oapId, 1).get(late.ref()).status()).isEqualTo("DELAYED");

    rounds.notedByCosi(oapId, 1, java.time.LocalDate.of(2023, 12, 5), "cosi");
    RoundSummary noted = reports.summary(oapId, 1);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-01-20T09:00:00Z")));
    reports.submitLate(oapId, 1, report(later, "finished / on time"), "al-later", List.of());

    assertThat(reports.reports(oapId, 1).get(later.ref()).missed()).isTrue();
    assertThat(reports.summary(oapId, 1)).isEqualTo(noted);
    RecordedReport addendum = reports.addenda(oapId, 1).get(later.ref());
    assertThat(addendum.status()).isEqualTo("FINISHED_ON_TIME");
    assertThat(addendum.recordedBy()).isEqualTo("al-later");
    assertThat(addendum.recordedAt()).isEqualTo(Instant.parse("2024-01-20T09:00:00Z"));
    assertThat(rounds.history(oapId, 1)).extracting(RoundEvent::event).contains("LATE_REPORT", "ADDENDUM");
    assertThatThrownBy(() -> reports.submitLate(oapId, 1, report(later, "delayed"), "al-later", List.of()))
        .isInstanceOf(RegistryConflictException.class).hasMessageContaining("has a late report already");

    String document = text(reportDocument.pdf(oapId, 1));
    assertThat(document).contains("Edition: 2 (addenda of 2024-01-20)").contains("Addenda")
        .contains("OA " + later.ref() + ", delivered on 2024-01-20 by al-later: finished / on time");
  }

  private static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A report with a value for every KPI: counts where the KPI counts, text elsewhere. */
  static OaReport report(OapDocument.OperationalAction oa, String status) {
    return new OaReport(oa.ref(), status, "on track", KpiValues.of(oa, "3"), "2", "EUR 10,000 from ISF", null);
  }
}
