package eu.empact.oap.identity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts: the authenticated user, else the task's assignee; recorded with every decision. */
public final class TaskUser {

  private TaskUser() {}

  public static String of(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null) {
      return current.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }

  public static String of(DelegateExecution execution) {
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : "system";
  }
}
