package eu.empact.oap.notification;

import java.time.Instant;

/** A notification as recorded: who, what, when, and whether it went out. */
public record Notification(long id, TaskNotice.Kind kind, Long oapId, String taskId, String taskName, String details,
                           Instant dueDate,
                           String recipientUser, String recipientEmail, String subject, Status status, int attempts,
                           Instant createdAt, Instant sentAt, String lastError) {

  public enum Status {
    /** Recorded, not sent yet. */
    PENDING,
    /** A delivery holds it (until it ends or its lease runs out). */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** The last attempt failed; it is tried again. */
    FAILED,
    /** No SMTP server is configured: recorded only. */
    NOT_DELIVERED,
    /** The recipient has no e-mail address in the identity service. */
    NO_EMAIL_ADDRESS
  }
}
