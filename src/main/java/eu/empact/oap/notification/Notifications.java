package eu.empact.oap.notification;

import eu.empact.oap.shared.Rows;
import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.notification.Notification.Status;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records task notices and sends them, each exactly once per task, notice number and recipient.
 *
 * <p>Every step commits on its own ({@code REQUIRES_NEW}), apart from the job that runs it: a
 * notice is recorded once (a unique key), a delivery claims it with a lease before it talks to
 * the SMTP server, and it is marked sent as soon as the server accepted it. A job that is
 * retried, or whose transaction rolls back after the server accepted the message, finds it sent
 * and sends nothing. A failing server leaves the notice FAILED and the exception to the job, whose
 * retries end in an incident in Cockpit; retrying the incident sends it once the server is back.
 * Without an SMTP server configured, notices are recorded as NOT_DELIVERED.
 */
@Service
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final Optional<JavaMailSender> mail;
  private final NotificationProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  Notifications(JdbcClient jdbc, IdentityService identity, Optional<JavaMailSender> mail,
                NotificationProperties properties, PlatformTransactionManager transactions, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.mail = mail;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Records the notice for each of its people (once); returns the notifications still to deliver. */
  public List<Long> record(TaskNotice notice) {
    List<Long> toDeliver = new ArrayList<>();
    for (User recipient : recipients(notice)) {
      String key = notice.key(recipient.getId());
      Long id = ownTransaction.execute(status -> existing(key).orElseGet(() -> insert(notice, recipient, key)));
      Notification recorded = find(id);
      if (recorded.status() == Status.PENDING || recorded.status() == Status.FAILED
          || recorded.status() == Status.SENDING) {
        toDeliver.add(id);
      }
    }
    return toDeliver;
  }

  /** Sends one recorded notification unless it went out already. */
  public void deliver(long id) {
    if (mail.isEmpty()) {
      mark(id, Status.NOT_DELIVERED, "no SMTP server configured (spring.mail.host)", Status.PENDING);
      return;
    }
    if (!claim(id)) {
      return;
    }
    Notification notification = find(id);
    try {
      mail.get().send(message(notification));
    } catch (MailException | MessagingException e) {
      mark(id, Status.FAILED, e.getMessage(), Status.SENDING);
      throw new IllegalStateException("notification " + id + " to " + notification.recipientEmail()
          + " not sent: " + e.getMessage(), e);
    }
    mark(id, Status.SENT, null, Status.SENDING);
  }

  /** The people this notice could not reach, e.g. "no-mail (NO_EMAIL_ADDRESS)". */
  public List<String> unreachable(TaskNotice notice) {
    return jdbc.sql("SELECT recipient_user, status FROM notification WHERE dedup_key LIKE ? AND status = ?")
        .params(notice.key("") + "%", Status.NO_EMAIL_ADDRESS.name())
        .query((rs, n) -> rs.getString(1) + " (no e-mail address)").list();
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

  private Optional<Long> existing(String key) {
    return jdbc.sql("SELECT id FROM notification WHERE dedup_key = ?").param(key).query(Long.class).optional();
  }

  private Long insert(TaskNotice notice, User recipient, String key) {
    String email = recipient.getEmail() == null || recipient.getEmail().isBlank() ? null : recipient.getEmail();
    Status status = email == null ? Status.NO_EMAIL_ADDRESS : Status.PENDING;
    if (email == null) {
      LOG.warn("User {} has no e-mail address: notice '{}' for task {} is recorded as {}", recipient.getId(),
          notice.kind(), notice.taskName(), status);
    }
    MailContent content = new MailContent(notice, properties.tasklistUrl());
    String copies = copyEmails(notice, recipient);
    try {
      return Rows.insert(jdbc, "INSERT INTO notification (dedup_key, kind, oap_id, task_id, task_name, details, "
              + "due_date, recipient_user, recipient_email, subject, status, attempts, created_at, last_error, cc_emails) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", key, notice.kind().name(), notice.oapId(),
          notice.taskId(), notice.taskName(), notice.details(),
          notice.dueDate() == null ? null : Timestamp.from(notice.dueDate()),
          recipient.getId(), email, content.subject(properties.subjectPrefix()), status.name(),
          Timestamp.from(clock.instant()), email == null ? "user " + recipient.getId() + " has no e-mail address" : null,
          copies);
    } catch (DuplicateKeyException raced) {
      return existing(key).orElseThrow(() -> raced);
    }
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

  /** Takes the notification for this delivery, unless it is sent or another delivery holds a live lease. */
  private boolean claim(long id) {
    Instant now = clock.instant();
    Integer claimed = ownTransaction.execute(status -> jdbc.sql("""
            UPDATE notification SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1
            WHERE id = ? AND (status IN ('PENDING', 'FAILED') OR (status = 'SENDING' AND claimed_at < ?))""")
        .params(Timestamp.from(now), id, Timestamp.from(now.minus(properties.sendingLease()))).update());
    return claimed != null && claimed == 1;
  }

  private void mark(long id, Status status, String error, Status from) {
    ownTransaction.executeWithoutResult(tx -> jdbc.sql("UPDATE notification SET status = ?, last_error = ?, "
            + "sent_at = ? WHERE id = ? AND status = ?")
        .params(status.name(), error == null ? null : error.substring(0, Math.min(error.length(), 2000)),
            status == Status.SENT ? Timestamp.from(clock.instant()) : null, id, from.name()).update());
  }

  private MimeMessage message(Notification notification) throws MessagingException {
    MailContent content = new MailContent(new TaskNotice(notification.kind(), 0, notification.oapId(),
        notification.taskId(), notification.taskName(), notification.dueDate(), null, List.of(),
        notification.details()),
        properties.tasklistUrl());
    MimeMessage message = mail.get().createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from());
    helper.setTo(notification.recipientEmail());
    String copies = jdbc.sql("SELECT cc_emails FROM notification WHERE id = ?").param(notification.id())
        .query((rs, n) -> rs.getString(1)).list().get(0);
    if (copies != null) {
      helper.setCc(copies.split(","));
    }
    helper.setSubject(notification.subject());
    String name = displayName(notification.recipientUser());
    helper.setText(content.text(name), content.html(name));
    String calendar = content.calendar(clock.instant());
    if (calendar != null) {
      helper.addAttachment("deadline.ics", new ByteArrayResource(calendar.getBytes(StandardCharsets.UTF_8)),
          "text/calendar; charset=UTF-8; method=PUBLISH");
    }
    message.setHeader("X-EMPACT-Notification", notification.id() + "");
    return message;
  }

  private String displayName(String userId) {
    User user = WithoutAuthorizationChecks.call(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null || user.getFirstName() == null) {
      return userId;
    }
    return (user.getFirstName() + " " + (user.getLastName() == null ? "" : user.getLastName())).trim();
  }

  private static Notification notification(ResultSet rs, int row) throws SQLException {
    return new Notification(rs.getLong("id"), TaskNotice.Kind.valueOf(rs.getString("kind")),
        rs.getObject("oap_id") == null ? null : rs.getLong("oap_id"), rs.getString("task_id"), rs.getString("task_name"),
        rs.getString("details"), instant(rs, "due_date"), rs.getString("recipient_user"), rs.getString("recipient_email"),
        rs.getString("subject"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
        instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("last_error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
