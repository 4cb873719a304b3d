package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.Mails;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task notices against a real SMTP server (GreenMail) on PostgreSQL: recipients, content, exactly
 * once; retries after a failure and the takeover of a dead node's notice, with one Message-ID.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// the test counts every message the SMTP server receives: only the notices it records itself
// (the demo's new tasks would be announced too; those notices: NoticeLinksIT)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025",
    "empact.notifications.poll-interval=PT0.2S", "empact.notifications.task-created=false"})
@ActiveProfiles("postgres")
class NotificationsIT {

  static final Instant DUE = Instant.parse("2030-01-15T00:00:00Z");

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired Notifications notifications;
  @Autowired OapRegistry registry;
  @Autowired IdentityService identity;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TestRestTemplate http;
  @Autowired NotificationProperties properties;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  long oapId;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @BeforeEach
  void demoOap() {
    oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void remindsEveryMemberOfTheCandidateGroupsOfAnUnclaimedTask() throws Exception {
    TaskNotice notice = notice(null, List.of("nec-FR", "nec-DE"));

    notifications.record(notice, null);

    MimeMessage[] received = received(2);
    assertThat(Arrays.stream(received).map(NotificationsIT::to))
        .containsExactlyInAnyOrder("nec-fr@empact.example", "nec-de@empact.example");
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo(
        "[EMPACT] Reminder: Draft OAP Migrant smuggling 2024-2025 REV 0 (due by the end of 15 January 2030)");
    assertThat(message.getFrom()[0].toString()).isEqualTo("empact-workflow@empact.example");
    String body = GreenMailUtil.getBody(message);
    // without empact.public-url: the address the server listens on, its host's name and the port it took
    assertThat(body).contains("http://" + InetAddress.getLocalHost().getCanonicalHostName() + ":" + port
        + "/camunda/app/tasklist/default/#/?task=" + notice.taskId());
    BodyPart calendar = attachment(message, "deadline.ics");
    assertThat(calendar.getContentType()).startsWith("text/calendar");
    assertThat(new String(calendar.getInputStream().readAllBytes()))
        .contains("DTSTART;VALUE=DATE:20300115").contains("UID:" + notice.taskId() + "@empact-oap")
        .contains("SUMMARY:Due: Draft OAP Migrant smuggling 2024-2025 REV 0");
    assertThat(recorded(notice)).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(Notification.Status.SENT);
      assertThat(n.sentBy()).isEqualTo(properties.node());
    });
    assertThat(Arrays.stream(received).map(Mails::messageId))
        .containsExactlyInAnyOrderElementsOf(recorded(notice).stream().map(Notification::messageId).toList());
  }

  @Test
  void remindsOnlyTheAssigneeOfAClaimedTask() {
    TaskNotice notice = notice("driver", List.of("oap-" + oapId + "-driver", "nec-FR"));

    notifications.record(notice, null);

    assertThat(received(1)).extracting(NotificationsIT::to).containsExactly("driver@empact.example");
  }

  @Test
  void sendsEachNoticeOnceHoweverOftenItIsRecorded() {
    TaskNotice notice = notice("driver", List.of());

    notifications.record(notice, null);
    notifications.record(notice, null);
    received(1);
    notifications.record(notice, null);

    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> smtp.getReceivedMessages().length == 1);
    assertThat(recorded(notice)).singleElement().satisfies(n -> assertThat(n.attempts()).isEqualTo(1));
  }

  @Test
  void greetsThePersonByTheNameRecordedWithTheNoticeAndByTheEnginesForANoticeRecordedBefore() {
    TaskNotice notice = notice(null, List.of("nec-FR", "nec-DE"));
    TransactionTemplate job = new TransactionTemplate(transactions);

    job.executeWithoutResult(tx -> {
      notifications.record(notice, null);
      // recorded before V22 kept the name: the sender asks the identity service
      jdbc.sql("UPDATE notification SET recipient_name = NULL WHERE task_id = ? AND recipient_user = 'nec-de'")
          .param(notice.taskId()).update();
    });

    assertThat(jdbc.sql("SELECT recipient_name FROM notification WHERE task_id = ? AND recipient_user = 'nec-fr'")
        .param(notice.taskId()).query(String.class).single()).isEqualTo("NEC France");
    assertThat(Arrays.stream(received(2)).map(GreenMailUtil::getBody))
        .anySatisfy(body -> assertThat(body).contains("Dear NEC France,"))
        .anySatisfy(body -> assertThat(body).contains("Dear NEC Germany,"));
  }

  @Test
  void aNoticeIsSentOnlyIfItsRecordingCommits() {
    TaskNotice notice = notice("driver", List.of());
    TransactionTemplate job = new TransactionTemplate(transactions);

    job.executeWithoutResult(tx -> {
      notifications.record(notice, null);
      tx.setRollbackOnly();
    });
    assertThat(recorded(notice)).isEmpty();
    job.executeWithoutResult(tx -> notifications.record(notice, null));

    assertThat(received(1)).hasSize(1);
  }

  @Test
  void aFailingServerDelaysTheNoticeByTheFirstRetryDelayAndItKeepsItsMessageId() throws Exception {
    TaskNotice notice = notice("driver", List.of());
    smtp.stop();
    Instant failedAt = Instant.now();
    ClockUtil.setCurrentTime(Date.from(failedAt));

    notifications.record(notice, null);

    Notification failed = await().atMost(Duration.ofSeconds(20))
        .until(() -> recorded(notice).get(0), n -> n.status() == Notification.Status.RETRYING);
    assertThat(failed.lastError()).isNotBlank();
    assertThat(failed.nextAttemptAt()).isEqualTo(failedAt.plusSeconds(30).truncatedTo(ChronoUnit.MILLIS));
    smtp.start();
    ClockUtil.setCurrentTime(Date.from(failedAt.plusSeconds(29)));
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> smtp.getReceivedMessages().length == 0);

    ClockUtil.setCurrentTime(Date.from(failedAt.plusSeconds(31)));

    assertThat(Mails.messageId(received(1)[0])).isEqualTo(failed.messageId());
    assertThat(recorded(notice)).singleElement().satisfies(sent -> {
      assertThat(sent.status()).isEqualTo(Notification.Status.SENT);
      assertThat(sent.attempts()).isEqualTo(2);
      assertThat(sent.possiblySentTwice()).isFalse();
    });
  }

  @Test
  void theNoticeOfANodeThatDiedIsTakenOverWhenItsLeaseRunsOutAndMarkedAsPossiblySentTwice() {
    TaskNotice dead = notice("driver", List.of());
    TaskNotice alive = notice("driver", List.of());
    TransactionTemplate tx = new TransactionTemplate(transactions);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant attempt = now.minusSeconds(90);
    tx.executeWithoutResult(status -> {
      notifications.record(dead, null);
      notifications.record(alive, null);
      claim(dead, "dead-node", attempt, now.minusSeconds(30));
      claim(alive, "live-node", now, now.plusSeconds(60));
    });

    MimeMessage message = received(1)[0];

    assertThat(recorded(dead)).singleElement().satisfies(n -> {
      assertThat(n.status()).isEqualTo(Notification.Status.SENT);
      assertThat(n.sentBy()).isEqualTo(properties.node());
      assertThat(n.previousAttemptAt()).isEqualTo(attempt);
      assertThat(n.possiblySentTwice()).isTrue();
      assertThat(n.attempts()).isEqualTo(2);
    });
    assertThat(Mails.messageId(message)).isEqualTo(recorded(dead).get(0).messageId());
    assertThat(recorded(alive)).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(Notification.Status.SENDING));
    jdbc.sql("UPDATE notification SET status = 'SENT' WHERE task_id = ?").param(alive.taskId()).update();
  }

  @Test
  void aUserWithoutEmailAddressIsRecordedNotSkipped() {
    String group = EmpactGroups.actionLeader(1, "EUROPOL");
    if (identity.createUserQuery().userId("no-mail").count() == 0) {
      User user = identity.newUser("no-mail");
      identity.saveUser(user);
      identity.createMembership("no-mail", group);
    }
    TaskNotice notice = notice(null, List.of(group));

    notifications.record(notice, null);

    assertThat(received(1)).extracting(NotificationsIT::to).containsExactly("al-europol@empact.example");
    assertThat(notifications.forOap(oapId)).filteredOn(n -> n.taskId().equals(notice.taskId()))
        .filteredOn(n -> n.recipientUser().equals("no-mail")).singleElement()
        .satisfies(n -> {
          assertThat(n.status()).isEqualTo(Notification.Status.NO_EMAIL_ADDRESS);
          assertThat(n.lastError()).isEqualTo("user no-mail has no e-mail address");
        });
  }

  @Test
  void theRecordIsReadByTheDriverOfThatOapAndAdministratorsOnly() {
    notifications.record(notice("driver", List.of()), null);
    received(1);

    assertThat(Api.as(http, "driver").get("/api/notifications?oapId=" + oapId).getBody()).contains("\"status\":\"SENT\"");
    assertThat(Api.as(http, "nec-fr").get("/api/notifications?oapId=" + oapId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(http, "demo").get("/api/notifications").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(http, "driver").get("/api/notifications").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.anonymous(http).get("/api/notifications").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private TaskNotice notice(String assignee, List<String> groups) {
    return new TaskNotice(TaskNotice.Kind.REMINDER, 1, oapId, UUID.randomUUID().toString(),
        "Draft OAP Migrant smuggling 2024-2025 REV 0", DUE, assignee, groups);
  }

  /** Waits for the sender: this many messages arrive, and no more for a moment. */
  private static MimeMessage[] received(int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length >= count);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> smtp.getReceivedMessages().length == count);
    return smtp.getReceivedMessages();
  }

  private List<Notification> recorded(TaskNotice notice) {
    return notifications.forOap(oapId).stream().filter(n -> n.taskId().equals(notice.taskId())).toList();
  }

  /** What a node writes when it claims a notice. */
  private void claim(TaskNotice notice, String node, Instant at, Instant until) {
    jdbc.sql("UPDATE notification SET status = 'SENDING', claimed_by = ?, claimed_at = ?, claimed_until = ?, "
            + "attempts = 1 WHERE task_id = ?")
        .params(node, Timestamp.from(at), Timestamp.from(until), notice.taskId()).update();
  }


  private static String to(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return to[0].toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static BodyPart attachment(MimeMessage message, String name) throws Exception {
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (name.equals(parts.getBodyPart(i).getFileName())) {
        return parts.getBodyPart(i);
      }
    }
    throw new AssertionError("no attachment " + name);
  }
}
