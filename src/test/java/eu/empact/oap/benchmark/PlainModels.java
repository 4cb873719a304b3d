package eu.empact.oap.benchmark;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * What "plain Camunda" means in the benchmark, deployed into the same application for the run
 * only: five user tasks in a row with a candidate group and a due date and no listener, form or
 * reminder; and a timer with nothing behind it.
 */
final class PlainModels {

  static final String TASKS = "benchmark-plain";
  static final String TIMER = "benchmark-timer";
  static final int TASKS_IN_A_ROW = 5;

  private PlainModels() {}

  static void deploy(RepositoryService repository) {
    var tasks = Bpmn.createExecutableProcess(TASKS).camundaHistoryTimeToLive(1).startEvent();
    var last = tasks.userTask("Task_Plain1").camundaCandidateGroups("${group}").camundaDueDate("${due}");
    for (int i = 2; i <= TASKS_IN_A_ROW; i++) {
      last = last.userTask("Task_Plain" + i).camundaCandidateGroups("${group}").camundaDueDate("${due}");
    }
    BpmnModelInstance plain = last.endEvent().done();
    BpmnModelInstance timer = Bpmn.createExecutableProcess(TIMER).camundaHistoryTimeToLive(1).startEvent()
        .intermediateCatchEvent("Timer_Plain").timerWithDate("${when}").endEvent().done();
    repository.createDeployment().name("benchmark").addModelInstance(TASKS + ".bpmn", plain)
        .addModelInstance(TIMER + ".bpmn", timer).deploy();
  }

  /** Starts plain task processes, their tasks for the groups in turn, due in the year after {@code now}. */
  static void startTasks(RuntimeService runtime, int count, List<String> groups, Instant now) {
    for (int i = 0; i < count; i++) {
      runtime.startProcessInstanceByKey(TASKS, Map.of("group", groups.get(i % groups.size()),
          "due", Date.from(now.plusSeconds(3600L * 24 * (1 + i % 365)))));
    }
  }

  static void startTimers(RuntimeService runtime, int count, Instant when) {
    for (int i = 0; i < count; i++) {
      runtime.startProcessInstanceByKey(TIMER, Map.of("when", Date.from(when)));
    }
  }
}
