package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.notification.TaskNotice.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a notice mail says, without Spring or SMTP: subject, text, HTML, link and calendar entry. */
class MailContentTest {

  static final Instant DUE = Instant.parse("2024-03-31T17:00:00Z");
  static final String TASKLIST = "https://empact.example/camunda/app/tasklist/default/";
  static final String TASK = TASKLIST + "#/?task=task-42";

  static TaskNotice notice(Kind kind, Instant due, String details) {
    return new TaskNotice(kind, 1, 7L, "task-42", "Report on OA 2.4, round 1", due, null, List.of("nec-FR"), details);
  }

  @Test
  void aReminderNamesTheTaskAndTheDayItIsDueByAndLinksToTheTask() {
    MailContent mail = new MailContent(notice(Kind.REMINDER, DUE, null), TASK);

    assertThat(MailContent.subject(notice(Kind.REMINDER, DUE, null), "[EMPACT]"))
        .isEqualTo("[EMPACT] Reminder: Report on OA 2.4, round 1 (due by the end of 31 March 2024)");
    assertThat(mail.text("Nec Fr")).contains("Dear Nec Fr,",
        "This task is waiting for you and is due by the end of 31 March 2024.",
        "Task: Report on OA 2.4, round 1", "Due: by the end of 31 March 2024",
        "Open it in Tasklist: " + TASK);
    assertThat(mail.html("Nec Fr")).contains("<a href=\"" + TASK + "\">Open it in Tasklist</a>");
  }

  @Test
  void aNewTaskSaysSoAndWhenItIsDue() {
    TaskNotice created = notice(Kind.NEW_TASK, DUE, null);

    assertThat(MailContent.subject(created, "[EMPACT]"))
        .isEqualTo("[EMPACT] New task: Report on OA 2.4, round 1 (due by the end of 31 March 2024)");
    assertThat(new MailContent(created, TASK).text("Nec Fr")).contains(
        "A new task is waiting for you; it is due by the end of 31 March 2024.", "Open it in Tasklist: " + TASK);
  }

  /** A due date late in the day (UTC) is still that day: the end of the day is the deadline people read. */
  @Test
  void aDueDateIsTheEndOfTheDayItFallsOnInUtc() {
    Instant lateInTheDay = Instant.parse("2026-03-14T23:59:00Z");

    assertThat(MailContent.subject(notice(Kind.OVERDUE, lateInTheDay, null), null))
        .isEqualTo("Overdue: Report on OA 2.4, round 1 (due by the end of 14 March 2026)");
    assertThat(MailContent.subject(notice(Kind.OVERDUE, Instant.parse("2026-03-15T00:00:00Z"), null), null))
        .endsWith("(due by the end of 15 March 2026)");
  }

  @Test
  void eachKindHasItsOwnSubject() {
    assertThat(MailContent.subject(notice(Kind.OVERDUE, DUE, null), null)).startsWith("Overdue: Report on OA 2.4");
    assertThat(MailContent.subject(notice(Kind.LATE, DUE, null), " ")).startsWith("Late: Report on OA 2.4");
    assertThat(MailContent.subject(notice(Kind.EXCLUSION, null, null), "")).isEqualTo("Report on OA 2.4, round 1");
  }

  @Test
  void anExhortationIsAboutTheOapAndLeadsToTheAnswer() {
    MailContent mail = new MailContent(notice(Kind.EXHORTATION, DUE, "OA 2.4: deliver the round 1 report"), TASK);

    assertThat(mail.text("FR")).contains("About: Report on OA 2.4", "OA 2.4: deliver the round 1 report\n",
        "exhorts you to meet the commitments below by the end of 31 March 2024: answer in Tasklist",
        "Answer in Tasklist: " + TASK);
  }

  @Test
  void theDriversLateNoticeLeadsToTheLateView() {
    String late = "https://empact.example/oaps/7/late";
    MailContent mail = new MailContent(notice(Kind.LATE, DUE, "Late: Report on OA 2.4 (nec-FR)"), late);

    assertThat(mail.text("Driver")).contains("Tasks of your OAP are past their due date", "Who is late: " + late)
        .doesNotContain("#/?task=");
  }

  @Test
  void withoutADueDateTheMailSaysSoAndHasNoCalendarEntry() {
    MailContent mail = new MailContent(notice(Kind.REMINDER, null, null), TASK);

    assertThat(MailContent.subject(notice(Kind.REMINDER, null, null), null))
        .isEqualTo("Reminder: Report on OA 2.4, round 1");
    assertThat(mail.text("FR")).contains("This task is waiting for you\n", "Due: no due date");
    assertThat(mail.calendar(DUE)).isNull();
  }

  @Test
  void theHtmlEscapesWhatPeopleWrote() {
    MailContent mail = new MailContent(new TaskNotice(Kind.REMINDER, 1, 7L, "task-42", "Check <OA 1.1> & co", DUE,
        null, List.of(), "<script>alert(1)</script>"), TASK);

    String html = mail.html("<Driver>");
    assertThat(html).contains("Dear &lt;Driver&gt;", "Check &lt;OA 1.1&gt; &amp; co",
        "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>", "<Driver>");
  }

  @Test
  void theCalendarEntryIsAnRfc5545AllDayEventOnTheDayItIsDue() {
    String calendar = new MailContent(new TaskNotice(Kind.REMINDER, 1, 7L, "task-42", "Review; OA 1, 2", DUE, null,
        List.of()), TASK).calendar(Instant.parse("2024-03-17T17:00:00.750Z"));

    assertThat(calendar.split("\r\n")).contains("BEGIN:VCALENDAR", "UID:task-42@empact-oap",
        "DTSTAMP:20240317T170000Z", "DTSTART;VALUE=DATE:20240331", "DTEND;VALUE=DATE:20240401",
        "SUMMARY:Due: Review\\; OA 1\\, 2", "URL:" + TASK, "END:VCALENDAR");
    assertThat(calendar).endsWith("END:VCALENDAR\r\n");
  }
}
