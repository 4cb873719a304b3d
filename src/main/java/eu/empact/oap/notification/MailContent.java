package eu.empact.oap.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.web.util.HtmlUtils;

/** The text, HTML and calendar entry of a task notice: which task, by when, and a link to it. */
final class MailContent {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final TaskNotice notice;
  private final String link;

  MailContent(TaskNotice notice, String tasklistUrl) {
    this.notice = notice;
    String tasklist = tasklistUrl + (tasklistUrl.endsWith("/") ? "" : "/");
    this.link = notice.kind().aboutTask() ? tasklist + "#/?task=" + notice.taskId() : tasklist;
  }

  String subject(String prefix) {
    String what = switch (notice.kind()) {
      case REMINDER -> "Reminder: ";
      case OVERDUE -> "Overdue: ";
      case LATE -> "Late: ";
      case EXHORTATION, EXCLUSION -> "";
    };
    return (prefix == null || prefix.isBlank() ? "" : prefix.trim() + " ") + what + notice.taskName() + due(" (due ", ")");
  }

  String text(String recipientName) {
    return """
        Dear %s,

        %s

        %s: %s
        Due: %s
        %s
        Open it in Tasklist: %s

        This message was sent by the EMPACT OAP workflow.
        """.formatted(recipientName, sentence(), subjectLabel(), notice.taskName(), dueText(),
        notice.details() == null ? "" : notice.details() + "\n", link);
  }

  String html(String recipientName) {
    return """
        <html><body style="font-family:sans-serif">
        <p>Dear %s,</p>
        <p>%s</p>
        <table><tr><th align="left">%s</th><td>%s</td></tr><tr><th align="left">Due</th><td>%s</td></tr></table>
        <p style="white-space:pre-line">%s</p>
        <p><a href="%s">Open Tasklist</a></p>
        <p style="color:#666">This message was sent by the EMPACT OAP workflow.</p>
        </body></html>
        """.formatted(HtmlUtils.htmlEscape(recipientName), HtmlUtils.htmlEscape(sentence()), subjectLabel(),
        HtmlUtils.htmlEscape(notice.taskName()), HtmlUtils.htmlEscape(dueText()),
        notice.details() == null ? "" : HtmlUtils.htmlEscape(notice.details()), HtmlUtils.htmlEscape(link));
  }

  /** An RFC 5545 calendar entry for the deadline, or null when the task has no due date. */
  String calendar(Instant now) {
    if (notice.dueDate() == null) {
      return null;
    }
    return String.join("\r\n",
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EMPACT OAP workflow//EN", "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:" + notice.taskId() + "@empact-oap",
        "DTSTAMP:" + ICS.format(now.truncatedTo(ChronoUnit.SECONDS)),
        "DTSTART:" + ICS.format(notice.dueDate()),
        "DTEND:" + ICS.format(notice.dueDate().plus(1, ChronoUnit.HOURS)),
        "SUMMARY:" + escape("Due: " + notice.taskName()),
        "DESCRIPTION:" + escape("Open it in Tasklist: " + link),
        "URL:" + link,
        "END:VEVENT", "END:VCALENDAR", "");
  }

  String link() {
    return link;
  }

  /** "Task" for a notice about a task; "About" for an exhortation or an exclusion. */
  private String subjectLabel() {
    return notice.kind().aboutTask() ? "Task" : "About";
  }

  private String sentence() {
    return switch (notice.kind()) {
      case REMINDER -> "This task is waiting for you" + due(" and is due on ", ".");
      case OVERDUE -> "This task is past its due date and still open.";
      case LATE -> "A task of your OAP is past its due date and still open.";
      case EXHORTATION -> "The Driver of the OAP exhorts you to meet the commitments below"
          + due(" by ", ": answer in Tasklist (deliver what is missing, or explain).");
      case EXCLUSION -> "Under the exclusion clause, a participant of the OAP is considered no longer participant.";
    };
  }

  private String due(String before, String after) {
    return notice.dueDate() == null ? "" : before + DAY.format(notice.dueDate()) + after;
  }

  private String dueText() {
    return notice.dueDate() == null ? "no due date" : DAY.format(notice.dueDate());
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }
}
