package eu.empact.oap.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notice about a task: that it was created ({@code number} 0), or reminder {@code number}
 * before or after its due date. Its people are
 * the assignee, or every member of the candidate groups when nobody has claimed it; the members
 * of the copy groups receive it in copy. Exhortations and exclusions of the exclusion clause are
 * notices too, about an escalation rather than a task ({@code taskId} "escalation-7").
 */
public record TaskNotice(Kind kind, int number, Long oapId, String taskId, String taskName, Instant dueDate,
                         String assignee, List<String> candidateGroups, String details, List<String> copyGroups) {

  public enum Kind {
    /** When the engine creates the task, to its people ({@code empact.notifications.task-created}). */
    NEW_TASK,
    /** Before the due date, to the task's people. */
    REMINDER,
    /** After the due date, to the task's people. */
    OVERDUE,
    /** After the due date, to the OAP's Driver and Co-Drivers: who is late. */
    LATE,
    /** The Driver's exhortation to an actor that did not meet its commitments. */
    EXHORTATION,
    /** An actor is no longer participant in the OAP. */
    EXCLUSION,
    /**
     * A person named in an OAP's directory got an account: the link to set its password
     * ({@code taskId} "set-password-" and the link's token; recorded without an OAP, so that only
     * administrators read it among the notifications).
     */
    ACCOUNT;

    /** Whether the notice is about a task (rather than an escalation). */
    boolean aboutTask() {
      return this == NEW_TASK || this == REMINDER || this == OVERDUE || this == LATE;
    }
  }

  public TaskNotice {
    copyGroups = copyGroups == null ? List.of() : List.copyOf(copyGroups);
  }

  public TaskNotice(Kind kind, int number, Long oapId, String taskId, String taskName, Instant dueDate,
                    String assignee, List<String> candidateGroups, String details) {
    this(kind, number, oapId, taskId, taskName, dueDate, assignee, candidateGroups, details, List.of());
  }

  public TaskNotice(Kind kind, int number, Long oapId, String taskId, String taskName, Instant dueDate,
                    String assignee, List<String> candidateGroups) {
    this(kind, number, oapId, taskId, taskName, dueDate, assignee, candidateGroups, null);
  }

  /** The same notice to the same person is recorded, and sent, once. */
  String key(String recipient) {
    return kind + ":" + taskId + ":" + number + ":" + recipient;
  }
}
