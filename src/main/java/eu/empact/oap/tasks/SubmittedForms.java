package eu.empact.oap.tasks;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hands what a form sent to the task's complete listener, in the same thread and command, without
 * writing it as process variables: nothing a user sends lingers in the engine or its history.
 */
public final class SubmittedForms {

  private static final ThreadLocal<Map<String, FormInput>> CURRENT = ThreadLocal.withInitial(HashMap::new);

  private SubmittedForms() {}

  /** Runs the completion of a task with what its form sent. */
  public static <T> T completing(String taskId, FormInput input, Supplier<T> completion) {
    Map<String, FormInput> current = CURRENT.get();
    current.put(taskId, input);
    try {
      return completion.get();
    } finally {
      current.remove(taskId);
    }
  }

  /** What the form of a task being completed sent; empty when it is completed without a form. */
  public static FormInput of(String taskId) {
    return CURRENT.get().getOrDefault(taskId, FormInput.empty());
  }
}
