package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.exclusion.ExclusionProcess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Where the e-mails lead, against a real SMTP server (GreenMail): a new task's people hear of it
 * when it is created, with a link to that task under the configured public URL; an exhortation
 * leads its recipient to the task that answers it. The Driver of the reporting demo starts an
 * escalation of Italy by hand and sends the exhortation.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:empact-notice-links;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost", "spring.mail.port=3025", "empact.notifications.poll-interval=PT0.2S",
    "empact.public-url=https://empact.example.eu/workflow/"})
class NoticeLinksIT {

  static final String TASKLIST = "https://empact.example.eu/workflow/camunda/app/tasklist/default/#/?task=";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired OapRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @AfterEach
  void clearUser() {
    identity.clearAuthentication();
  }

  @Test
  void aNewTaskIsAnnouncedWithItsLinkAndAnExhortationLeadsToTheAnswer() {
    long oapId = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    identity.setAuthentication("driver", List.of(EmpactGroups.driver(oapId)));
    ProcessInstance escalation = runtime.startProcessInstanceByKey(ExclusionProcess.KEY, Map.of(
        ExclusionProcess.OAP_ID, oapId, ExclusionProcess.ACTOR, "IT",
        ExclusionProcess.REASON, "no report on OA 2.4 and absent from its meetings"));
    identity.clearAuthentication();

    Task send = single(escalation, ExclusionProcess.TASK_SEND_EXHORTATION);
    MimeMessage created = message("driver@empact.example", "New task: " + send.getName());
    assertThat(GreenMailUtil.getBody(created)).contains("A new task is waiting for you; it is due by the end of ",
        "Open it in Tasklist: " + TASKLIST + send.getId());

    tasks.setAssignee(send.getId(), "driver");
    tasks.complete(send.getId(), Map.of(ExclusionProcess.EXHORTATION_TEXT,
        tasks.getVariable(send.getId(), ExclusionProcess.EXHORTATION_TEXT)));
    management.executeJob(management.createJobQuery().processInstanceId(escalation.getId())
        .activityId(ExclusionProcess.TASK_EMAIL_EXHORTATION).singleResult().getId());

    Task answer = single(escalation, ExclusionProcess.TASK_ANSWER_EXHORTATION);
    MimeMessage exhortation = message("al-it@empact.example", "Exhortation 1 from the Driver");
    assertThat(GreenMailUtil.getBody(exhortation)).contains("Answer in Tasklist: " + TASKLIST + answer.getId());
    assertThat(GreenMailUtil.getBody(message("al-it@empact.example", "New task: " + answer.getName())))
        .contains(TASKLIST + answer.getId());
    // the answer is Italy's: the NEC of France hears of neither
    assertThat(Arrays.stream(smtp.getReceivedMessagesForDomain("nec-fr@empact.example")).map(NoticeLinksIT::subject))
        .noneMatch(subject -> subject.contains("xhortation"));
  }

  /** The message to this address whose subject contains the text, once the senders sent it. */
  private static MimeMessage message(String to, String subject) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessagesForDomain(to))
        .filter(message -> subject(message).contains(subject)).findFirst().orElse(null), message -> message != null);
  }

  private Task single(ProcessInstance instance, String activity) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).list();
    assertThat(found).as(activity).hasSize(1);
    return found.get(0);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
