package eu.empact.oap.notification;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.notification.Notification.Status;
import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the recorded notices, on every node, apart from the engine's jobs: a reminder job only
 * records its notices, so that neither a slow nor a dead SMTP server holds a job thread, and no
 * thread ever holds one database connection while it waits for another.
 *
 * <p>A node claims a due notice with a conditional update (one winner among the nodes) and a lease
 * ({@code sending-lease}), which it renews while it sends; it holds no connection while it talks to
 * the SMTP server, and marks the notice SENT, with its own name, as soon as the server accepted it.
 * A failed attempt is tried again after the next of the {@code retry-delays}; after the last, the
 * notice is FAILED and an incident shows on its process instance in Cockpit
 * ({@link NotificationIncidents}). A notice whose node died mid-way (its lease ran out) is taken
 * over by another node and keeps the time of the attempt it replaces: if that attempt had reached the
 * SMTP server, the notice went out twice, with the same Message-ID.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class NotificationSender implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

  private final JdbcClient jdbc;
  private final JavaMailSender mail;
  private final IdentityService identity;
  private final NotificationProperties properties;
  private final NotificationIncidents incidents;
  private final MailLinks links;
  private final Clock clock;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean pollQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService scheduler;
  private volatile ExecutorService workers;

  NotificationSender(JdbcClient jdbc, JavaMailSender mail, IdentityService identity, NotificationProperties properties,
                     NotificationIncidents incidents, MailLinks links, Clock clock) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.identity = identity;
    this.properties = properties;
    this.incidents = incidents;
    this.links = links;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    AtomicInteger threads = new AtomicInteger();
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "notification-poller"));
    workers = Executors.newFixedThreadPool(properties.senders(),
        task -> daemon(task, "notification-sender-" + threads.incrementAndGet()));
    long poll = properties.pollInterval().toMillis();
    long renew = Math.max(properties.sendingLease().toMillis() / 3, 100);
    scheduler.scheduleWithFixedDelay(this::pollSafely, poll, poll, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::renewSafely, renew, renew, TimeUnit.MILLISECONDS);
    LOG.info("Notification sender of node {} started: {} at a time, lease {}, retries after {}", properties.node(),
        properties.senders(), properties.sendingLease(), properties.retryDelays());
  }

  /** Stops taking notices; those being sent finish (their lease keeps them meanwhile). */
  @Override
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    workers.shutdown();
    try {
      workers.awaitTermination(properties.sendingLease().toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    scheduler = null;
    workers = null;
  }

  @Override
  public boolean isAutoStartup() {
    return properties.send();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** Looks for notices due now, without waiting for the next poll. */
  void wake() {
    ScheduledExecutorService current = scheduler;
    if (current != null && pollQueued.compareAndSet(false, true)) {
      current.execute(this::pollSafely);
    }
  }

  private void pollSafely() {
    pollQueued.set(false);
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("Looking for notices due failed; trying again in {}: {}", properties.pollInterval(), e.toString());
    }
  }

  private void renewSafely() {
    try {
      renew();
    } catch (RuntimeException e) {
      LOG.warn("Renewing the lease of {} notices failed: {}", inFlight.size(), e.toString());
    }
  }

  /** Claims as many notices due as there are free senders and hands them over. */
  private void poll() {
    int free = properties.senders() - inFlight.size();
    if (free <= 0 || workers == null) {
      return;
    }
    Instant now = clock.instant();
    List<Long> due = new ArrayList<>(jdbc.sql("""
            SELECT id FROM notification
            WHERE (status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_until < ?)
            ORDER BY id FETCH FIRST ? ROWS ONLY""")
        .params(Timestamp.from(now), Timestamp.from(now), free * 4).query(Long.class).list());
    Collections.shuffle(due);
    int claimed = 0;
    for (Long id : due) {
      if (claimed == free) {
        break;
      }
      if (claim(id, now)) {
        claimed++;
        inFlight.add(id);
        workers.execute(() -> deliver(id));
      }
    }
  }

  /** One winner among the nodes: the notice is due, or its holder's lease ran out (the holder died). */
  private boolean claim(long id, Instant now) {
    return jdbc.sql("""
            UPDATE notification SET status = 'SENDING', claimed_by = ?, claimed_at = ?, claimed_until = ?,
              attempts = attempts + 1,
              previous_attempt_at = CASE WHEN status = 'SENDING' THEN claimed_at ELSE previous_attempt_at END
            WHERE id = ? AND ((status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?)
              OR (status = 'SENDING' AND claimed_until < ?))""")
        .params(properties.node(), Timestamp.from(now), Timestamp.from(now.plus(properties.sendingLease())), id,
            Timestamp.from(now), Timestamp.from(now))
        .update() == 1;
  }

  private void deliver(long id) {
    try {
      Delivery delivery = jdbc.sql("SELECT * FROM notification WHERE id = ?").param(id)
          .query((rs, n) -> new Delivery(Notifications.notification(rs, n), rs.getString("cc_emails"),
              rs.getString("process_instance_id"), rs.getString("recipient_name"))).single();
      Notification notification = delivery.notification();
      try {
        String name = delivery.recipientName() != null ? delivery.recipientName()
            : displayName(notification.recipientUser());
        String link = links.of(notification, delivery.processInstanceId());
        mail.send(NotificationMail.of(mail, notification, delivery.copies(), name, link, properties,
            clock.instant()));
      } catch (MessagingException | RuntimeException e) {
        failed(notification, e);
        return;
      }
      markSent(notification);
    } catch (RuntimeException e) {
      LOG.error("Notification {} could not be marked; it is taken over when its lease runs out", id, e);
    } finally {
      inFlight.remove(id);
      wake();
    }
  }

  private void markSent(Notification notification) {
    Instant now = clock.instant();
    int marked = jdbc.sql("""
            UPDATE notification SET status = 'SENT', sent_at = ?, sent_by = ?, last_error = NULL,
              next_attempt_at = NULL, claimed_until = NULL
            WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""")
        .params(Timestamp.from(now), properties.node(), notification.id(), properties.node()).update();
    if (marked == 0) {
      LOG.warn("Notification {} to {} was sent after this node's lease on it ran out: another node took it over "
          + "and may send it again (same Message-ID {})", notification.id(), notification.recipientEmail(),
          notification.messageId());
    }
  }

  /** Tried again after the next retry delay; after the last, FAILED with an incident in Cockpit. */
  private void failed(Notification notification, Exception e) {
    String error = e.getMessage() == null ? e.toString() : e.getMessage();
    int retries = properties.retryDelays().size();
    boolean retry = notification.attempts() <= retries;
    Instant next = retry ? clock.instant().plus(properties.retryDelays().get(notification.attempts() - 1)) : null;
    int marked = jdbc.sql("""
            UPDATE notification SET status = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL
            WHERE id = ? AND status = 'SENDING' AND claimed_by = ?""")
        .params(retry ? Status.RETRYING.name() : Status.FAILED.name(), error.substring(0, Math.min(error.length(), 2000)),
            next == null ? null : Timestamp.from(next), notification.id(), properties.node())
        .update();
    if (marked == 0) {
      return;
    }
    if (retry) {
      LOG.warn("Notification {} to {} not sent (attempt {}): {}; trying again at {}", notification.id(),
          notification.recipientEmail(), notification.attempts(), error, next);
    } else {
      LOG.error("Notification {} to {} not sent after {} attempts: {}; an incident shows in Cockpit",
          notification.id(), notification.recipientEmail(), notification.attempts(), error);
      incidents.raise(notification.id(), "Notification " + notification.id() + " to " + notification.recipientEmail()
          + " not sent after " + notification.attempts() + " attempts: " + error);
    }
  }

  /** Extends the lease of every notice this node is sending: a live node keeps its claims. */
  private void renew() {
    List<Long> holding = List.copyOf(inFlight);
    if (holding.isEmpty()) {
      return;
    }
    Instant until = clock.instant().plus(properties.sendingLease());
    jdbc.sql("UPDATE notification SET claimed_until = :until WHERE status = 'SENDING' AND claimed_by = :node "
            + "AND id IN (:ids)")
        .param("until", Timestamp.from(until)).param("node", properties.node()).param("ids", holding).update();
  }

  private String displayName(String userId) {
    User user = WithoutAuthorizationChecks.call(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : Notifications.name(user);
  }

  /**
   * A notice as a sender reads it: the record, the addresses in copy (comma-separated, or null)
   * and the process it was recorded in (or null).
   */
  /** A notice as the sender reads it; {@code recipientName} is null for notices recorded before V22. */
  private record Delivery(Notification notification, String copies, String processInstanceId, String recipientName) {}

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
