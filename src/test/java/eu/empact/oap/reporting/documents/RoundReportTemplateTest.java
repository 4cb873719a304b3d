package eu.empact.oap.reporting.documents;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.reporting.documents.RoundReportDocument.Action;
import eu.empact.oap.reporting.documents.RoundReportDocument.Goal;
import eu.empact.oap.reporting.documents.RoundReportDocument.KpiRow;
import eu.empact.oap.reporting.documents.RoundReportDocument.Line;
import eu.empact.oap.reporting.documents.RoundReportDocument.RoundReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * The round report's template and its DOCX edition, without Spring or a registry: a report long
 * enough for several pages, with letters outside Windows-1252, rendered and read back with PDFBox
 * and Apache POI.
 */
class RoundReportTemplateTest {

  private static final String MARKING = "RESTREINT UE/EU RESTRICTED";
  private static final CouncilHeader HEADER = new CouncilHeader("15020/24", LocalDate.of(2024, 10, 15), MARKING);

  private final DocumentRenderer renderer = new DocumentRenderer();

  @Test
  void thePdfKeepsEveryLetterInAnEmbeddedFontAndMarksEveryPageWithTheCouncilHeader() throws IOException {
    byte[] pdf = renderer.pdf("round-report", Map.of("report", report(HEADER)));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("EMPACT Migrant smuggling 2024-2025 - Driver's report, round 1 (January-June 2024)");
      assertThat(document.getDocumentInformation().getSubject()).isEqualTo("Operational Action Plan Migrant smuggling 2024-2025");
      assertThat(document.getNumberOfPages()).isGreaterThan(2);
      String all = flat(new PDFTextStripper().getText(document));
      assertThat(all).contains("Council of the European Union", "Brussels, 15 October 2024", "(OR. en)",
          "COVER NOTE", "To: COSI Support Group", "Council doc.: 15020/24",
          "OA 1.1 Joint action days in Łódź and Gdańsk", "Leader: PL", "Progress: Ελληνική Αστυνομία joined; Ærø, Šibenik",
          "KPI Indicator Target Value", "a Number of arrests in Łódź 80 12", "Online: https://empact.example.eu/oaps/7/rounds/1",
          // a control character, which XML cannot carry, shows as the replacement character
          "Comments: before\uFFFDafter");
      assertThat(all).doesNotContain("?ód?");
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = flat(stripper.getText(document));
        assertThat(text).as("page %d", page).contains(MARKING, "15020/24, page " + page + " of "
            + document.getNumberOfPages() + ", EN");
        assertThat(text.split(MARKING, -1).length - 1).as("the marking at the top and the bottom of page %d", page)
            .isGreaterThanOrEqualTo(2);
        for (var name : document.getPage(page - 1).getResources().getFontNames()) {
          PDFont font = document.getPage(page - 1).getResources().getFont(name);
          assertThat(font.getName()).as("the fonts of page %d", page).contains("DejaVuSans");
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void aReportWithoutACouncilDocumentOrClassificationSaysSoAndPrintsNoMarking() throws IOException {
    CouncilHeader draft = new CouncilHeader(null, LocalDate.of(2024, 9, 30), null);

    try (PDDocument document = Loader.loadPDF(renderer.pdf("round-report", Map.of("report", report(draft))))) {
      String text = flat(new PDFTextStripper().getText(document));
      assertThat(text).contains("Brussels, 30 September 2024", "Draft: no Council document number yet, page 1 of")
          .doesNotContain("LIMITE", "RESTREINT");
    }
  }

  @Test
  void theDocxHasTheHeadingsTheTablesAndTheFiguresAndTheMarkingInItsHeaderAndFooter() throws IOException {
    byte[] docx = RoundReportDocx.write(report(HEADER));

    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(document.getProperties().getCoreProperties().getTitle())
          .isEqualTo("EMPACT Migrant smuggling 2024-2025 - Driver's report, round 1 (January-June 2024)");
      List<String> headings = document.getParagraphs().stream()
          .filter(p -> p.getStyle() != null && p.getStyle().startsWith("Heading"))
          .map(p -> p.getStyle() + " " + p.getText()).toList();
      assertThat(headings).startsWith("Heading1 COVER NOTE", "Heading2 Summary", "Heading1 SG 1 Criminal intelligence picture",
          "Heading3 Driver's assessment", "Heading2 OA 1.1 Joint action days in Łódź and Gdańsk");
      assertThat(headings).contains("Heading1 SG 6 Goal 6", "Heading2 OA 6.4 Action 6.4");
      assertThat(document.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
      assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
          .contains("Council of the European Union", "Brussels, 15 October 2024", "15020/24", MARKING,
              "Operational actions planned: 24. Reported: 23. Missing: 1 (OA 2.4).", "ongoing: 23",
              "Assessment of goal 1:\non track in Łódź.");
      XWPFTable cover = document.getTables().get(0);
      assertThat(cover.getRow(2).getCell(0).getText()).isEqualTo("Council doc.:");
      assertThat(cover.getRow(2).getCell(1).getText()).isEqualTo("15020/24");
      XWPFTable kpis = document.getTables().get(2);
      assertThat(kpis.getRows()).extracting(row -> row.getTableCells().stream().map(c -> c.getText()).toList())
          .containsExactly(List.of("KPI", "Indicator", "Target", "Value"),
              List.of("a", "Number of arrests in Łódź", "80", "12"),
              List.of("b", "Number of Joint Action Days", "-", "not available"));
      assertThat(document.getHeaderList().get(0).getText()).contains("15020/24", MARKING);
      assertThat(document.getFooterList().get(0).getText()).contains("15020/24, page", MARKING);
    }
  }

  /** Six goals of four OAs each; OA 1.1 is written in Polish, Greek and Danish letters, OA 2.4 missed. */
  static RoundReport report(CouncilHeader header) {
    List<Goal> goals = new ArrayList<>();
    for (int goal = 1; goal <= 6; goal++) {
      List<Action> actions = new ArrayList<>();
      for (int oa = 1; oa <= 4; oa++) {
        String ref = goal + "." + oa;
        boolean first = ref.equals("1.1");
        List<Line> facts = ref.equals("2.4") ? List.of(new Line("Leader:", "IT"), new Line("Status:", "missed"))
            : List.of(new Line("Leader:", first ? "PL" : "DE"), new Line("Status:", "ongoing"),
                new Line("Progress:", first ? "Ελληνική Αστυνομία joined; Ærø, Šibenik" : "on track"),
                new Line("Comments:", "before\u0001after"));
        actions.add(new Action("OA " + ref + " " + (first ? "Joint action days in Łódź and Gdańsk" : "Action " + ref),
            "https://empact.example.eu/oaps/7#oa-" + ref, facts, List.of(
                new KpiRow("a", first ? "Number of arrests in Łódź" : "Number of arrests", "80", "12"),
                new KpiRow("b", "Number of Joint Action Days", "-", "not available"))));
      }
      goals.add(new Goal("SG " + goal + " " + (goal == 1 ? "Criminal intelligence picture" : "Goal " + goal),
          goal == 1 ? "Assessment of goal 1:\non track in Łódź." : "Assessment of goal " + goal + ".", actions));
    }
    List<Line> cover = List.of(new Line("From:", "Driver of the OAP Migrant smuggling 2024-2025 (DE)"),
        new Line("To:", "COSI Support Group"), new Line("Council doc.:", "15020/24"),
        new Line("Subject:", "EMPACT Migrant smuggling 2024-2025 - Driver's report, round 1 (January-June 2024)"));
    return new RoundReport(header, "EMPACT Migrant smuggling 2024-2025 - Driver's report, round 1 (January-June 2024)",
        "Operational Action Plan Migrant smuggling 2024-2025", "https://empact.example.eu/oaps/7/rounds/1", cover,
        "Operational actions planned: 24. Reported: 23. Missing: 1 (OA 2.4).", List.of(new Line("ongoing:", "23")),
        null, List.of(), goals);
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
