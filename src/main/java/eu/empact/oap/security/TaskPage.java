package eu.empact.oap.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.db.sql.MybatisJoinHelper;

/**
 * A page of a task list checks the authorizations of the tasks on the page, not of every task that
 * could be on it (issue 14, ADRs 0022 and 0023).
 *
 * <p>The engine's task query checks each candidate task (every open task of the user's groups, for
 * "My group's tasks") before it sorts them and takes the page: an Action Leader whose groups hold
 * 3,000 open tasks waits for 3,000 checks of three index lookups each, to see 50. On PostgreSQL,
 * {@code task-page.xml} replaces that statement: the engine's own fragments select the candidates
 * (unchecked, once each, in the query's order with ties broken by the task's id), and the engine's
 * check, restated with the user's groups as one array, then runs on them in that order until the
 * page is full. The candidates are planned for the page's rows only, so PostgreSQL can walk them in
 * the order of an index (the due date's) and stop, whatever the number of open tasks. The answers
 * are the engine's for the same query sorted, last, by task id.
 *
 * <p>A query that sorts by a related table (a variable's value), ignores the case of names, is not
 * checked, or is checked otherwise than the engine checks task lists, keeps the engine's statement
 * as it is.
 */
public final class TaskPage {

  /** The check the candidates are selected with: none. */
  public static final AuthorizationCheck NO_CHECK = new AuthorizationCheck();

  public static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";
  public static final String STATEMENT = "eu.empact.oap.security.TaskPage.selectTaskPageByQueryCriteria";
  private static final String MAPPER = "eu/empact/oap/security/task-page.xml";

  /** The engine's names of a checked resource's id, and ours on a row of the candidates. */
  private static final Map<String, String> COLUMNS = Map.of("RES.ID_", "RES.ID_", "D.KEY_", "RES.PROC_DEF_KEY_");

  private TaskPage() {}

  /** Whether this query takes the paged check; called by {@code task-page.xml}. */
  public static boolean checksThePage(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    // the getter, as the engine's statements ask it (the field alone is not set for every query)
    return check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
        && check.isRevokeAuthorizationCheckEnabled() && restatable(check.getPermissionChecks())
        && !query.isTaskNameCaseInsensitive()
        // a column of the task itself: no related table, no function of a column
        && query.getOrderingProperties().stream().allMatch(QueryOrderingProperty::isContainedProperty);
  }

  /**
   * Whether {@code task-page.xml} states this check as the engine would: any one of some permissions,
   * each on the task or on its process definition, with nothing (not another value) where nothing
   * is granted or revoked. The engine's task lists check READ on the task or READ_TASK on its process
   * definition so.
   */
  private static boolean restatable(CompositePermissionCheck checks) {
    List<PermissionCheck> atomic = checks.getAtomicChecks();
    return checks.isDisjunctive() && checks.getCompositeChecks().isEmpty() && !atomic.isEmpty()
        && atomic.stream().allMatch(check -> check.getResourceId() == null
            && COLUMNS.containsKey(check.getResourceIdQueryParam())
            && check.getAuthorizationNotFoundReturnValue() == null);
  }

  /** The column of a candidate that a permission is checked on; called by {@code task-page.xml}. */
  public static String resourceId(PermissionCheck check) {
    return COLUMNS.get(check.getResourceIdQueryParam());
  }

  /** The user's groups as one array parameter; called by {@code task-page.xml}. */
  public static String[] groups(AuthorizationCheck check) {
    return check.getAuthGroupIds().toArray(String[]::new);
  }

  /** The candidates' order; called by {@code task-page.xml}. */
  public static Order order(TaskQueryImpl query) {
    return Order.of(query.getOrderingProperties());
  }

  /**
   * A query's order with ties broken by the task's id (in the direction of the last criterion, so
   * that one index can serve it): {@code sql} for {@code ORDER BY}, {@code columns} for the
   * {@code DISTINCT ON} that must begin with the same expressions.
   */
  public record Order(String sql, String columns) {

    static Order of(List<QueryOrderingProperty> properties) {
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < properties.size(); i++) {
        terms.add(MybatisJoinHelper.orderBy(properties.get(i), i));
      }
      String direction = properties.isEmpty() ? "asc" : properties.get(properties.size() - 1).getDirection().getName();
      terms.add("RES.ID_ " + direction);
      return new Order(String.join(", ", terms),
          terms.stream().map(term -> term.substring(0, term.lastIndexOf(' '))).collect(Collectors.joining(", ")));
    }
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
