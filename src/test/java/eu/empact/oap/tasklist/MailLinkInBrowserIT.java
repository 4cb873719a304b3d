package eu.empact.oap.tasklist;

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
import eu.empact.oap.support.Chromium;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An e-mail leads to its task: the Driver hears of a new task by e-mail (a real SMTP server,
 * GreenMail), opens the link it carries in a browser (headless Chromium), logs in to Tasklist where
 * the link lands, and sees that task open. No public URL is configured: the link is built from the
 * address the server listens on.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"empact.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:empact-mail-link-browser;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost", "spring.mail.port=3125", "empact.notifications.poll-interval=PT0.2S"})
class MailLinkInBrowserIT {

  private static final Pattern LINK = Pattern.compile("Open it in Tasklist: (\\S+)");

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium(1000);

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(3125));

  @LocalServerPort int port;
  @Autowired OapRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @Test
  void theLinkOfANewTaskMailOpensThatTaskInTasklist() {
    long oapId = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    identity.setAuthentication("driver", List.of(EmpactGroups.driver(oapId)));
    ProcessInstance escalation = runtime.startProcessInstanceByKey(ExclusionProcess.KEY, Map.of(
        ExclusionProcess.OAP_ID, oapId, ExclusionProcess.ACTOR, "IT",
        ExclusionProcess.REASON, "no report on OA 2.4 and absent from its meetings"));
    identity.clearAuthentication();
    Task send = tasks.createTaskQuery().processInstanceId(escalation.getId())
        .taskDefinitionKey(ExclusionProcess.TASK_SEND_EXHORTATION).singleResult();

    MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
        smtp.getReceivedMessagesForDomain("driver@empact.example"))
        .filter(message -> subject(message).contains("New task: " + send.getName())).findFirst().orElse(null),
        message -> message != null);
    Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
    assertThat(link.find()).as("the mail's link").isTrue();
    assertThat(link.group(1)).isEqualTo("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task="
        + send.getId());

    // a person who is not logged in yet: the link opens Tasklist's login, and then the task
    WebDriverWait wait = CHROMIUM.logInAt(link.group(1), "driver");

    wait.until(ExpectedConditions.urlContains("task=" + send.getId()));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        send.getName()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.claim")));
    CHROMIUM.screenshot("mail-link-task");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
