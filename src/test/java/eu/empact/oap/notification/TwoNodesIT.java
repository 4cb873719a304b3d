package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.OapDocuments;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application nodes, each with its job executor, on one PostgreSQL database: this test's
 * context and a second JVM started from the same classpath. Reminders of many OAPs fall due at
 * once; each is sent exactly once.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025"})
@ActiveProfiles("postgres")
class TwoNodesIT {

  static final int OAPS = 12;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static String databaseUrl;
  static Process secondNode;

  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired Notifications notifications;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    databaseUrl = EmbeddedPostgresDatabase.register(properties);
  }

  @AfterAll
  static void stopSecondNode() {
    if (secondNode != null) {
      secondNode.destroy();
    }
  }

  @Test
  void eachReminderIsSentOnceWhileTwoJobExecutorsRun() throws Exception {
    startSecondNode();
    List<Long> oaps = new ArrayList<>();
    for (int i = 0; i < OAPS; i++) {
      long oapId = registry.importDocument(reader.read(OapDocuments.demoUnderNewPriority().json()), "esu").id();
      identity.createMembership("driver", EmpactGroups.driver(oapId));
      oaps.add(oapId);
    }
    Date now = new Date();
    for (long oapId : oaps) {
      String review = runtime.createProcessInstanceQuery().processInstanceBusinessKey("oap-" + oapId + "-rev-0")
          .singleResult().getId();
      Job reminder = management.createJobQuery().processInstanceId(review).activityId("Timer_TimingReminder")
          .singleResult();
      management.setJobDuedate(reminder.getId(), now);
    }

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> oaps.stream()
        .allMatch(oapId -> notifications.forOap(oapId).stream()
            .anyMatch(n -> n.status() == Notification.Status.SENT)));
    await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20))
        .until(() -> smtp.getReceivedMessages().length == OAPS);

    assertThat(oaps).allSatisfy(oapId -> assertThat(notifications.forOap(oapId)).singleElement()
        .satisfies(n -> {
          assertThat(n.status()).isEqualTo(Notification.Status.SENT);
          assertThat(n.attempts()).isEqualTo(1);
        }));
    assertThat(secondNode.isAlive()).isTrue();
  }

  /** The application once more, in its own JVM, on the same database and SMTP server. */
  private static void startSecondNode() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder node = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "eu.empact.oap.EmpactOapApplication", "--spring.profiles.active=postgres", "--server.port=0",
        "--spring.mail.host=localhost", "--spring.mail.port=3025", "--empact.demo.enabled=true",
        "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000");
    node.environment().putAll(EmbeddedPostgresDatabase.environment(databaseUrl));
    secondNode = node.redirectErrorStream(true).start();
    CountDownLatch started = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(secondNode.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.contains("Started EmpactOapApplication")) {
            started.countDown();
          }
        }
      } catch (IOException e) {
        // the node stopped
      }
    });
    reader.setDaemon(true);
    reader.start();
    assertThat(started.await(90, TimeUnit.SECONDS)).as("second node started").isTrue();
  }
}
