package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.notification.Notification.Status;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.Mails;
import eu.empact.oap.support.SecondNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the reminders guarantee when things break, on embedded PostgreSQL against GreenMail: a node
 * killed while it sends (its notices are taken over, none lost, a duplicate only for a send in
 * flight at the kill, with the same Message-ID and marked as such), and an SMTP server down for a
 * minute (every notice sent within about two minutes of its return, none twice). This test's
 * context is node A; node B is a second JVM.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025",
    "empact.notifications.node=node-a", "empact.notifications.send=false",
    // the test counts every message the SMTP server receives: only the notices it records itself
    "empact.notifications.task-created=false",
    "empact.notifications.poll-interval=PT0.5S", "empact.notifications.sending-lease=PT10S"})
@ActiveProfiles("postgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeFailureIT {

  static final int NOTICES = 300;
  static final Duration LEASE = Duration.ofSeconds(10);

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static String databaseUrl;

  @Autowired Notifications notifications;
  @Autowired NotificationSender sender;
  @Autowired OapRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    databaseUrl = EmbeddedPostgresDatabase.register(properties);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @Order(1)
  void aNodeKilledWhileSendingLosesNothingAndTheOtherTakesOverWithinTheLease() throws Exception {
    try (SecondNode nodeB = SecondNode.start(databaseUrl, "--spring.mail.host=localhost", "--spring.mail.port=3025",
        "--empact.demo.enabled=true", "--empact.notifications.node=node-b", "--empact.notifications.poll-interval=PT0.2S",
        "--empact.notifications.task-created=false",
        "--empact.notifications.sending-lease=PT10S", "--camunda.bpm.job-execution.enabled=false")) {
      List<Long> ids = record("failover");

      await().atMost(Duration.ofSeconds(60)).until(() -> count("status = 'SENT'") >= 40
          && count("status = 'SENDING' AND claimed_by = 'node-b'") > 0);
      nodeB.kill();
      Instant killed = Instant.now();
      long inFlight = count("status = 'SENDING' AND claimed_by = 'node-b'");
      long sentByB = count("status = 'SENT' AND sent_by = 'node-b'");
      sender.start();

      await().atMost(LEASE.plusSeconds(30)).until(() -> count("status = 'SENT'") == NOTICES);
      assertThat(Duration.between(killed, Instant.now())).isLessThan(LEASE.plusSeconds(20));

      List<Notification> sent = ids.stream().map(notifications::find).toList();
      assertThat(sent).allSatisfy(n -> assertThat(n.status()).isEqualTo(Status.SENT));
      assertThat(inFlight).isPositive();
      assertThat(sent).filteredOn(n -> n.previousAttemptAt() != null).hasSize((int) inFlight)
          .allSatisfy(n -> {
            assertThat(n.sentBy()).isEqualTo("node-a");
            assertThat(n.possiblySentTwice()).isTrue();
          });
      assertThat(sentByB).isGreaterThanOrEqualTo(40);
      assertThat(sent).filteredOn(n -> "node-a".equals(n.sentBy())).hasSizeGreaterThanOrEqualTo((int) inFlight);

      Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages()).map(Mails::messageId)
          .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(sent.stream().map(Notification::messageId)
          .toList());
      List<String> twice = received.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
      assertThat(twice).hasSizeLessThanOrEqualTo((int) inFlight);
      assertThat(sent).filteredOn(n -> twice.contains(n.messageId()))
          .allSatisfy(n -> assertThat(n.possiblySentTwice()).isTrue());
    }
  }

  @Test
  @Order(2)
  void aMinuteWithoutSmtpServerDelaysTheNoticesByAboutAMinuteAndNoneIsSentTwice() {
    Instant down = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(down));
    smtp.stop();
    sender.start();

    List<Long> ids = record("outage");
    await().atMost(Duration.ofSeconds(60)).until(() -> attempted(ids, 1));
    ClockUtil.setCurrentTime(Date.from(down.plusSeconds(30)));
    await().atMost(Duration.ofSeconds(60)).until(() -> attempted(ids, 2));
    Instant back = down.plusSeconds(60);
    ClockUtil.setCurrentTime(Date.from(back));
    smtp.start();
    ClockUtil.setCurrentTime(Date.from(down.plusSeconds(90)));

    await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().map(notifications::find)
        .allMatch(n -> n.status() == Status.SENT));
    assertThat(ids.stream().map(notifications::find)).allSatisfy(n -> {
      assertThat(n.sentAt()).isBefore(back.plus(Duration.ofMinutes(2)));
      assertThat(n.attempts()).isEqualTo(3);
      assertThat(n.possiblySentTwice()).isFalse();
    });
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(Mails::messageId).distinct())
        .hasSize(ids.size()).hasSize(smtp.getReceivedMessages().length);
  }

  /** Notices due at once, recorded in one transaction: to the demo Driver, one per task. */
  private List<Long> record(String prefix) {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    new TransactionTemplate(transactions).executeWithoutResult(tx -> IntStream.range(0, NOTICES).forEach(i ->
        notifications.record(new TaskNotice(TaskNotice.Kind.REMINDER, 1, oapId, prefix + "-" + i, "Task " + i,
            Instant.parse("2030-01-15T00:00:00Z"), "driver", List.of()), null)));
    return jdbc.sql("SELECT id FROM notification WHERE task_id LIKE ? ORDER BY id").param(prefix + "-%")
        .query(Long.class).list();
  }

  /** Every notice failed this many times and waits for its next attempt. */
  private boolean attempted(List<Long> ids, int attempts) {
    return ids.stream().map(notifications::find).allMatch(n -> n.status() == Status.RETRYING && n.attempts() == attempts);
  }

  private long count(String condition) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE " + condition).query(Long.class).single();
  }

}
