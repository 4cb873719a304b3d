package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.empact.oap.support.ProcessTestContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A completion that collides with parallel work (here: the task changed by another connection
 * while its complete listener runs) is run again as a whole, in a new transaction: what the first
 * attempt wrote to the application's tables rolled back with the engine's work, so the completion
 * is recorded once. One that keeps colliding fails after the last attempt with nothing recorded.
 */
@ProcessTestContext
class CompletionRetryProcessTest {

  static final String PROCESS = "completion-retry-probe";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @BeforeAll
  static void probeTable(@Autowired JdbcClient jdbc, @Autowired RepositoryService repository) {
    jdbc.sql("CREATE TABLE completion_probe (task_id VARCHAR(64) NOT NULL, attempt INT NOT NULL)").update();
    repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Probe")
        .camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, CollidingListener.class).endEvent().done()).deploy();
  }

  @AfterAll
  static void dropProbeTable(@Autowired JdbcClient jdbc) {
    jdbc.sql("DROP TABLE completion_probe").update();
  }

  @BeforeEach
  void listen() {
    CollidingListener.jdbc = jdbc;
    CollidingListener.dataSource = dataSource;
    CollidingListener.ATTEMPTS.set(0);
  }

  @Test
  void aCompletionThatCollidesIsRunAgainWholeAndRecordedOnce() {
    CollidingListener.collisions = 1;
    Task task = probeTask();

    tasks.complete(task.getId());

    assertThat(CollidingListener.ATTEMPTS).hasValue(2);
    assertThat(recorded(task)).containsExactly(2);
    assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().singleResult()
        .getDeleteReason()).isEqualTo("completed");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void aCompletionThatKeepsCollidingFailsAfterItsLastAttemptWithNothingRecorded() {
    CollidingListener.collisions = Integer.MAX_VALUE;
    Task task = probeTask();

    assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(OptimisticLockingException.class);

    assertThat(CollidingListener.ATTEMPTS).hasValue(4);
    assertThat(recorded(task)).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private Task probeTask() {
    String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private List<Integer> recorded(Task task) {
    return jdbc.sql("SELECT attempt FROM completion_probe WHERE task_id = ?").param(task.getId()).query(Integer.class)
        .list();
  }

  /**
   * Records each attempt in the completion's transaction, as the application's listeners record in
   * the registry, then, while collisions are left, changes the task from another connection, as a
   * parallel completion or job would: the engine's optimistic check fails the attempt at its end.
   */
  public static class CollidingListener implements TaskListener {
    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static volatile int collisions;
    static volatile JdbcClient jdbc;
    static volatile DataSource dataSource;

    @Override
    public void notify(DelegateTask task) {
      int attempt = ATTEMPTS.incrementAndGet();
      jdbc.sql("INSERT INTO completion_probe (task_id, attempt) VALUES (?, ?)").params(task.getId(), attempt).update();
      if (attempt <= collisions) {
        String sql = "UPDATE ACT_RU_TASK SET REV_ = REV_ + 1 WHERE ID_ = ?";
        try (Connection other = dataSource.getConnection(); PreparedStatement change = other.prepareStatement(sql)) {
          other.setAutoCommit(true);
          change.setString(1, task.getId());
          change.executeUpdate();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
