package eu.empact.oap.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks, with two changes for what every request asks (issue 14, ADR
 * 0021).
 *
 * <p><b>Task lists check each task by itself.</b> The engine checks a query of open tasks in one of
 * two ways: unless the user or its groups have a revoking authorization, it joins their grants to
 * the tasks on {@code RESOURCE_ID_ IN (task, process definition, '*')}, a join that no database can
 * hash, so that each of a group's tasks is compared with each of its grants (seconds for a user
 * whose groups hold thousands of tasks); otherwise it looks each task's grants and revocations up
 * by the authorization table's indexes. Here open-task queries always take the second way, which
 * gives the same answers. Other queries keep the engine's choice: the second way hides from a
 * person the history of its own finished tasks ({@code RecordIntegrityIT}).
 *
 * <p><b>The user's groups as they were authenticated.</b> Before its
 * first check in each command, the engine's {@link AuthorizationManager} reads every group that has
 * any authorization ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}) to leave out of
 * its checks the user's groups that have none: with one authorization per task and candidate group,
 * that reads the whole table (100,000 rows at 50,000 open tasks) on every request and every
 * completion (issue 14). A group without authorizations grants nothing, so leaving it in gives the
 * same answers; a user in more than {@value #MAX_GROUPS} groups gets the engine's filtering, which
 * keeps the statements' lists short.
 */
final class GroupsAsAuthenticated extends AuthorizationManager {

  static final int MAX_GROUPS = 100;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.size() > MAX_GROUPS) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    return new ArrayList<>(authenticatedGroupIds);
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    if (query.getAuthCheck().isAuthorizationCheckEnabled()) {
      query.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
    }
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GroupsAsAuthenticated();
    }
  }
}
