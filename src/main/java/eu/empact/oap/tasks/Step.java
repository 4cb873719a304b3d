package eu.empact.oap.tasks;

import eu.empact.oap.identity.TaskUser;
import java.time.LocalDate;
import java.util.OptionalLong;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One run of a {@link ProcessStep}: the execution it runs in, the process's variables read the way
 * every process reads them ({@link ProcessVariables}), and who acts. The variables were set by the
 * server (the start delegates and the task listeners), never by what a person sent.
 */
public record Step(DelegateExecution execution) {

  /** The OAP the process is about. */
  public long oapId() {
    return ProcessVariables.id(execution, ProcessVariables.OAP_ID);
  }

  /**
   * An id the process may not have yet: a listener that runs however the process ends also runs
   * for a start that was refused before the id was set.
   */
  public OptionalLong optionalId(String name) {
    return execution.getVariable(name) instanceof Number id ? OptionalLong.of(id.longValue()) : OptionalLong.empty();
  }

  /** The person whose request runs the step, or "system" in a job (a timer, an asynchronous step). */
  public String user() {
    return TaskUser.of(execution);
  }

  /** Whether a person's request runs the step (rather than a job of the engine). */
  public boolean byPerson() {
    return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null;
  }

  public String processInstanceId() {
    return execution.getProcessInstanceId();
  }

  public String text(String name) {
    return ProcessVariables.text(execution, name);
  }

  public LocalDate date(String name) {
    return ProcessVariables.date(execution, name);
  }

  public long id(String name) {
    return ProcessVariables.id(execution, name);
  }

  public int integer(String name) {
    return ProcessVariables.integer(execution, name);
  }

  public Object value(String name) {
    return execution.getVariable(name);
  }

  /** Sets a process variable the model's gateways, timers or later steps read. */
  public void set(String name, Object value) {
    execution.setVariable(name, value);
  }
}
