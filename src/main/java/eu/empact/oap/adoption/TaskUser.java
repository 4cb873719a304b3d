package eu.empact.oap.adoption;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts: the authenticated user, else the task's assignee; recorded with every decision. */
final class TaskUser {

  private TaskUser() {}

  static String of(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null) {
      return current.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }

  static String of(DelegateExecution execution) {
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : "system";
  }
}
