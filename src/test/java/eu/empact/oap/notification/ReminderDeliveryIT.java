package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A reminder of the demo's timing review while the SMTP server is down: the reminder job records
 * it, the sender tries it again after each retry delay (the test moves the engine's clock), then it
 * becomes an incident of the review in Cockpit; once the server is back, retrying the incident sends
 * exactly one message. Jobs are executed by the test (job executor off), on PostgreSQL, against GreenMail.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// the test counts every message the SMTP server receives: only the reminders
// (the demo's new tasks would be announced too; those notices: NoticeLinksIT)
@SpringBootTest(properties = {"empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=localhost", "spring.mail.port=3025", "empact.notifications.poll-interval=PT0.2S",
    "empact.notifications.task-created=false"})
@ActiveProfiles("postgres")
class ReminderDeliveryIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OapRegistry registry;
  @Autowired Notifications notifications;
  @Autowired NotificationProperties properties;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReminderWhileTheServerIsDownIsRetriedThenBecomesAnIncidentAndIsSentOnceWhenItIsRetried() throws Exception {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    ProcessInstance review = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-rev-0")
        .singleResult();
    Task task = tasks.createTaskQuery().processInstanceId(review.getId()).singleResult();
    Instant start = task.getDueDate().toInstant().minus(7, ChronoUnit.DAYS).plusSeconds(1);
    ClockUtil.setCurrentTime(Date.from(start));
    smtp.stop();

    management.executeJob(job(review, "Timer_TimingReminder").getId());
    management.executeJob(job(review, "Task_SendTimingReminders").getId());

    Instant at = start;
    for (int attempt = 1; attempt <= 4; attempt++) {
      int tried = attempt;
      Notification retrying = await().atMost(Duration.ofSeconds(20)).until(() -> single(oapId),
          n -> n.status() == Notification.Status.RETRYING && n.attempts() == tried);
      assertThat(retrying.nextAttemptAt()).isEqualTo(at.plus(properties.retryDelays().get(attempt - 1)));
      assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
      at = retrying.nextAttemptAt();
      ClockUtil.setCurrentTime(Date.from(at));
    }
    Job incident = await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery()
        .processInstanceId(review.getId()).noRetriesLeft().singleResult(), Objects::nonNull);
    assertThat(single(oapId).status()).isEqualTo(Notification.Status.FAILED);
    assertThat(incident.getExceptionMessage()).contains("driver@empact.example").contains("not sent after 5 attempts");
    assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).singleResult().getIncidentType())
        .isEqualTo("failedJob");
    assertThat(smtp.getReceivedMessages()).isEmpty();

    smtp.start();
    management.setJobRetries(incident.getId(), 1);
    management.executeJob(incident.getId());

    await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("driver@empact.example");
    assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
    // the server has the message a moment before the sender, told so, marks the notice SENT
    await().atMost(Duration.ofSeconds(5)).until(() -> single(oapId).status() == Notification.Status.SENT);
    assertThat(single(oapId)).satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notification.Status.SENT);
      assertThat(n.attempts()).isEqualTo(6);
    });
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> smtp.getReceivedMessages().length == 1);
  }

  private Notification single(long oapId) {
    List<Notification> recorded = notifications.forOap(oapId);
    assertThat(recorded).hasSize(1);
    return recorded.get(0);
  }

  private Job job(ProcessInstance instance, String activity) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
  }
}
