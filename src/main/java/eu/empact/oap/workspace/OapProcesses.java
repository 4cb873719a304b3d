package eu.empact.oap.workspace;

import eu.empact.oap.tasks.ProcessVariables;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The process instances of an OAP, running and finished, with their user tasks, from the engine's
 * history: what Community Cockpit shows the Support Unit of running instances only (issue 12,
 * item 5). Read as the application; the page lets those who read the engine's history see it.
 */
@Component
class OapProcesses {

  private final HistoryService history;
  private final RepositoryService repository;

  OapProcesses(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  record Step(String name, String assignee, Instant started, Instant ended, String endedHow) {}

  record Instance(String id, String process, String businessKey, String state, Instant started, Instant ended,
                  List<Step> tasks) {}

  /** The OAP's process instances, the latest started first, each with its user tasks in the order they came. */
  List<Instance> of(long oapId) {
    return history.createHistoricProcessInstanceQuery().variableValueEquals(ProcessVariables.OAP_ID, oapId)
        .orderByProcessInstanceStartTime().desc().list().stream().map(this::instance).toList();
  }

  private Instance instance(HistoricProcessInstance instance) {
    List<Step> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .map(task -> new Step(task.getName(), task.getAssignee(), instant(task.getStartTime()),
            instant(task.getEndTime()), task.getDeleteReason()))
        .toList();
    String process = repository.getProcessDefinition(instance.getProcessDefinitionId()).getName();
    return new Instance(instance.getId(), process == null ? instance.getProcessDefinitionKey() : process,
        instance.getBusinessKey(), instance.getState(), instant(instance.getStartTime()),
        instant(instance.getEndTime()), tasks);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
