package eu.empact.oap.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subject of every user task, written once when the task is created, read when it is completed. */
@Repository
public class TaskSubjects {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TaskRouting routing;

  TaskSubjects(JdbcClient jdbc, Clock clock, TaskRouting routing) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.routing = routing;
  }

  /** Who a task goes to once its subject is recorded: {@link FormTaskListener} asks it for every new task. */
  TaskRouting routing() {
    return routing;
  }

  public TaskSubject record(String taskId, TaskSubject subject) {
    jdbc.sql("INSERT INTO task_subject (task_id, process_key, oap_id, revision, round_number, actor, oa_ref, "
            + "escalation_id, commitment_id, activity_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(taskId, subject.processKey(), subject.oapId(), subject.revision(), subject.round(), subject.actor(),
            subject.oaRef(), subject.escalationId(), subject.commitmentId(), subject.activityId(),
            Timestamp.from(clock.instant()))
        .update();
    return subject;
  }

  /** The subject recorded for a task; a task created without one is a fault, not a user's mistake. */
  public TaskSubject of(String taskId) {
    return jdbc.sql("SELECT * FROM task_subject WHERE task_id = ?").param(taskId)
        .query((rs, n) -> new TaskSubject(rs.getString("process_key"), rs.getObject("oap_id", Long.class),
            rs.getObject("revision", Integer.class), rs.getObject("round_number", Integer.class),
            rs.getString("actor"), rs.getString("oa_ref"), rs.getObject("escalation_id", Long.class),
            rs.getObject("commitment_id", Long.class), rs.getObject("activity_id", Long.class),
            rs.getString("on_behalf_of")))
        .optional()
        .orElseThrow(() -> new IllegalStateException("task " + taskId + " has no recorded subject"));
  }
}
