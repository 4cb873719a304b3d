package eu.empact.oap.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A {@link DelegateTask} without an engine, for unit tests of task listeners: an id, an event, a
 * name, an assignee, variables (the task's local ones and those it sees of its process) and who is
 * authenticated. Any other method throws, naming itself, so a test sees at once what a listener
 * needs beyond that.
 */
public final class FakeDelegateTask {

  private final String id;
  private final Map<String, Object> variables = new HashMap<>();
  private final Map<String, Object> local = new HashMap<>();
  private String eventName = TaskListener.EVENTNAME_CREATE;
  private String name;
  private String assignee;
  private String user;

  private FakeDelegateTask(String id) {
    this.id = id;
  }

  public static FakeDelegateTask withId(String id) {
    return new FakeDelegateTask(id);
  }

  /** A variable of the process, as the task reads it. */
  public FakeDelegateTask variable(String key, Object value) {
    variables.put(key, value);
    return this;
  }

  public FakeDelegateTask assignee(String assignee) {
    this.assignee = assignee;
    return this;
  }

  /** The user the engine's identity service says is acting; null for none. */
  public FakeDelegateTask authenticated(String user) {
    this.user = user;
    return this;
  }

  /** The task as the engine hands it to a listener on this event ({@code create}, {@code complete} ...). */
  public DelegateTask on(String eventName) {
    this.eventName = eventName;
    return proxy(DelegateTask.class, this::task);
  }

  public String name() {
    return name;
  }

  /** The variables the listener set on the task itself. */
  public Map<String, Object> local() {
    return local;
  }

  /** The variables the task sees, with those the listener set on the process. */
  public Map<String, Object> variables() {
    return variables;
  }

  private Object task(Method method, Object[] args) {
    return switch (method.getName() + "/" + (args == null ? 0 : args.length)) {
      case "getId/0" -> id;
      case "getEventName/0" -> eventName;
      case "getName/0" -> name;
      case "setName/1" -> { name = (String) args[0]; yield null; }
      case "getAssignee/0" -> assignee;
      case "getVariable/1" -> local.containsKey((String) args[0]) ? local.get(args[0]) : variables.get(args[0]);
      case "getVariableLocal/1" -> local.get(args[0]);
      case "hasVariable/1" -> local.containsKey(args[0]) || variables.containsKey(args[0]);
      case "setVariable/2" -> { variables.put((String) args[0], args[1]); yield null; }
      case "setVariableLocal/2" -> { local.put((String) args[0], args[1]); yield null; }
      case "getProcessEngineServices/0" -> servicesAuthenticating(user);
      case "toString/0" -> "FakeDelegateTask[" + id + ", " + eventName + "]";
      case "hashCode/0" -> id.hashCode();
      default -> throw unsupported(method);
    };
  }

  /** The engine's services as far as a listener or delegate asks them who is acting. */
  static ProcessEngineServices servicesAuthenticating(String user) {
    return proxy(ProcessEngineServices.class, (m, a) -> switch (m.getName()) {
      case "getIdentityService" -> proxy(IdentityService.class, (m2, a2) -> switch (m2.getName()) {
        case "getCurrentAuthentication" -> user == null ? null : new Authentication(user, List.of());
        default -> throw unsupported(m2);
      });
      default -> throw unsupported(m);
    });
  }

  interface Handler {
    Object handle(Method method, Object[] args);
  }

  static <T> T proxy(Class<T> type, Handler handler) {
    InvocationHandler invocation = (proxy, method, args) -> method.getName().equals("equals") && args.length == 1
        ? proxy == args[0] : handler.handle(method, args);
    return type.cast(Proxy.newProxyInstance(FakeDelegateTask.class.getClassLoader(), new Class<?>[] {type}, invocation));
  }

  static UnsupportedOperationException unsupported(Method method) {
    return new UnsupportedOperationException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + " is not faked: add it to the fake (FakeDelegateTask, FakeDelegateExecution)");
  }
}
