package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.empact.oap.support.ProcessTestContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A completion asks the engine's command checkers once whether its caller may work on the task,
 * before it locks anything, and not again inside the engine's completion: the check is the
 * dearest statement of a completion. Who may not work on the task is still refused, with the task
 * left open.
 */
@ProcessTestContext
class CompletionPermissionProcessTest {

  static final String PROCESS = "completion-permission-probe";
  static final String GROUP = "completion-permission-probe-group";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private final AtomicInteger checks = new AtomicInteger();
  private CommandChecker counting;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) {
    repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Probe").camundaCandidateGroups(GROUP)
        .endEvent().done()).deploy();
  }

  @BeforeEach
  void countTaskWorkChecks() {
    counting = (CommandChecker) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {CommandChecker.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "checkTaskWork" -> checks.incrementAndGet();
            case "equals" -> {
              return proxy == args[0];
            }
            case "hashCode" -> {
              return System.identityHashCode(proxy);
            }
            case "toString" -> {
              return "counting task work checks";
            }
            default -> { }
          }
          return null;
        });
    configuration().getCommandCheckers().add(counting);
  }

  @AfterEach
  void stopCounting() {
    configuration().getCommandCheckers().remove(counting);
    identity.clearAuthentication();
  }

  @Test
  void aCompletionChecksItsCallersPermissionOnce() {
    Task task = probeTask();
    identity.setAuthentication("probe-candidate", List.of(GROUP));

    tasks.complete(task.getId());

    assertThat(checks).hasValue(1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void aCompletedTaskLeavesNoGrantToItsGroup() {
    Task task = probeTask();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(GROUP).resourceId(task.getId())
        .list()).extracting(Authorization::getResourceType)
        .containsExactlyInAnyOrder(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType());
    identity.setAuthentication("probe-candidate", List.of(GROUP));

    tasks.complete(task.getId());

    identity.clearAuthentication();
    // the task's grants go with the task, its group's grant on its history with the group's link
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(task.getId()).count()).isZero();
  }

  @Test
  void whoMayNotWorkOnTheTaskIsRefusedAndTheTaskStaysOpen() {
    Task task = probeTask();
    identity.setAuthentication("probe-outsider", List.of("completion-permission-other-group"));

    assertThatThrownBy(() -> tasks.complete(task.getId())).isInstanceOf(AuthorizationException.class);

    identity.clearAuthentication();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private Task probeTask() {
    String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
