package eu.empact.oap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.empact.oap.support.ProcessTestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reminder fragment names its task only by the task its timer is attached to: the timer's
 * cycle and the "Send reminders" task find the task from there, for a single task and for the
 * instances of a multi-instance task, side by side or one after the other. Three tasks with
 * their own reminders run at once, so a fragment that reminded another task's people would show.
 */
@ProcessTestContext
class ReminderFragmentProcessTest {

  static final Instant NOW = Instant.parse("2024-03-01T09:00:00Z");
  static final Instant DUE = NOW.plus(30, ChronoUnit.DAYS);
  static final List<String> PEOPLE = List.of("fragment-anna", "fragment-ben");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired Notifications notifications;

  ProcessInstance instance;

  @BeforeEach
  void startThreeRemindedTasks() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    if (repository.createProcessDefinitionQuery().processDefinitionKey("reminder-fragments").count() == 0) {
      repository.createDeployment().addModelInstance("reminder-fragments.bpmn", model()).deploy();
      PEOPLE.forEach(this::person);
    }
    instance = runtime.startProcessInstanceByKey("reminder-fragments",
        Map.of("due", Date.from(DUE), "people", PEOPLE, "person", PEOPLE.get(0)));
  }

  @AfterEach
  void endIt() {
    runtime.deleteProcessInstance(instance.getId(), "test done");
    ClockUtil.reset();
  }

  @Test
  void remindsTheSingleTaskItsTimerIsOnAndSchedulesTheNextPoint() {
    assertThat(timer("Timer_Single").getDuedate()).isEqualTo(Date.from(DUE.minus(14, ChronoUnit.DAYS)));

    fire("Timer_Single", "Task_SendSingle", DUE.minus(14, ChronoUnit.DAYS));

    String single = task("Task_Single").get(0).getId();
    assertThat(notices()).extracting(Notification::kind, Notification::taskId, Notification::recipientUser)
        .containsExactly(tuple(TaskNotice.Kind.REMINDER, single, PEOPLE.get(0)));
    // besides the notice when the task was created
    assertThat(notifications.all()).filteredOn(notice -> notice.taskId().equals(single))
        .extracting(Notification::kind).containsExactlyInAnyOrder(TaskNotice.Kind.NEW_TASK, TaskNotice.Kind.REMINDER);
    assertThat(timer("Timer_Single").getDuedate()).isEqualTo(Date.from(DUE.minus(7, ChronoUnit.DAYS)));
  }

  @Test
  void remindsEveryInstanceOfATaskWhoseInstancesRunSideBySide() {
    fire("Timer_Parallel", "Task_SendParallel", DUE.minus(14, ChronoUnit.DAYS));

    assertThat(notices()).extracting(Notification::taskId, Notification::recipientUser)
        .containsExactlyInAnyOrderElementsOf(task("Task_Parallel").stream()
            .map(task -> tuple(task.getId(), task.getAssignee())).toList());
    assertThat(task("Task_Parallel")).hasSize(2);
    assertThat(timer("Timer_Parallel").getDuedate()).isEqualTo(Date.from(DUE.minus(7, ChronoUnit.DAYS)));
  }

  @Test
  void remindsTheOpenInstanceOfATaskWhoseInstancesRunOneAfterTheOther() {
    fire("Timer_Sequential", "Task_SendSequential", DUE.minus(14, ChronoUnit.DAYS));

    assertThat(notices()).extracting(Notification::taskId, Notification::recipientUser)
        .containsExactly(tuple(task("Task_Sequential").get(0).getId(), PEOPLE.get(0)));
    assertThat(timer("Timer_Sequential").getDuedate()).isEqualTo(Date.from(DUE.minus(7, ChronoUnit.DAYS)));
  }

  /**
   * Process instances started on a model deployed before the fragments named their task once
   * (the task's id and kind written in the cycle and as the send task's input parameters) go on
   * reminding after the upgrade.
   */
  @Test
  void aModelDeployedBeforeTheFragmentsNamedTheirTaskOnceStillReminds() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("reminder-earlier").count() == 0) {
      repository.createDeployment().addModelInstance("reminder-earlier.bpmn", Bpmn
          .createExecutableProcess("reminder-earlier").camundaHistoryTimeToLive(1).startEvent()
          .userTask("Task_Earlier").camundaAssignee("${person}").camundaDueDate("${due}").endEvent()
          .moveToActivity("Task_Earlier").boundaryEvent("Timer_Earlier").cancelActivity(false)
          .timerWithCycle("${reminders.cycle(execution, 'Task_Earlier', 'fragment-test', due)}")
          .serviceTask("Task_SendEarlier").camundaAsyncBefore().camundaDelegateExpression("${sendRemindersDelegate}")
          .camundaInputParameter("remindedActivity", "Task_Earlier").camundaInputParameter("reminderKind", "fragment-test")
          .endEvent().done()).deploy();
    }
    ProcessInstance earlier = runtime.startProcessInstanceByKey("reminder-earlier",
        Map.of("due", Date.from(DUE), "person", PEOPLE.get(1)));
    Job timer = management.createJobQuery().processInstanceId(earlier.getId()).activityId("Timer_Earlier")
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(DUE.minus(14, ChronoUnit.DAYS)));

    ClockUtil.setCurrentTime(Date.from(DUE.minus(14, ChronoUnit.DAYS).plusSeconds(1)));
    management.executeJob(timer.getId());
    management.executeJob(management.createJobQuery().processInstanceId(earlier.getId())
        .activityId("Task_SendEarlier").singleResult().getId());

    String taskId = tasks.createTaskQuery().processInstanceId(earlier.getId()).singleResult().getId();
    assertThat(notifications.all()).filteredOn(notice -> notice.taskId().equals(taskId))
        .filteredOn(notice -> notice.kind() != TaskNotice.Kind.NEW_TASK)
        .extracting(Notification::kind, Notification::recipientUser)
        .containsExactly(tuple(TaskNotice.Kind.REMINDER, PEOPLE.get(1)));
    runtime.deleteProcessInstance(earlier.getId(), "test done");
  }

  /** Three tasks side by side, each with the reminder fragment of the project's models. */
  private static BpmnModelInstance model() {
    var start = Bpmn.createExecutableProcess("reminder-fragments").camundaHistoryTimeToLive(1).startEvent()
        .parallelGateway("Gateway_Fork");
    remindedTask(start.userTask("Task_Single").camundaAssignee("${person}"), "Single");
    remindedTask(start.moveToNode("Gateway_Fork").userTask("Task_Parallel").camundaAssignee("${each}")
        .multiInstance().parallel().camundaCollection("${people}").camundaElementVariable("each")
        .multiInstanceDone(), "Parallel");
    BpmnModelInstance model = remindedTask(start.moveToNode("Gateway_Fork").userTask("Task_Sequential")
        .camundaAssignee("${each}").multiInstance().sequential().camundaCollection("${people}")
        .camundaElementVariable("each").multiInstanceDone(), "Sequential");
    for (BoundaryEvent timer : model.getModelElementsByType(BoundaryEvent.class)) {
      CamundaProperty kind = model.newInstance(CamundaProperty.class);
      kind.setCamundaName("reminderKind");
      kind.setCamundaValue("fragment-test");
      CamundaProperties properties = model.newInstance(CamundaProperties.class);
      properties.getCamundaProperties().add(kind);
      timer.builder().addExtensionElement(properties);
    }
    return model;
  }

  private static BpmnModelInstance remindedTask(org.camunda.bpm.model.bpmn.builder.UserTaskBuilder task, String name) {
    AbstractFlowNodeBuilder<?, ?> after = task.camundaDueDate("${due}").endEvent("EndEvent_" + name)
        .moveToActivity("Task_" + name).boundaryEvent("Timer_" + name).cancelActivity(false)
        .timerWithCycle("${reminders.cycle(execution, due)}")
        .serviceTask("Task_Send" + name).camundaAsyncBefore().camundaDelegateExpression("${sendRemindersDelegate}")
        .endEvent("EndEvent_" + name + "Reminded");
    return after.done();
  }

  private void person(String id) {
    User user = identity.newUser(id);
    user.setEmail(id + "@empact.example");
    identity.saveUser(user);
  }

  private void fire(String timer, String send, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at.plusSeconds(1)));
    management.executeJob(timer(timer).getId());
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).activityId(send)
        .singleResult().getId());
  }

  private Job timer(String id) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(id).singleResult();
  }

  private List<Task> task(String activity) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).list();
  }

  /** The reminders of this test's tasks (not the notices of their creation). */
  private List<Notification> notices() {
    List<String> ids = tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getId).toList();
    return notifications.all().stream().filter(notice -> ids.contains(notice.taskId()))
        .filter(notice -> notice.kind() != TaskNotice.Kind.NEW_TASK).toList();
  }
}
