package eu.empact.oap.reporting.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The documents' PDF layout, without Spring or a registry: what is written can be read back. */
class PdfWriterTest {

  @Test
  void writesHeadingsParagraphsLabelsAndRowsThatReadBack() throws IOException {
    byte[] pdf;
    try (PdfWriter writer = new PdfWriter("Round 1 report", "OAP Migrant smuggling 2024-2025")) {
      writer.heading("Round 1 (Q1-Q2 2024)", 1);
      writer.paragraph("First line\nsecond line");
      writer.labelled("Driver", "DE");
      writer.row(List.of("OA", "Status"), new float[] {0.3f, 0.7f}, true);
      writer.row(List.of("2.4", "ongoing"), new float[] {0.3f, 0.7f}, false);
      writer.bar("2024", List.of(2f, 1f), List.of(Color.BLUE, Color.GRAY), 3);
      writer.legend(List.of("done", "ongoing"), List.of(Color.BLUE, Color.GRAY));
      pdf = writer.bytes();
    }

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Round 1 report");
      assertThat(document.getDocumentInformation().getSubject()).isEqualTo("OAP Migrant smuggling 2024-2025");
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
          .contains("Round 1 (Q1-Q2 2024)", "First line", "second line", "Driver DE", "OA Status", "2.4 ongoing",
              "done", "ongoing");
    }
  }

  @Test
  void aLongTextWrapsAndContinuesOnANewPage() throws IOException {
    String words = "Europol supports the operational action with analysis and coordination. ".repeat(400);
    byte[] pdf;
    try (PdfWriter writer = new PdfWriter("long", "long")) {
      writer.paragraph(words);
      pdf = writer.bytes();
    }

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      String text = new PDFTextStripper().getText(document);
      assertThat(text.split("analysis and coordination", -1)).hasSize(401);
    }
  }

  @Test
  void aCharacterTheStandardFontsLackBecomesAQuestionMarkInsteadOfFailing() throws IOException {
    byte[] pdf;
    try (PdfWriter writer = new PdfWriter("chars", "chars")) {
      writer.paragraph("Łódź café \u4e2d\tend");
      pdf = writer.bytes();
    }

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(document)).contains("?ód? café ? end");
    }
  }
}
