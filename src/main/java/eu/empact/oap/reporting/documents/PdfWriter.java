package eu.empact.oap.reporting.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes A4 pages top to bottom: headings, wrapped paragraphs, rows of columns and horizontal
 * bars, starting a new page when one is full. Text the standard fonts cannot show (a character
 * outside Windows-1252) is replaced by "?" rather than failing the document.
 */
final class PdfWriter implements AutoCloseable {

  private static final float MARGIN = 56;
  private static final PDRectangle PAGE = PDRectangle.A4;

  private final PDDocument document = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream page;
  private float y;

  PdfWriter(String title, String subject) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setSubject(subject);
    info.setCreator("EMPACT OAP workflow");
    newPage();
  }

  float width() {
    return PAGE.getWidth() - 2 * MARGIN;
  }

  void heading(String text, int level) {
    float size = level == 1 ? 15 : level == 2 ? 12.5f : 11;
    space(level == 1 ? 10 : 8);
    paragraph(text, bold, size, 0);
    space(3);
  }

  void paragraph(String text) {
    for (String line : text.split("\\R", -1)) {
      paragraph(line, regular, 10, 0);
    }
    space(4);
  }

  void labelled(String label, String value) {
    float indent = Math.max(90, textWidth(safe(label + " "), bold, 10));
    ensure(13);
    write(label, bold, 10, MARGIN, y);
    List<String> lines = wrap(value == null ? "" : value, regular, 10, width() - indent);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        ensure(13);
      }
      write(lines.get(i), regular, 10, MARGIN + indent, y);
      y -= 13;
    }
  }

  /** A row of cells, each wrapped within its share of the width; {@code header} rows are bold. */
  void row(List<String> cells, float[] shares, boolean header) {
    PDType1Font font = header ? bold : regular;
    float size = 9;
    List<List<String>> wrapped = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      wrapped.add(wrap(cells.get(i) == null ? "" : cells.get(i), font, size, shares[i] * width() - 6));
    }
    int lines = wrapped.stream().mapToInt(List::size).max().orElse(1);
    ensure(lines * 11 + 4);
    float x = MARGIN;
    for (int i = 0; i < cells.size(); i++) {
      for (int line = 0; line < wrapped.get(i).size(); line++) {
        write(wrapped.get(i).get(line), font, size, x, y - line * 11);
      }
      x += shares[i] * width();
    }
    y -= lines * 11 + 2;
    line(header ? 0.8f : 0.3f);
  }

  /** A horizontal bar of coloured segments with a label before it. */
  void bar(String label, List<Float> values, List<Color> colours, float total) {
    ensure(18);
    write(label, regular, 9, MARGIN, y);
    float x = MARGIN + 70;
    float full = width() - 70;
    try {
      for (int i = 0; i < values.size(); i++) {
        float w = total == 0 ? 0 : full * values.get(i) / total;
        page.setNonStrokingColor(colours.get(i));
        page.addRect(x, y - 3, w, 11);
        page.fill();
        x += w;
      }
      page.setNonStrokingColor(Color.BLACK);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 18;
  }

  /** A square of colour and its label: the legend of a bar chart. */
  void legend(List<String> labels, List<Color> colours) {
    float x = MARGIN;
    ensure(14);
    try {
      for (int i = 0; i < labels.size(); i++) {
        float w = textWidth(safe(labels.get(i)), regular, 8) + 22;
        if (x + w > MARGIN + width()) {
          x = MARGIN;
          y -= 13;
          ensure(14);
        }
        page.setNonStrokingColor(colours.get(i));
        page.addRect(x, y - 1, 8, 8);
        page.fill();
        page.setNonStrokingColor(Color.BLACK);
        write(labels.get(i), regular, 8, x + 11, y);
        x += w;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 16;
  }

  void space(float points) {
    y -= points;
  }

  byte[] bytes() {
    try {
      page.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void paragraph(String text, PDType1Font font, float size, float indent) {
    for (String line : wrap(text, font, size, width() - indent)) {
      ensure(size + 3);
      write(line, font, size, MARGIN + indent, y);
      y -= size + 3;
    }
  }

  private void line(float thickness) {
    try {
      page.setLineWidth(thickness);
      page.moveTo(MARGIN, y + 8);
      page.lineTo(MARGIN + width(), y + 8);
      page.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= 2;
  }

  private void write(String text, PDType1Font font, float size, float x, float atY) {
    try {
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(x, atY);
      page.showText(safe(text));
      page.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ensure(float height) {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (page != null) {
        page.close();
      }
      PDPage next = new PDPage(PAGE);
      document.addPage(next);
      page = new PDPageContentStream(document, next);
      y = PAGE.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> wrap(String text, PDType1Font font, float size, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : safe(text).split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (line.isEmpty() || textWidth(candidate, font, size) <= width) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static float textWidth(String text, PDType1Font font, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps what Windows-1252 (the standard fonts' encoding) has; tabs and line breaks become spaces. */
  private String safe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      String s = new String(Character.toChars(Character.isWhitespace(c) ? ' ' : c));
      out.append(regular.getEncoding().contains(unicodeName(s)) ? s : "?");
    });
    return out.toString();
  }

  private String unicodeName(String character) {
    return org.apache.pdfbox.pdmodel.font.encoding.GlyphList.getAdobeGlyphList().codePointToName(character.codePointAt(0));
  }
}
