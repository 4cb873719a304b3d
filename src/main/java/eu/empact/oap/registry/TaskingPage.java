package eu.empact.oap.registry;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/** A tasking sheet as a plain HTML page, one per Member State or agency, ready to print. */
final class TaskingPage {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

  private TaskingPage() {}

  static String render(Tasking.Sheet sheet) {
    StringBuilder rows = new StringBuilder();
    for (Tasking.Line line : sheet.lines()) {
      rows.append("<tr><td>").append(escape(line.ref())).append("</td><td>").append(escape(line.title()))
          .append("</td><td>").append(escape(line.ledBy()))
          .append("</td><td>").append(line.role().name().replace('_', '-').toLowerCase()).append("</td><td>")
          .append(line.status().name().toLowerCase()).append("</td><td>").append(source(line)).append("</td><td>")
          .append(line.confirmedAt() == null ? "not confirmed"
              : "confirmed " + DAY.format(line.confirmedAt()) + " by " + escape(line.confirmedBy()))
          .append("</td></tr>\n");
    }
    String title = "Tasking of " + sheet.actor().name() + " (" + sheet.actor().code() + ") in OAP " + sheet.oap()
        + " REV " + sheet.revision();
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>
        </head><body>
        <h1>%s</h1>
        <p>Version status: %s. %d operational action(s).</p>
        <table><thead><tr><th>OA</th><th>Title</th><th>Led by</th><th>Role</th><th>Status</th><th>Stated</th><th>Confirmation</th></tr></thead>
        <tbody>
        %s</tbody></table>
        </body></html>
        """.formatted(escape(title), escape(title), sheet.versionStatus(), sheet.lines().size(), rows);
  }

  /** Where the participation comes from; a Member State's participation its NEC did not state is flagged. */
  private static String source(Tasking.Line line) {
    return switch (line.source()) {
      case OAP_TEXT -> "as the OAP says";
      case NEC_ANSWER -> "by " + escape(line.statedBy()) + " on " + DAY.format(line.statedAt());
      case NOT_STATED -> "<strong>not stated</strong>: no NEC answer, kept as the OAP says";
    };
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text);
  }
}
