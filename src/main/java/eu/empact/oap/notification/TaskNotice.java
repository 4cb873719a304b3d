package eu.empact.oap.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notice about a task: reminder {@code number} before or after its due date. Its people are
 * the assignee, or every member of the candidate groups when nobody has claimed it.
 */
public record TaskNotice(Kind kind, int number, Long oapId, String taskId, String taskName, Instant dueDate,
                         String assignee, List<String> candidateGroups, String details) {

  public enum Kind {
    /** Before the due date, to the task's people. */
    REMINDER,
    /** After the due date, to the task's people. */
    OVERDUE,
    /** After the due date, to the OAP's Driver and Co-Drivers: who is late. */
    LATE
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
