package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Timing with nobody's hand on the jobs: the job executor on, as in production (the process tests
 * and {@link ReminderDeliveryIT} execute each job themselves). When the engine's clock reaches a
 * reminder point of the demo's timing review, the timer fires, the async send task records the
 * notice and the sender mails it, each by itself. The executor looks for due jobs every half second
 * here instead of backing off to a minute, so that the test waits for seconds, not minutes.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=true",
    "spring.datasource.url=jdbc:h2:mem:empact-timers;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost", "spring.mail.port=3025", "empact.notifications.poll-interval=PT0.2S",
    "camunda.bpm.job-execution.wait-time-in-millis=500", "camunda.bpm.job-execution.max-wait=500"})
class TimersOnTheirOwnIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OapRegistry registry;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReminderTimerFiresAndItsMailGoesOutWithoutATestExecutingAJob() throws Exception {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    ProcessInstance review = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-rev-0")
        .singleResult();
    Task task = tasks.createTaskQuery().processInstanceId(review.getId()).singleResult();
    assertThat(management.createJobQuery().processInstanceId(review.getId()).activityId("Timer_TimingReminder")
        .singleResult().getDuedate()).isAfter(new Date());

    ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().minus(7, ChronoUnit.DAYS).plusSeconds(1)));

    // the reporting demo's review has a reminder due at the same time: this one is about the task
    MimeMessage reminder = await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> subject(message).startsWith("[EMPACT] Reminder: " + task.getName())).findFirst(),
        Optional::isPresent).orElseThrow();
    assertThat(reminder.getAllRecipients()[0].toString()).isEqualTo("driver@empact.example");
    assertThat(management.createJobQuery().processInstanceId(review.getId()).activityId("Timer_TimingReminder")
        .singleResult().getDuedate().toInstant()).isAfter(ClockUtil.getCurrentTime().toInstant());
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
