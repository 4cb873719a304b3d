package eu.empact.oap.reporting.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.notification.PublicUrl;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The documents the Council would file, generated from the registry and read back: an OAP marked
 * "RESTREINT UE/EU RESTRICTED" whose first OA meets in Łódź, reported on in both rounds of 2024;
 * round 1 went to COSI Support Group as 15020/24 on 21 October 2024, round 2 (the annual one) as
 * 5101/25 on 10 April 2025.
 */
@ProcessTestContext
class CouncilDocumentsTest {

  private static final String MARKING = "RESTREINT UE/EU RESTRICTED";

  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired ReportingRounds rounds;
  @Autowired OaReports reports;
  @Autowired DriverReports drivers;
  @Autowired RoundReportDocument reportDocument;
  @Autowired FactSheetDocument factSheet;
  @Autowired PublicUrl publicUrl;

  long oapId;
  String first;

  @BeforeEach
  void reportTwoRoundsOfAnOapMarkedRestricted() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.root().put("classification", MARKING);
    document.action(0).put("title", "Joint action days in Łódź and Gdańsk");
    first = document.action(0).get("ref").asText();
    oapId = registry.importDocument(reader.read(document.json()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    for (int round : List.of(1, 2)) {
      rounds.open(oapId, round);
      for (OapDocument.OperationalAction oa : reports.actions(oapId, round)) {
        reports.submit(oapId, round, new OaReport(oa.ref(), "ongoing", oa.ref().equals(first)
            ? "Two joint action days in Łódź; the Ελληνική Αστυνομία joined" : "on track",
            KpiValues.of(oa, String.valueOf(round * 4)), null, null, null), "al");
      }
      drivers.write(oapId, round, drivers.goals(oapId, round).stream()
          .map(goal -> "## SG " + goal.number() + "\nGoal " + goal.number() + " is on track.")
          .collect(Collectors.joining("\n")), "driver");
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-10-21T09:00:00Z")));
    rounds.submitToCosi(oapId, 1, "15020/24", "COSI Support Group", "cosi");
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-04-10T09:00:00Z")));
    rounds.submitToCosi(oapId, 2, "5101/25", "COSI", "cosi");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theRoundsReportPrintsEveryLetterAndTheCouncilHeaderAndTheMarkingOnEveryPage() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(reportDocument.pdf(oapId, 1))) {
      String text = flat(new PDFTextStripper().getText(pdf));

      assertThat(text).contains("Council of the European Union", "Brussels, 21 October 2024", "(OR. en)",
          "Council doc.: 15020/24", "OA " + first + " Joint action days in Łódź and Gdańsk",
          "Progress: Two joint action days in Łódź; the Ελληνική Αστυνομία joined",
          "Online: " + publicUrl.base() + "/oaps/" + oapId + "/rounds/1");
      assertThat(text).doesNotContain("?ód?");
      assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
      everyPageIsMarked(pdf, "15020/24");
    }
  }

  @Test
  void theRoundsReportAsDocxHasTheHeadingsTheFiguresAndTheMarking() throws IOException {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(reportDocument.docx(oapId, 1)))) {
      List<String> headings = docx.getParagraphs().stream()
          .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
          .map(p -> p.getStyle() + " " + p.getText()).toList();
      assertThat(headings).startsWith("Heading1 COVER NOTE", "Heading2 Summary",
          "Heading1 SG 1 Criminal intelligence picture", "Heading3 Driver's assessment",
          "Heading2 OA " + first + " Joint action days in Łódź and Gdańsk");
      assertThat(headings).contains("Heading1 SG 8 " + registry.content(oapId, 0).strategicGoals().get(7).title());
      assertThat(headings.stream().filter(h -> h.startsWith("Heading2 OA "))).hasSize(26);
      assertThat(docx.getParagraphs()).extracting(XWPFParagraph::getText)
          .contains("Brussels, 21 October 2024", "15020/24", MARKING,
              "Operational actions planned: 26. Reported: 26. Missing: none.", "ongoing: 26", "Goal 1 is on track.");
      XWPFTable firstKpis = docx.getTables().get(2);
      assertThat(firstKpis.getRow(0).getTableCells()).extracting(c -> c.getText())
          .containsExactly("KPI", "Indicator", "Target", "Value");
      assertThat(firstKpis.getRow(1).getCell(0).getText()).isEqualTo("a");
      assertThat(firstKpis.getRow(1).getCell(3).getText()).isEqualTo("4");
      assertThat(docx.getHeaderList().get(0).getText()).contains("15020/24", MARKING);
      assertThat(docx.getFooterList().get(0).getText()).contains(MARKING);
    }
  }

  @Test
  void theFactSheetCarriesTheAnnualRoundsCouncilDocumentAndTheMarkingOnEveryPage() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(factSheet.pdf(oapId, 2024))) {
      String text = flat(new PDFTextStripper().getText(pdf));

      assertThat(text).contains("Brussels, 10 April 2025", "5101/25", "Figures per OA and KPI",
          "Round 1: " + publicUrl.base() + "/api/oaps/" + oapId + "/rounds/1/report.pdf",
          "Round 2: " + publicUrl.base() + "/api/oaps/" + oapId + "/rounds/2/report.pdf");
      everyPageIsMarked(pdf, "5101/25");
    }
  }

  @Test
  void theFactSheetAcrossOapsIsMarkedWithTheHighestOfTheirMarkings() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(factSheet.allOapsPdf(2024))) {
      assertThat(flat(new PDFTextStripper().getText(pdf))).contains("Draft: no Council document number yet",
          "Status of the OAs per round - " + registry.summary(oapId).displayName());
      everyPageIsMarked(pdf, "Draft: no Council document number yet");
    }
  }

  /** The number at the top and the bottom ("n, page 2 of 5, EN"), the marking at the top and the bottom. */
  private static void everyPageIsMarked(PDDocument pdf, String number) throws IOException {
    for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      String text = flat(stripper.getText(pdf));
      assertThat(text).as("page %d", page).startsWith(number + " " + MARKING)
          .contains(number + ", page " + page + " of " + pdf.getNumberOfPages() + ", EN");
      assertThat(text.split(MARKING, -1).length - 1).as("markings on page %d", page).isGreaterThanOrEqualTo(2);
    }
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
