package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that accepts connections and then says nothing: the node keeps its claim on the
 * notice past the first lease (it renews the lease while it waits), and the read timeout ends the
 * attempt, so that a hung server fails a send instead of holding a sender for ever.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = {"empact.demo.enabled=true", "spring.mail.host=localhost",
    "empact.notifications.node=node-a", "empact.notifications.poll-interval=PT0.2S",
    "empact.notifications.sending-lease=PT2S", "spring.mail.properties[mail.smtp.timeout]=6000"})
@ActiveProfiles("postgres")
class HungSmtpServerIT {

  static final List<Socket> CONNECTIONS = new CopyOnWriteArrayList<>();
  static final ServerSocket SILENT = silentServer();

  @Autowired Notifications notifications;
  @Autowired OapRegistry registry;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
    properties.add("spring.mail.port", SILENT::getLocalPort);
  }

  @AfterAll
  static void closeServer() throws IOException {
    SILENT.close();
    for (Socket connection : CONNECTIONS) {
      connection.close();
    }
  }

  @Test
  void aLiveNodeKeepsItsClaimWhileTheServerHangsAndTheTimeoutEndsTheAttempt() {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    notifications.record(new TaskNotice(TaskNotice.Kind.REMINDER, 1, oapId, "hung-1", "Task",
        Instant.parse("2030-01-15T00:00:00Z"), "driver", List.of()), null);

    Map<String, Object> claim = await().atMost(Duration.ofSeconds(20)).until(this::claim,
        row -> "SENDING".equals(row.get("status")));
    Instant claimedAt = ((Timestamp) claim.get("claimed_at")).toInstant();

    await().atMost(Duration.ofSeconds(5)).until(() -> {
      Map<String, Object> row = claim();
      return "SENDING".equals(row.get("status")) && Instant.now().isAfter(claimedAt.plusSeconds(3))
          && ((Timestamp) row.get("claimed_until")).toInstant().isAfter(claimedAt.plusSeconds(3));
    });
    assertThat(claim()).containsEntry("claimed_by", "node-a").containsEntry("attempts", 1);

    Notification failed = await().atMost(Duration.ofSeconds(20)).until(
        () -> notifications.forOap(oapId).stream().filter(n -> n.taskId().equals("hung-1")).findFirst().orElseThrow(),
        n -> n.status() == Notification.Status.RETRYING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).containsIgnoringCase("timed out");
    assertThat(failed.previousAttemptAt()).isNull();
  }

  private Map<String, Object> claim() {
    return jdbc.sql("SELECT status, claimed_by, claimed_at, claimed_until, attempts FROM notification "
        + "WHERE task_id = 'hung-1'").query().singleRow();
  }

  /** Accepts every connection and never answers. */
  private static ServerSocket silentServer() {
    try {
      ServerSocket server = new ServerSocket(0);
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            CONNECTIONS.add(server.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "silent-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
