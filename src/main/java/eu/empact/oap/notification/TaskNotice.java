package eu.empact.oap.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notice about a task: reminder {@code number} before or after its due date. Its people are
 * the assignee, or every member of the candidate groups when nobody has claimed it.
 */
public record TaskNotice(Kind kind, int number, Long oapId, String taskId, String taskName, Instant dueDate,
                         String assignee, List<String> candidateGroups) {

  public enum Kind { REMINDER, OVERDUE }

  /** The same notice to the same person is recorded, and sent, once. */
  String key(String recipient) {
    return kind + ":" + taskId + ":" + number + ":" + recipient;
  }
}
