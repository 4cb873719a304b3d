package eu.empact.oap.drafting;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.identity.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Whether the Driver's draft task of an OAP's adoption is open: the drafting page edits the draft
 * only then. Asked of the engine as the system (the Support Unit does not see the Driver's task).
 */
@Component
class DraftTasks {

  private final TaskService tasks;

  DraftTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  boolean open(long oapId) {
    return WithoutAuthorizationChecks.call(() -> tasks.createTaskQuery().processDefinitionKey(AdoptionProcess.KEY)
        .processInstanceBusinessKey(AdoptionProcess.businessKey(oapId)).taskDefinitionKey(AdoptionProcess.TASK_DRAFT)
        .active().count() > 0);
  }
}
