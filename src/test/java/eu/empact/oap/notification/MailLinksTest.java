package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import eu.empact.oap.notification.TaskNotice.Kind;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;

/** Where each kind of notice leads, under the public URL (the exhortation's answer task: NoticeLinksIT). */
class MailLinksTest {

  static final String BASE = "https://empact.example.eu/workflow";

  final TaskService tasks = mock(TaskService.class);
  final MailLinks links = links();

  @Test
  void aNoticeAboutATaskLeadsToThatTaskInTasklist() {
    for (Kind kind : new Kind[] {Kind.NEW_TASK, Kind.REMINDER, Kind.OVERDUE}) {
      assertThat(links.of(notice(kind, 7L, "task-42"), "process-1")).as(kind.name())
          .isEqualTo(BASE + "/camunda/app/tasklist/default/#/?task=task-42");
    }
  }

  /** The Driver may not open another person's late task: the Late notice leads to the OAP's late view. */
  @Test
  void theLateNoticeAndAnExclusionLeadToTheOap() {
    assertThat(links.of(notice(Kind.LATE, 7L, "nec-task-9"), "process-1")).isEqualTo(BASE + "/oaps/7/late");
    assertThat(links.of(notice(Kind.EXCLUSION, 7L, "escalation-3"), "process-1"))
        .isEqualTo(BASE + "/oaps/7");
  }

  @Test
  void anExhortationOutsideAProcessLeadsToTasklist() {
    assertThat(links.of(notice(Kind.EXHORTATION, 7L, "escalation-3"), null))
        .isEqualTo(BASE + "/camunda/app/tasklist/default/");
    verifyNoInteractions(tasks);
  }

  private MailLinks links() {
    ProcessEngine engine = mock(ProcessEngine.class);
    when(engine.getName()).thenReturn("default");
    return new MailLinks(new PublicUrl(BASE + "/", new ServerProperties()), "/camunda/", engine, tasks);
  }

  private static Notification notice(Kind kind, Long oapId, String taskId) {
    return new Notification(1, kind, oapId, taskId, "Task", null, Instant.parse("2026-03-14T10:00:00Z"), "al-it",
        "al-it@empact.example", "subject", Notification.Status.PENDING, 0, Instant.EPOCH, null, null, "<id>", null,
        null, null);
  }
}
