package eu.empact.oap.reporting.documents;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a document's template ({@code templates/documents/<name>.html}, Thymeleaf) to PDF with
 * openhtmltopdf, in DejaVu Sans embedded (every letter of the EU's languages: "Łódź" stays
 * "Łódź"). The templates put the Council header and the classification marking on every page
 * ({@code council.html}); they load nothing from outside: no image, style sheet or font by URL
 * (ADR 0015).
 */
@Component
public class DocumentRenderer {

  /** The family the templates ask for. */
  static final String FONT = "DejaVu Sans";
  /** What XML 1.0 cannot carry (control characters, half a surrogate pair): shown as U+FFFD. */
  private static final Pattern NOT_XML = Pattern.compile(
      "[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

  private final SpringTemplateEngine templates = new SpringTemplateEngine();
  /** The fonts' metrics, read once rather than for every document. */
  private final FSCacheEx<String, FSCacheValue> fontMetrics = new FSDefaultCacheStore();
  private final byte[] regular = font("DejaVuSans.ttf");
  private final byte[] bold = font("DejaVuSans-Bold.ttf");

  public DocumentRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/documents/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    templates.setTemplateResolver(resolver);
  }

  /** The template filled with the variables: XHTML that an XML parser reads. */
  String html(String template, Map<String, Object> variables) {
    Context context = new Context(Locale.ENGLISH, variables);
    return xml(templates.process(template, context));
  }

  /** The text with what XML 1.0 cannot carry shown as U+FFFD (null stays null). */
  static String xml(String text) {
    return text == null ? null : NOT_XML.matcher(text).replaceAll("\uFFFD");
  }

  /** The template filled with the variables, as a PDF. */
  public byte[] pdf(String template, Map<String, Object> variables) {
    String html = html(template, variables);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PdfRendererBuilder()
          .useFastMode()
          .useUnicodeLineBreaker(new SpaceBreaker())
          .useCacheStore(CacheStore.PDF_FONT_METRICS, fontMetrics)
          .useFont(() -> stream(regular), FONT, 400, FontStyle.NORMAL, true)
          .useFont(() -> stream(bold), FONT, 700, FontStyle.NORMAL, true)
          .useExternalResourceAccessControl((uri, type) -> false,
              ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
          .withProducer("EMPACT OAP workflow")
          .withHtmlContent(html, null)
          .toStream(out)
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static InputStream stream(byte[] font) {
    return new ByteArrayInputStream(font);
  }

  private static byte[] font(String file) {
    try (InputStream in = DocumentRenderer.class.getResourceAsStream("/fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the font fonts/" + file + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
