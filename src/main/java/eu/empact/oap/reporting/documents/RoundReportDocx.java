package eu.empact.oap.reporting.documents;

import eu.empact.oap.reporting.documents.RoundReportDocument.Action;
import eu.empact.oap.reporting.documents.RoundReportDocument.Goal;
import eu.empact.oap.reporting.documents.RoundReportDocument.KpiRow;
import eu.empact.oap.reporting.documents.RoundReportDocument.Line;
import eu.empact.oap.reporting.documents.RoundReportDocument.RoundReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The round's report as a Word document (Apache POI), for the COSI secretariat to edit: the same
 * {@link RoundReport} and order as the PDF's template, with Word's own heading styles (Heading 1
 * to 3, so that the navigation pane and a table of contents find them), tables for the cover note,
 * the facts and the KPIs, and the Council document number and the marking in the header and footer
 * of every page.
 */
final class RoundReportDocx {

  private static final String[] HEADINGS = {"Heading1", "Heading2", "Heading3"};
  private static final int[] HEADING_SIZES = {28, 23, 20};

  private RoundReportDocx() {}

  static byte[] write(RoundReport report) {
    try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      docx.getProperties().getCoreProperties().setTitle(clean(report.subject()));
      docx.getProperties().getCoreProperties().setSubjectProperty(clean(report.oap()));
      docx.getProperties().getCoreProperties().setCreator("EMPACT OAP workflow");
      headingStyles(docx);
      headerAndFooter(docx, report.header());
      councilBlock(docx, report.header());

      heading(docx, "COVER NOTE", 1);
      lines(docx, report.coverNote());
      XWPFParagraph online = docx.createParagraph();
      online.createRun().setText("Online: ");
      XWPFRun link = online.createHyperlinkRun(report.link());
      link.setText(report.link());
      link.setUnderline(UnderlinePatterns.SINGLE);

      heading(docx, "Summary", 2);
      paragraph(docx, report.counts());
      report.perStatus().forEach(line -> paragraph(docx, line.label() + " " + line.value()));
      if (!report.addenda().isEmpty()) {
        heading(docx, "Addenda", 2);
        paragraph(docx, report.addendaNote());
        report.addenda().forEach(late -> paragraph(docx, late));
      }

      for (Goal goal : report.goals()) {
        heading(docx, goal.heading(), 1);
        heading(docx, "Driver's assessment", 3);
        paragraph(docx, goal.assessment());
        for (Action oa : goal.actions()) {
          heading(docx, oa.heading(), 2);
          lines(docx, oa.facts());
          if (!oa.kpis().isEmpty()) {
            kpis(docx, oa.kpis());
          }
        }
      }
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Word's built-in headings (ids Heading1..3, names "heading 1".."heading 3"), with their outline levels. */
  private static void headingStyles(XWPFDocument docx) {
    XWPFStyles styles = docx.createStyles();
    for (int i = 0; i < HEADINGS.length; i++) {
      CTStyle style = CTStyle.Factory.newInstance();
      style.setStyleId(HEADINGS[i]);
      style.setType(STStyleType.PARAGRAPH);
      style.addNewName().setVal("heading " + (i + 1));
      style.addNewUiPriority().setVal(BigInteger.valueOf(9));
      style.addNewQFormat();
      CTPPrGeneral paragraph = style.addNewPPr();
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(i));
      paragraph.addNewKeepNext();
      paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240 - 60L * i));
      CTRPr run = style.addNewRPr();
      run.addNewB();
      run.addNewSz().setVal(BigInteger.valueOf(HEADING_SIZES[i]));
      styles.addStyle(new XWPFStyle(style, styles));
    }
  }

  /** The number and the marking at the top of every page; the number, the page and the marking at the bottom. */
  private static void headerAndFooter(XWPFDocument docx, CouncilHeader council) {
    XWPFHeader header = docx.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph top = header.createParagraph();
    top.createRun().setText(clean(council.numberOrDraft()));
    marking(header, council);
    XWPFFooter footer = docx.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph bottom = footer.createParagraph();
    bottom.createRun().setText(clean(council.numberOrDraft()) + ", page ");
    CTSimpleField page = bottom.getCTP().addNewFldSimple();
    page.setInstr("PAGE \\* MERGEFORMAT");
    page.addNewR().addNewT().setStringValue("1");
    bottom.createRun().setText(", EN");
    marking(footer, council);
  }

  /** The marking, bold on the right, if the document has one. */
  private static void marking(XWPFHeaderFooter part, CouncilHeader council) {
    if (council.marking() != null) {
      XWPFParagraph marking = part.createParagraph();
      marking.setAlignment(ParagraphAlignment.RIGHT);
      XWPFRun run = marking.createRun();
      run.setBold(true);
      run.setText(clean(council.marking()));
    }
  }

  private static void councilBlock(XWPFDocument docx, CouncilHeader council) {
    XWPFParagraph issuer = docx.createParagraph();
    XWPFRun name = issuer.createRun();
    name.setFontSize(13);
    name.setText("Council of the European Union");
    for (String line : council.marking() == null
        ? List.of(council.dated(), "(OR. en)", council.numberOrDraft())
        : List.of(council.dated(), "(OR. en)", council.numberOrDraft(), council.marking())) {
      XWPFParagraph paragraph = docx.createParagraph();
      paragraph.setAlignment(ParagraphAlignment.RIGHT);
      paragraph.setSpacingAfter(0);
      XWPFRun run = paragraph.createRun();
      run.setBold(line.equals(council.numberOrDraft()) || line.equals(council.marking()));
      run.setText(clean(line));
    }
  }

  private static void heading(XWPFDocument docx, String text, int level) {
    XWPFParagraph paragraph = docx.createParagraph();
    paragraph.setStyle(HEADINGS[level - 1]);
    paragraph.createRun().setText(clean(text));
  }

  private static void paragraph(XWPFDocument docx, String text) {
    XWPFParagraph paragraph = docx.createParagraph();
    written(paragraph.createRun(), text);
  }

  /** Label and value, one row each. */
  private static void lines(XWPFDocument docx, List<Line> lines) {
    XWPFTable table = docx.createTable(lines.size(), 2);
    for (int i = 0; i < lines.size(); i++) {
      XWPFTableRow row = table.getRow(i);
      XWPFRun label = row.getCell(0).getParagraphs().get(0).createRun();
      label.setBold(true);
      label.setText(clean(lines.get(i).label()));
      written(row.getCell(1).getParagraphs().get(0).createRun(), lines.get(i).value());
    }
    docx.createParagraph();
  }

  private static void kpis(XWPFDocument docx, List<KpiRow> kpis) {
    XWPFTable table = docx.createTable(kpis.size() + 1, 4);
    List<String> titles = List.of("KPI", "Indicator", "Target", "Value");
    for (int column = 0; column < titles.size(); column++) {
      XWPFRun run = table.getRow(0).getCell(column).getParagraphs().get(0).createRun();
      run.setBold(true);
      run.setText(titles.get(column));
    }
    table.getRow(0).setRepeatHeader(true);
    for (int i = 0; i < kpis.size(); i++) {
      KpiRow kpi = kpis.get(i);
      List<String> cells = List.of(kpi.code(), kpi.indicator(), kpi.target(), kpi.value());
      for (int column = 0; column < cells.size(); column++) {
        written(table.getRow(i + 1).getCell(column).getParagraphs().get(0).createRun(), cells.get(column));
      }
    }
    docx.createParagraph();
  }

  /** Text as written, its line breaks kept. */
  private static void written(XWPFRun run, String text) {
    String[] lines = clean(text == null ? "" : text).split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i], i);
    }
  }

  private static String clean(String text) {
    return DocumentRenderer.xml(text);
  }
}
