package eu.empact.oap.notification;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.notification.Notification.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The record of notices: each recorded once per notice and recipient, in the transaction of
 * whoever records it (a task's creation, a reminder job, an escalation step), and sent afterwards
 * by the {@link NotificationSender} of any node. Recording never sends and never opens a second
 * connection; the notice is sent only if its recording commits. Without an SMTP server
 * configured, notices are recorded as NOT_DELIVERED.
 */
@Service
public class Notifications {

  /** Process variable, visible in Cockpit: who could not be notified, and why. */
  static final String UNREACHABLE = "notificationsNotDelivered";

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final boolean mailConfigured;
  private final NotificationProperties properties;
  private final NotificationSender sender;
  private final Clock clock;

  Notifications(JdbcClient jdbc, IdentityService identity, Optional<JavaMailSender> mail,
                NotificationProperties properties, Optional<NotificationSender> sender, Clock clock) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.mailConfigured = mail.isPresent();
    this.properties = properties;
    this.sender = sender.orElse(null);
    this.clock = clock;
  }

  /**
   * Records the notice for each of its people, once; they are sent once the caller's transaction
   * commits. The process instance is where an incident shows if a notice cannot be sent.
   */
  public void record(TaskNotice notice, String processInstanceId) {
    recordFor(recipients(notice), notice, processInstanceId);
  }

  /**
   * Records the notice in the process it belongs to; the people it cannot reach stay visible in
   * Cockpit as a variable of the process ({@value #UNREACHABLE}).
   */
  void record(DelegateExecution execution, TaskNotice notice) {
    List<User> recipients = recipients(notice);
    recordFor(recipients, notice, execution.getProcessInstanceId());
    List<String> unreachable = recipients.stream().filter(user -> email(user) == null)
        .map(user -> user.getId() + " (no e-mail address)").toList();
    if (!unreachable.isEmpty()) {
      execution.getProcessInstance().setVariable(UNREACHABLE, String.join(", ", unreachable));
    }
  }

  private void recordFor(List<User> recipients, TaskNotice notice, String processInstanceId) {
    for (User recipient : recipients) {
      insert(notice, recipient, notice.key(recipient.getId()), processInstanceId);
    }
    wakeSenderAfterCommit();
  }

  public List<Notification> forOap(long oapId) {
    return jdbc.sql("SELECT * FROM notification WHERE oap_id = ? ORDER BY id").param(oapId)
        .query(Notifications::notification).list();
  }

  public List<Notification> all() {
    return jdbc.sql("SELECT * FROM notification ORDER BY id").query(Notifications::notification).list();
  }

  public Notification find(long id) {
    return jdbc.sql("SELECT * FROM notification WHERE id = ?").param(id).query(Notifications::notification).single();
  }

  /** The Message-ID of a notice to a person: the same for every attempt, so that a copy sent twice shows once. */
  String messageId(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String from = properties.from();
      String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "empact.invalid";
      return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".notice@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The assignee, or every member of the candidate groups; each once. */
  private List<User> recipients(TaskNotice notice) {
    Map<String, User> users = new LinkedHashMap<>();
    WithoutAuthorizationChecks.run(() -> {
      if (notice.assignee() != null) {
        Optional.ofNullable(identity.createUserQuery().userId(notice.assignee()).singleResult())
            .ifPresent(user -> users.put(user.getId(), user));
      } else {
        for (String group : notice.candidateGroups()) {
          identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
              .forEach(user -> users.putIfAbsent(user.getId(), user));
        }
      }
    });
    if (users.isEmpty()) {
      LOG.warn("Task {} ({}) has nobody to notify: no assignee and no member in {}", notice.taskId(),
          notice.taskName(), notice.candidateGroups());
    }
    return new ArrayList<>(users.values());
  }

  /**
   * One row per notice and person, in one statement that writes nothing if the notice was recorded
   * for the person before. Two recordings of the same notice at the same moment (a job retried
   * while its first run still commits) meet on the unique key: outside a transaction the second
   * leaves the first's row; inside one the transaction fails and its retry finds it.
   */
  private void insert(TaskNotice notice, User recipient, String key, String processInstanceId) {
    String email = email(recipient);
    Status status = email == null ? Status.NO_EMAIL_ADDRESS : mailConfigured ? Status.PENDING : Status.NOT_DELIVERED;
    if (email == null) {
      LOG.warn("User {} has no e-mail address: notice '{}' for task {} is recorded as {}", recipient.getId(),
          notice.kind(), notice.taskName(), status);
    }
    Instant now = clock.instant();
    String error = email == null ? "user " + recipient.getId() + " has no e-mail address"
        : mailConfigured ? null : "no SMTP server configured (spring.mail.host)";
    try {
      jdbc.sql("INSERT INTO notification (dedup_key, kind, oap_id, task_id, task_name, details, due_date, "
              + "recipient_user, recipient_name, recipient_email, subject, status, attempts, created_at, last_error, "
              + "cc_emails, message_id, next_attempt_at, process_instance_id) "
              + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ? FROM (VALUES (0)) AS one (n) "
              + "WHERE NOT EXISTS (SELECT 1 FROM notification WHERE dedup_key = ?)")
          .params(key, notice.kind().name(), notice.oapId(), notice.taskId(), notice.taskName(), notice.details(),
              notice.dueDate() == null ? null : Timestamp.from(notice.dueDate()), recipient.getId(), name(recipient),
              email, MailContent.subject(notice, properties.subjectPrefix()), status.name(), Timestamp.from(now), error,
              copyEmails(notice, recipient), messageId(key), status == Status.PENDING ? Timestamp.from(now) : null,
              processInstanceId, key)
          .update();
    } catch (DuplicateKeyException raced) {
      if (TransactionSynchronizationManager.isActualTransactionActive()) {
        throw raced;
      }
    }
  }

  /** How the e-mail greets the person: first and last name as the identity service has them, else the user id. */
  static String name(User user) {
    if (user.getFirstName() == null) {
      return user.getId();
    }
    return (user.getFirstName() + " " + (user.getLastName() == null ? "" : user.getLastName())).trim();
  }

  private static String email(User user) {
    return user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
  }

  /** The e-mail addresses of the copy groups' members (not the recipient), comma-separated; null for none. */
  private String copyEmails(TaskNotice notice, User recipient) {
    List<String> emails = new ArrayList<>();
    WithoutAuthorizationChecks.run(() -> notice.copyGroups().forEach(group ->
        identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
            .filter(user -> !user.getId().equals(recipient.getId()))
            .map(User::getEmail).filter(e -> e != null && !e.isBlank() && !emails.contains(e)).forEach(emails::add)));
    return emails.isEmpty() ? null : String.join(",", emails);
  }

  /** This node's sender looks at once, not at its next poll; the other nodes find them when they poll. */
  private void wakeSenderAfterCommit() {
    if (sender == null) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          sender.wake();
        }
      });
    } else {
      sender.wake();
    }
  }

  static Notification notification(ResultSet rs, int row) throws SQLException {
    return new Notification(rs.getLong("id"), TaskNotice.Kind.valueOf(rs.getString("kind")),
        rs.getObject("oap_id") == null ? null : rs.getLong("oap_id"), rs.getString("task_id"), rs.getString("task_name"),
        rs.getString("details"), instant(rs, "due_date"), rs.getString("recipient_user"), rs.getString("recipient_email"),
        rs.getString("subject"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
        instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("last_error"), rs.getString("message_id"),
        instant(rs, "next_attempt_at"), instant(rs, "previous_attempt_at"), rs.getString("sent_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
