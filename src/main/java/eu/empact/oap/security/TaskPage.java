package eu.empact.oap.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * A page of a task list checks the authorizations of the tasks on the page, not of every task that
 * could be on it (issue 14, ADR 0022).
 *
 * <p>The engine's task query checks each candidate task (every open task of the user's groups, for
 * "My group's tasks") before it sorts them and takes the page: an Action Leader whose groups hold
 * 3,000 open tasks waits for 3,000 checks of three index lookups each, to see 50. On PostgreSQL,
 * {@code task-page.xml} replaces that statement: the engine's own fragments select the candidates
 * (unchecked, distinct, in the query's order), and the engine's own check then runs on them in that
 * order until the page is full. The answers are the same rows in the same order: the check of a
 * task depends on that task only, and the order breaks ties the same way (by every column, the
 * {@code DISTINCT}'s sort).
 *
 * <p>A query that sorts by a related table (a variable's value), ignores the case of names, or is
 * not checked, keeps the engine's statement as it is.
 */
public final class TaskPage {

  /** The check the candidates are selected with: none. */
  public static final AuthorizationCheck NO_CHECK = new AuthorizationCheck();

  public static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";
  public static final String STATEMENT = "eu.empact.oap.security.TaskPage.selectTaskPageByQueryCriteria";
  private static final String MAPPER = "eu/empact/oap/security/task-page.xml";

  private TaskPage() {}

  /** Whether this query takes the paged check; called by {@code task-page.xml}. */
  public static boolean checksThePage(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    // the getter, as the engine's statements ask it (the field alone is not set for every query)
    return check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
        && check.isRevokeAuthorizationCheckEnabled() && !query.isTaskNameCaseInsensitive()
        // a column of the task itself: no related table, no function of a column
        && query.getOrderingProperties().stream().allMatch(QueryOrderingProperty::isContainedProperty);
  }

  /** On PostgreSQL, adds the statement to the engine's MyBatis mappings and has task queries use it. */
  static void install(ProcessEngineConfigurationImpl engine) {
    if (!"postgres".equals(engine.getDatabaseType())) {
      return;
    }
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT, false)) {
      try (InputStream mapper = TaskPage.class.getClassLoader().getResourceAsStream(MAPPER)) {
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      mappings.putAll(sessions.getStatementMappings());
    }
    mappings.put(ENGINE_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
  }
}
