package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapDocumentReader;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.Mails;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.SecondNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
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
 * Two application nodes, each with its job executor and its notification sender, on one
 * PostgreSQL database: this test's context (with a small connection pool) and a second JVM started
 * from the same classpath. Reminders of many OAPs fall due at once; each is sent exactly once, by
 * one of the nodes, and no thread waits for a connection (the tests' pools give up after 2 s).
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025",
    "empact.notifications.node=node-a",
    // the test counts every message the SMTP server receives: only the reminders (the new tasks
    // would be announced too; those notices: NoticeLinksIT)
    "empact.notifications.task-created=false",
    // a small pool: what the job executor, the senders and requests need, sized from their threads
    "camunda.bpm.job-execution.core-pool-size=2", "camunda.bpm.job-execution.max-pool-size=2",
    "empact.database.connections-for-requests=2", "spring.datasource.hikari.maximum-pool-size=2"})
@ActiveProfiles("postgres")
class TwoNodesIT {

  static final int OAPS = 12;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static String databaseUrl;
  static SecondNode secondNode;

  @Autowired OapRegistry registry;
  @Autowired OapDocumentReader reader;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired Notifications notifications;
  @Autowired DataSource dataSource;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    databaseUrl = EmbeddedPostgresDatabase.register(properties);
  }

  @AfterAll
  static void stopSecondNode() throws InterruptedException {
    if (secondNode != null) {
      secondNode.close();
    }
  }

  @Test
  void eachReminderIsSentOnceWhileTwoJobExecutorsRun() throws Exception {
    secondNode = SecondNode.start(databaseUrl, "--spring.mail.host=localhost", "--spring.mail.port=3025",
        "--empact.demo.enabled=true", "--empact.notifications.node=node-b", "--empact.notifications.task-created=false",
        "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000");
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
    assertThat(oaps.stream().flatMap(oapId -> notifications.forOap(oapId).stream()))
        .allSatisfy(n -> assertThat(n.sentBy()).isIn("node-a", "node-b"));
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(Mails::messageId).distinct()).hasSize(OAPS);
    assertThat(secondNode.isAlive()).isTrue();
  }

  /** Two job threads and the acquisition, four senders and their poller, two connections for requests. */
  @Test
  void theConnectionPoolIsSizedFromTheThreadsThatUseIt() {
    assertThat(((HikariDataSource) dataSource).getMaximumPoolSize()).isEqualTo(3 + 5 + 2);
  }

}
