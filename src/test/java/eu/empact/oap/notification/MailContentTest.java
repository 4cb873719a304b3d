package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.notification.TaskNotice.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a notice mail says, without Spring or SMTP: subject, text, HTML and calendar entry. */
class MailContentTest {

  static final Instant DUE = Instant.parse("2024-03-31T17:00:00Z");
  static final String TASKLIST = "https://empact.example/camunda/app/tasklist/default";

  static TaskNotice notice(Kind kind, Instant due, String details) {
    return new TaskNotice(kind, 1, 7L, "task-42", "Report on OA 2.4, round 1", due, null, List.of("nec-FR"), details);
  }

  @Test
  void aReminderNamesTheTaskAndItsDueDateAndLinksToTheTask() {
    MailContent mail = new MailContent(notice(Kind.REMINDER, DUE, null), TASKLIST);

    assertThat(mail.subject("[EMPACT]"))
        .isEqualTo("[EMPACT] Reminder: Report on OA 2.4, round 1 (due Sunday 31 March 2024, 17:00 UTC)");
    assertThat(mail.link()).isEqualTo(TASKLIST + "/#/?task=task-42");
    assertThat(mail.text("Nec Fr")).contains("Dear Nec Fr,",
        "This task is waiting for you and is due on Sunday 31 March 2024, 17:00 UTC.",
        "Task: Report on OA 2.4, round 1", "Due: Sunday 31 March 2024, 17:00 UTC",
        "Open it in Tasklist: " + TASKLIST + "/#/?task=task-42");
  }

  @Test
  void eachKindHasItsOwnSubject() {
    assertThat(new MailContent(notice(Kind.OVERDUE, DUE, null), TASKLIST).subject(null))
        .startsWith("Overdue: Report on OA 2.4");
    assertThat(new MailContent(notice(Kind.LATE, DUE, null), TASKLIST).subject(" "))
        .startsWith("Late: Report on OA 2.4");
    assertThat(new MailContent(notice(Kind.EXCLUSION, null, null), TASKLIST).subject(""))
        .isEqualTo("Report on OA 2.4, round 1");
  }

  @Test
  void anExhortationIsAboutTheOapNotATaskAndLinksToTasklistItself() {
    MailContent mail = new MailContent(notice(Kind.EXHORTATION, DUE, "OA 2.4: deliver the round 1 report"), TASKLIST + "/");

    assertThat(mail.link()).isEqualTo(TASKLIST + "/");
    assertThat(mail.text("FR")).contains("About: Report on OA 2.4", "OA 2.4: deliver the round 1 report\n",
        "exhorts you to meet the commitments below by Sunday 31 March 2024, 17:00 UTC: answer in Tasklist");
  }

  @Test
  void withoutADueDateTheMailSaysSoAndHasNoCalendarEntry() {
    MailContent mail = new MailContent(notice(Kind.REMINDER, null, null), TASKLIST);

    assertThat(mail.subject(null)).isEqualTo("Reminder: Report on OA 2.4, round 1");
    assertThat(mail.text("FR")).contains("This task is waiting for you\n", "Due: no due date");
    assertThat(mail.calendar(DUE)).isNull();
  }

  @Test
  void theHtmlEscapesWhatPeopleWrote() {
    MailContent mail = new MailContent(new TaskNotice(Kind.REMINDER, 1, 7L, "task-42", "Check <OA 1.1> & co", DUE,
        null, List.of(), "<script>alert(1)</script>"), TASKLIST);

    String html = mail.html("<Driver>");
    assertThat(html).contains("Dear &lt;Driver&gt;", "Check &lt;OA 1.1&gt; &amp; co",
        "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>", "<Driver>");
  }

  @Test
  void theCalendarEntryIsAnRfc5545EventAtTheDueDate() {
    String calendar = new MailContent(new TaskNotice(Kind.REMINDER, 1, 7L, "task-42", "Review; OA 1, 2", DUE, null,
        List.of()), TASKLIST).calendar(Instant.parse("2024-03-17T17:00:00.750Z"));

    assertThat(calendar.split("\r\n")).contains("BEGIN:VCALENDAR", "UID:task-42@empact-oap",
        "DTSTAMP:20240317T170000Z", "DTSTART:20240331T170000Z", "DTEND:20240331T180000Z",
        "SUMMARY:Due: Review\\; OA 1\\, 2", "URL:" + TASKLIST + "/#/?task=task-42", "END:VCALENDAR");
    assertThat(calendar).endsWith("END:VCALENDAR\r\n");
  }
}
