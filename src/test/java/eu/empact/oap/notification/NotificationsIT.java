package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Task notices against a real SMTP server (GreenMail) on PostgreSQL: recipients, content, exactly once. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025"})
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

  long oapId;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @BeforeEach
  void demoOap() {
    oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
  }

  @Test
  void remindsEveryMemberOfTheCandidateGroupsOfAnUnclaimedTask() throws Exception {
    TaskNotice notice = notice(null, List.of("nec-FR", "nec-DE"));

    List<Long> ids = notifications.record(notice);
    ids.forEach(notifications::deliver);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(Arrays.stream(received).map(NotificationsIT::to))
        .containsExactlyInAnyOrder("nec-fr@empact.example", "nec-de@empact.example");
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo(
        "[EMPACT] Reminder: Draft OAP Migrant smuggling 2024-2025 REV 0 (due Tuesday 15 January 2030, 00:00 UTC)");
    assertThat(message.getFrom()[0].toString()).isEqualTo("empact-workflow@empact.example");
    String body = GreenMailUtil.getBody(message);
    assertThat(body).contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + notice.taskId());
    BodyPart calendar = attachment(message, "deadline.ics");
    assertThat(calendar.getContentType()).startsWith("text/calendar");
    assertThat(new String(calendar.getInputStream().readAllBytes()))
        .contains("DTSTART:20300115T000000Z").contains("UID:" + notice.taskId() + "@empact-oap")
        .contains("SUMMARY:Due: Draft OAP Migrant smuggling 2024-2025 REV 0");
    assertThat(ids).allSatisfy(id -> assertThat(notifications.find(id).status()).isEqualTo(Notification.Status.SENT));
  }

  @Test
  void remindsOnlyTheAssigneeOfAClaimedTask() {
    TaskNotice notice = notice("driver", List.of("oap-" + oapId + "-driver", "nec-FR"));

    notifications.record(notice).forEach(notifications::deliver);

    assertThat(smtp.getReceivedMessages()).extracting(NotificationsIT::to).containsExactly("driver@empact.example");
  }

  @Test
  void sendsEachNoticeOnceHoweverOftenItIsRecordedAndDelivered() {
    TaskNotice notice = notice("driver", List.of());

    List<Long> first = notifications.record(notice);
    first.forEach(notifications::deliver);
    first.forEach(notifications::deliver);
    assertThat(notifications.record(notice)).isEmpty();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(notifications.find(first.get(0)).attempts()).isEqualTo(1);
  }

  @Test
  void aRollbackAfterTheServerAcceptedTheMessageDoesNotSendItAgain() {
    TaskNotice notice = notice("driver", List.of());
    TransactionTemplate job = new TransactionTemplate(transactions);

    job.executeWithoutResult(tx -> {
      notifications.record(notice).forEach(notifications::deliver);
      tx.setRollbackOnly();
    });
    job.executeWithoutResult(tx -> notifications.record(notice).forEach(notifications::deliver));

    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aFailingServerLeavesTheNoticeFailedUntilItIsBack() {
    TaskNotice notice = notice("driver", List.of());
    List<Long> ids = notifications.record(notice);
    smtp.stop();

    assertThatThrownBy(() -> notifications.deliver(ids.get(0)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not sent");
    Notification failed = notifications.find(ids.get(0));
    assertThat(failed.status()).isEqualTo(Notification.Status.FAILED);
    assertThat(failed.lastError()).isNotBlank();

    smtp.start();
    assertThat(notifications.record(notice)).containsExactlyElementsOf(ids);
    notifications.deliver(ids.get(0));

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(notifications.find(ids.get(0))).satisfies(sent -> {
      assertThat(sent.status()).isEqualTo(Notification.Status.SENT);
      assertThat(sent.attempts()).isEqualTo(2);
    });
  }

  @Test
  void aUserWithoutEmailAddressIsRecordedNotSkipped() {
    String group = "action-leader-EUROPOL";
    if (identity.createUserQuery().userId("no-mail").count() == 0) {
      User user = identity.newUser("no-mail");
      identity.saveUser(user);
      identity.createMembership("no-mail", group);
    }
    TaskNotice notice = notice(null, List.of(group));

    List<Long> ids = notifications.record(notice);
    ids.forEach(notifications::deliver);

    assertThat(smtp.getReceivedMessages()).extracting(NotificationsIT::to).containsExactly("al-europol@empact.example");
    assertThat(notifications.forOap(oapId)).filteredOn(n -> n.taskId().equals(notice.taskId()))
        .filteredOn(n -> n.recipientUser().equals("no-mail")).singleElement()
        .satisfies(n -> {
          assertThat(n.status()).isEqualTo(Notification.Status.NO_EMAIL_ADDRESS);
          assertThat(n.lastError()).isEqualTo("user no-mail has no e-mail address");
        });
  }

  @Test
  void theRecordIsReadByTheDriverOfThatOapAndAdministratorsOnly() {
    notifications.record(notice("driver", List.of())).forEach(notifications::deliver);

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
