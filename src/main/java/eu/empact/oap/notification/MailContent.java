package eu.empact.oap.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The text, HTML and calendar entry of a notice: which task, by when, and a link ({@link MailLinks})
 * to where its recipient acts on it. A due date is worded as the end of the day (UTC) it falls on,
 * "due by the end of 14 March 2026", and is an all-day entry on that day in the calendar.
 */
final class MailContent {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter ICS_DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final TaskNotice notice;
  private final String link;

  MailContent(TaskNotice notice, String link) {
    this.notice = notice;
    this.link = link;
  }

  static String subject(TaskNotice notice, String prefix) {
    String what = switch (notice.kind()) {
      case NEW_TASK -> "New task: ";
      case REMINDER -> "Reminder: ";
      case OVERDUE -> "Overdue: ";
      case LATE -> "Late: ";
      case EXHORTATION, EXCLUSION, ACCOUNT -> "";
    };
    return (prefix == null || prefix.isBlank() ? "" : prefix.trim() + " ") + what + notice.taskName()
        + due(notice, " (due by the end of ", ")");
  }

  String text(String recipientName) {
    return """
        Dear %s,

        %s

        %s: %s
        Due: %s
        %s
        %s: %s

        This message was sent by the EMPACT OAP workflow.
        """.formatted(recipientName, sentence(), subjectLabel(), notice.taskName(), dueText(),
        notice.details() == null ? "" : notice.details() + "\n", linkLabel(), link);
  }

  String html(String recipientName) {
    return """
        <html><body style="font-family:sans-serif">
        <p>Dear %s,</p>
        <p>%s</p>
        <table><tr><th align="left">%s</th><td>%s</td></tr><tr><th align="left">Due</th><td>%s</td></tr></table>
        <p style="white-space:pre-line">%s</p>
        <p><a href="%s">%s</a></p>
        <p style="color:#666">This message was sent by the EMPACT OAP workflow.</p>
        </body></html>
        """.formatted(HtmlUtils.htmlEscape(recipientName), HtmlUtils.htmlEscape(sentence()), subjectLabel(),
        HtmlUtils.htmlEscape(notice.taskName()), HtmlUtils.htmlEscape(dueText()),
        notice.details() == null ? "" : HtmlUtils.htmlEscape(notice.details()), HtmlUtils.htmlEscape(link),
        linkLabel());
  }

  /** An RFC 5545 calendar entry for the day the task is due, all day; null when the task has no due date. */
  String calendar(Instant now) {
    if (notice.dueDate() == null || notice.kind() == TaskNotice.Kind.ACCOUNT) {
      return null;
    }
    LocalDate day = day(notice.dueDate());
    return String.join("\r\n",
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EMPACT OAP workflow//EN", "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:" + notice.taskId() + "@empact-oap",
        "DTSTAMP:" + ICS.format(now.truncatedTo(ChronoUnit.SECONDS)),
        "DTSTART;VALUE=DATE:" + ICS_DAY.format(day),
        "DTEND;VALUE=DATE:" + ICS_DAY.format(day.plusDays(1)),
        "SUMMARY:" + escape("Due: " + notice.taskName()),
        "DESCRIPTION:" + escape(linkLabel() + ": " + link),
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

  private String linkLabel() {
    return switch (notice.kind()) {
      case NEW_TASK, REMINDER, OVERDUE -> "Open it in Tasklist";
      case EXHORTATION -> "Answer in Tasklist";
      case LATE -> "Who is late";
      case EXCLUSION -> "The OAP";
      case ACCOUNT -> "Set your password";
    };
  }

  private String sentence() {
    return switch (notice.kind()) {
      case NEW_TASK -> "A new task is waiting for you" + due(notice, "; it is due by the end of ", ".");
      case REMINDER -> "This task is waiting for you" + due(notice, " and is due by the end of ", ".");
      case OVERDUE -> "This task is past its due date and still open.";
      case LATE -> "Tasks of your OAP are past their due date and still open; the people they are for have been "
          + "reminded.";
      case EXHORTATION -> "The Driver of the OAP exhorts you to meet the commitments below"
          + due(notice, " by the end of ", ": answer in Tasklist (deliver what is missing, or explain).");
      case EXCLUSION -> "Under the exclusion clause, a participant of the OAP is considered no longer participant.";
      case ACCOUNT -> "You have been named in the people of an OAP of the EMPACT OAP workflow and have an account: set "
          + "your password with the link below" + due(notice, " by the end of ", " (it works once).");
    };
  }

  private static String due(TaskNotice notice, String before, String after) {
    return notice.dueDate() == null ? "" : before + DAY.format(day(notice.dueDate())) + after;
  }

  private String dueText() {
    return notice.dueDate() == null ? "no due date" : "by the end of " + DAY.format(day(notice.dueDate()));
  }

  /** The day a due date falls on, in UTC as every date the application shows. */
  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
  }
}
