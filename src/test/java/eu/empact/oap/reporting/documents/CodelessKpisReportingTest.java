package eu.empact.oap.reporting.documents;

import static eu.empact.oap.reporting.ReportingRoundProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.RecordedReport;
import eu.empact.oap.reporting.RoundRecords;
import eu.empact.oap.support.KpiValues;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.ProcessTasks;
import eu.empact.oap.support.ProcessTestContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An OAP whose KPIs have no codes (older plans number nothing), adopted and reported on: every
 * null-pointer path of a KPI without a code (the report form's lines, the check of a report, the
 * round's PDF, the fact sheet's figures) now meets the KPI's number in its OA instead.
 */
@ProcessTestContext
class CodelessKpisReportingTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired OaReports reports;
  @Autowired RoundRecords records;
  @Autowired RoundReportDocument reportDocument;
  @Autowired FactSheetDocument factSheet;

  long oapId;
  String roundInstance;

  @BeforeEach
  void adoptAnOapWhoseKpisHaveNoCodes() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.actions().forEach(oa -> oa.withArray("kpis").forEach(kpi -> ((ObjectNode) kpi).remove("code")));
    oapId = registry.importDocument(reader.read(document.json()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    roundInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-round-1")
        .singleResult().getId();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anActionLeaderReportsAndTheRoundsDocumentsShowTheKpisByTheirNumbers() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-09-15T00:00:01Z")));
    management.executeJob(management.createJobQuery().processInstanceId(roundInstance).activityId(TIMER_ROUND_OPENS)
        .singleResult().getId());
    ProcessTasks open = new ProcessTasks(tasks, roundInstance);
    Task oa24 = open.all(TASK_REPORT_ON_OA).stream().filter(t -> t.getName().startsWith("Report on OA 2.4:"))
        .findFirst().orElseThrow();

    assertThat((String) tasks.getVariable(oa24.getId(), KPI_VALUES)).isEqualTo("1: \n2: \n3: \n4: ");
    assertThat((String) tasks.getVariable(oa24.getId(), OA_OVERVIEW)).contains("\n1) Number of")
        .doesNotContain("null");
    open.complete(oa24, Map.of(REPORT_STATUS, "ongoing", PROGRESS, "on track",
        KPI_VALUES, KpiValues.lines(reports.action(oapId, 1, "2.4"), "7")));

    RecordedReport recorded = reports.reports(oapId, 1).get("2.4");
    assertThat(recorded.kpiValues()).containsOnlyKeys("1", "2", "3", "4").containsEntry("1", "7");

    String report = text(reportDocument.pdf(oapId, 1)).replaceAll("\\s+", " ");
    String oa24Section = report.substring(report.indexOf("OA 2.4 "), report.indexOf("OA 2.5 "));
    assertThat(oa24Section).contains("Status: ongoing", "KPI Indicator Target Value", "1 Number of");
    FactSheetDocument.Figure first = factSheet.figures(oapId, 2024).figures().stream()
        .filter(f -> f.oaRef().equals("2.4") && f.kpiCode().equals("1")).findFirst().orElseThrow();
    assertThat(first.perRound()).containsExactlyEntriesOf(Map.of(1, new BigDecimal("7")));
    assertThat(text(factSheet.pdf(oapId, 2024)).replaceAll("\\s+", " ")).contains("2.4 1 Number of");
  }

  @Test
  void aReportsKpisComeBackInTheOrderOfTheirNumbersPastNine() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    ObjectNode oa = document.action(0);
    ObjectNode kpi = (ObjectNode) oa.withArray("kpis").get(0).deepCopy();
    kpi.remove("code");
    oa.withArray("kpis").removeAll();
    for (int i = 1; i <= 11; i++) {
      oa.withArray("kpis").add(kpi.deepCopy().put("indicator", "Number of operations, part " + i));
    }
    String ref = oa.get("ref").asText();
    long eleven = registry.importDocument(reader.read(document.json()), "esu").id();
    registry.changeStatus(eleven, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    String round = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + eleven + "-round-1")
        .singleResult().getId();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-09-15T00:00:01Z")));
    management.executeJob(management.createJobQuery().processInstanceId(round).activityId(TIMER_ROUND_OPENS)
        .singleResult().getId());
    Task task = new ProcessTasks(tasks, round).all(TASK_REPORT_ON_OA).stream()
        .filter(t -> t.getName().startsWith("Report on OA " + ref + ":")).findFirst().orElseThrow();

    new ProcessTasks(tasks, round).complete(task, Map.of(REPORT_STATUS, "ongoing", PROGRESS, "on track",
        KPI_VALUES, KpiValues.lines(reports.action(eleven, 1, ref), "3")));

    // not as text (1, 10, 11, 2 ...): the Driver's task and the documents list them as the OA does
    assertThat(reports.reports(eleven, 1).get(ref).kpiValues().keySet())
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    assertThat(records.round(eleven, 1).reports().get(ref).kpiValues().keySet())
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
