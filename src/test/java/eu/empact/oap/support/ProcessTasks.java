package eu.empact.oap.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** The open tasks of one process instance in a process test, completed as the demo user of their group would. */
public final class ProcessTasks {

  private final TaskService tasks;
  private final String processInstanceId;

  public ProcessTasks(TaskService tasks, String processInstanceId) {
    this.tasks = tasks;
    this.processInstanceId = processInstanceId;
  }

  public Task single(String activity) {
    List<Task> found = all(activity);
    assertThat(found).as(activity).hasSize(1);
    return found.get(0);
  }

  /** The open tasks at an activity, by name. */
  public List<Task> all(String activity) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activity).orderByTaskName()
        .asc().list();
  }

  public List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  /** Completes as the demo user of the task's first candidate group would, as its assignee. */
  public void complete(Task task, Map<String, Object> variables) {
    tasks.setAssignee(task.getId(), EngineRest.demoUser(groups(task).get(0)));
    tasks.complete(task.getId(), variables);
  }
}
