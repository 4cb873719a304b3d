package eu.empact.oap.notification;

import java.time.Instant;

/**
 * A notification as recorded: who, what, when, and whether it went out.
 *
 * @param messageId the Message-ID of every attempt to send it: mail systems that deduplicate by it
 *     show one message even when it was sent twice
 * @param nextAttemptAt when a sender tries it (again); null once it is sent or failed for good
 * @param previousAttemptAt the start of an attempt that a node did not finish (it died): that
 *     attempt may have reached the SMTP server, so a notice sent afterwards may have gone out twice
 * @param sentBy the node that sent it
 */
public record Notification(long id, TaskNotice.Kind kind, Long oapId, String taskId, String taskName, String details,
                           Instant dueDate,
                           String recipientUser, String recipientEmail, String subject, Status status, int attempts,
                           Instant createdAt, Instant sentAt, String lastError, String messageId,
                           Instant nextAttemptAt, Instant previousAttemptAt, String sentBy) {

  public enum Status {
    /** Recorded, to be sent at its next attempt time. */
    PENDING,
    /** A node sends it (until it ends or the node's lease runs out). */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** The last attempt failed; it is tried again at its next attempt time. */
    RETRYING,
    /** Every attempt failed: an incident in Cockpit, whose retry sends it again. */
    FAILED,
    /** No SMTP server is configured: recorded only. */
    NOT_DELIVERED,
    /** The recipient has no e-mail address in the identity service. */
    NO_EMAIL_ADDRESS
  }

  /** Sent after an attempt that a dead node had started: the recipient may have it twice (same Message-ID). */
  public boolean possiblySentTwice() {
    return status == Status.SENT && previousAttemptAt != null;
  }
}
