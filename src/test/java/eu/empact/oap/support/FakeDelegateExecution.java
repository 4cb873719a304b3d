package eu.empact.oap.support;

import static eu.empact.oap.support.FakeDelegateTask.proxy;
import static eu.empact.oap.support.FakeDelegateTask.servicesAuthenticating;
import static eu.empact.oap.support.FakeDelegateTask.unsupported;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A {@link DelegateExecution} without an engine, for unit tests of delegates and execution
 * listeners: a process instance id, variables and who is authenticated. Any other method throws,
 * naming itself.
 */
public final class FakeDelegateExecution {

  private final String processInstanceId;
  private final Map<String, Object> variables = new HashMap<>();
  private String user;

  private FakeDelegateExecution(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public static FakeDelegateExecution ofProcessInstance(String processInstanceId) {
    return new FakeDelegateExecution(processInstanceId);
  }

  public FakeDelegateExecution variable(String key, Object value) {
    variables.put(key, value);
    return this;
  }

  /** The user whose request runs the step; none (a job) unless set. */
  public FakeDelegateExecution authenticated(String user) {
    this.user = user;
    return this;
  }

  public Map<String, Object> variables() {
    return variables;
  }

  public DelegateExecution execution() {
    return proxy(DelegateExecution.class, this::execution);
  }

  private Object execution(Method method, Object[] args) {
    return switch (method.getName() + "/" + (args == null ? 0 : args.length)) {
      case "getProcessInstanceId/0" -> processInstanceId;
      case "getVariable/1" -> variables.get(args[0]);
      case "setVariable/2" -> { variables.put((String) args[0], args[1]); yield null; }
      case "getProcessEngineServices/0" -> servicesAuthenticating(user);
      case "toString/0" -> "FakeDelegateExecution[" + processInstanceId + "]";
      case "hashCode/0" -> processInstanceId.hashCode();
      default -> throw unsupported(method);
    };
  }
}
