package eu.empact.oap.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Makes completions of tasks in the same process instance wait for each other instead of
 * colliding. A completion that ends one instance of a parallel multi-instance task (a report of a
 * round, an NEC's answer, an answer to an exhortation) updates the counters and the execution of
 * the multi-instance body, which every other instance updates too: the engine serialises them
 * optimistically, so of two completions at the same moment one fails whole. Locking the process
 * instance's row in the completion's own transaction, before the engine reads anything of the
 * instance (only the task itself has been read), makes the second completion wait until the first
 * has committed and then read what it wrote. Should the same task be completed twice at once, the
 * second finds its task changed (optimistic locking) and, run again, gone. The engine's optimistic
 * check stays; {@link EngineGate} runs again what still collides with work that takes no lock
 * (timers and other jobs).
 */
final class InstanceLock {

  private InstanceLock() {}

  /** Locks the row of the process instance the task belongs to; a task of no instance (or none) locks nothing. */
  static void ofTask(CommandContext context, String taskId) {
    String prefix = context.getProcessEngineConfiguration().getDatabaseTablePrefix();
    String sql = "SELECT ID_ FROM " + prefix + "ACT_RU_EXECUTION WHERE ID_ = (SELECT PROC_INST_ID_ FROM " + prefix
        + "ACT_RU_TASK WHERE ID_ = ?) FOR UPDATE";
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement lock = connection.prepareStatement(sql)) {
      lock.setString(1, taskId);
      try (ResultSet locked = lock.executeQuery()) {
        locked.next();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not lock the process instance of task " + taskId, e);
    }
  }
}
