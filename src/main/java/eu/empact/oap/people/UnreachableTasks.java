package eu.empact.oap.people;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.OapPeople.DirectoryChanged;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open tasks nobody can do: not assigned, and no candidate user nor any member in any candidate
 * group (ADR 0016). Checked at start-up (a warning in the log for each) and whenever an OAP's
 * directory changes; each such task of a process has an incident of type {@value #INCIDENT_TYPE}
 * on its execution, which the EMPACT Support Unit sees in Cockpit, resolved once somebody can do
 * the task. {@code GET /api/tasks/unreachable} lists them.
 */
@Component
public class UnreachableTasks {

  public static final String INCIDENT_TYPE = "unreachableTask";
  private static final Logger LOG = LoggerFactory.getLogger(UnreachableTasks.class);

  /** One query over the engine's tables, indexed by V14: fast enough at start-up with many open tasks. */
  private static final String UNREACHABLE = """
      SELECT t.ID_, t.NAME_, t.PROC_INST_ID_, t.EXECUTION_ID_, t.CREATE_TIME_ FROM ACT_RU_TASK t
      WHERE t.ASSIGNEE_ IS NULL AND NOT EXISTS (
        SELECT 1 FROM ACT_RU_IDENTITYLINK i WHERE i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate'
        AND (i.USER_ID_ IS NOT NULL OR EXISTS (SELECT 1 FROM ACT_ID_MEMBERSHIP m WHERE m.GROUP_ID_ = i.GROUP_ID_)))
      ORDER BY t.CREATE_TIME_, t.ID_
      """;

  private final JdbcClient jdbc;
  private final RuntimeService runtime;

  UnreachableTasks(JdbcClient jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  /** An open task nobody can do, with the groups it waits on. */
  public record Unreachable(String taskId, String name, String processInstanceId, Instant created,
                           List<String> candidateGroups) {}

  public List<Unreachable> list() {
    return jdbc.sql(UNREACHABLE).query((rs, n) -> new Unreachable(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getTimestamp(5).toInstant(), candidateGroups(rs.getString(1)))).list();
  }

  /** At start-up: a warning for each task nobody can do, and its incident. */
  @EventListener(ApplicationReadyEvent.class)
  public void checkAtStartUp() {
    List<Unreachable> found = check();
    if (found.isEmpty()) {
      LOG.info("Every open task has somebody who can do it");
    }
    found.forEach(task -> LOG.warn("Nobody can do the open task {} '{}' (process instance {}): its candidate groups "
        + "{} have no member; name its people in the OAP's directory (/api/oaps/{{id}}/people) or in Admin",
        task.taskId(), task.name(), task.processInstanceId(), task.candidateGroups()));
  }

  /** After a directory changed: the incidents follow (after the groups did and the tasks went back). */
  @EventListener
  @Order(3)
  public void directoryChanged(DirectoryChanged changed) {
    check();
  }

  /** Raises an incident for each task nobody can do that has none; resolves those of tasks somebody can do again. */
  List<Unreachable> check() {
    List<Unreachable> found = list();
    Set<String> unreachable = found.stream().map(Unreachable::taskId).collect(Collectors.toSet());
    WithoutAuthorizationChecks.run(() -> {
      List<Incident> open = runtime.createIncidentQuery().incidentType(INCIDENT_TYPE).list();
      Set<String> raised = open.stream().map(Incident::getConfiguration).collect(Collectors.toSet());
      for (Incident incident : open) {
        if (!unreachable.contains(incident.getConfiguration())) {
          runtime.resolveIncident(incident.getId());
        }
      }
      for (Unreachable task : found) {
        String execution = jdbc.sql("SELECT EXECUTION_ID_ FROM ACT_RU_TASK WHERE ID_ = ?").param(task.taskId())
            .query(String.class).optional().orElse(null);
        if (execution != null && !raised.contains(task.taskId())) {
          runtime.createIncident(INCIDENT_TYPE, execution, task.taskId(), "Nobody can do the task '" + task.name()
              + "': its candidate groups " + task.candidateGroups() + " have no member");
        }
      }
    });
    return found;
  }

  private List<String> candidateGroups(String taskId) {
    return jdbc.sql("SELECT GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ? AND TYPE_ = 'candidate' "
        + "AND GROUP_ID_ IS NOT NULL ORDER BY GROUP_ID_").param(taskId).query(String.class).list();
  }
}
