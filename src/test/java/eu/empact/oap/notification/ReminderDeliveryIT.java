package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import java.time.temporal.ChronoUnit;
import java.util.Date;
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
 * A reminder of the demo's timing review while the SMTP server is down: the send job fails, is
 * retried and becomes an incident; once the server is back, retrying the incident delivers exactly
 * one message. Jobs are executed by the test (job executor off), on PostgreSQL, against GreenMail.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=localhost", "spring.mail.port=3025"})
@ActiveProfiles("postgres")
class ReminderDeliveryIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired OapRegistry registry;
  @Autowired Notifications notifications;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aReminderWhileTheServerIsDownBecomesAnIncidentAndIsSentOnceWhenItIsBack() throws Exception {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    ProcessInstance review = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-rev-0")
        .singleResult();
    Task task = tasks.createTaskQuery().processInstanceId(review.getId()).singleResult();
    ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().minus(7, ChronoUnit.DAYS).plusSeconds(1)));
    management.executeJob(job(review, "Timer_TimingReminder").getId());
    Job send = job(review, "Task_SendTimingReminders");
    smtp.stop();

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> management.executeJob(send.getId())).hasMessageContaining("not sent");
    }

    assertThat(management.createJobQuery().jobId(send.getId()).singleResult().getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isEqualTo(1);
    assertThat(notifications.forOap(oapId)).singleElement()
        .satisfies(n -> assertThat(n.status()).isEqualTo(Notification.Status.FAILED));
    assertThat(smtp.getReceivedMessages()).isEmpty();

    smtp.start();
    management.setJobRetries(send.getId(), 1);
    management.executeJob(send.getId());

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("driver@empact.example");
    assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
    assertThat(notifications.forOap(oapId)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notification.Status.SENT);
      assertThat(n.attempts()).isEqualTo(6);
    });
  }

  private Job job(ProcessInstance instance, String activity) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
  }
}
