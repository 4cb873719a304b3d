package eu.empact.oap.security;

import eu.empact.oap.tasks.FieldProblem;
import eu.empact.oap.tasks.FormInput;
import eu.empact.oap.tasks.FormRefusal;
import eu.empact.oap.tasks.FormSchema;
import eu.empact.oap.tasks.SubmittedForms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.VariableMap;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureNotNull;

/**
 * Completes a user task with what its form sent, in place of the engine's complete and
 * submit-form commands, on every API: after the engine's own permission check, the submission is
 * checked against the task's deployed form (only its editable, shown fields, in their types and
 * limits) and handed to the task's complete listener without being written as a process variable.
 * A refusal, by the form check or by the listener, names each field by its label. Completions in
 * the same process instance take their turn ({@link InstanceLock}).
 */
final class FormCompletion implements Command<VariableMap> {

  private final String taskId;
  private final Map<String, ?> sent;
  private final boolean returnVariables;
  private final boolean deserializeValues;
  private final TaskForms forms;

  FormCompletion(String taskId, Map<String, ?> sent, boolean returnVariables, boolean deserializeValues,
                 TaskForms forms) {
    this.taskId = taskId;
    this.sent = sent == null ? Map.of() : sent;
    this.returnVariables = returnVariables;
    this.deserializeValues = deserializeValues;
    this.forms = forms;
  }

  @Override
  public VariableMap execute(CommandContext context) {
    ensureNotNull("taskId", taskId);
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    ensureNotNull("Cannot find task with id " + taskId, "task", task);
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    if (DelegationState.PENDING.equals(task.getDelegationState())) {
      throw new EngineRefusals.Denied("task " + taskId + " is delegated; tasks are not delegated here");
    }
    // before anything of the instance is read; who may not complete the task has locked nothing
    InstanceLock.ofTask(context, taskId);
    Optional<FormSchema> form = forms.ofTask(context, task);
    try {
      FormInput input = form.map(schema -> schema.read(sent, task::getVariable)).orElseGet(() -> withoutForm(sent));
      VariableMap completed = SubmittedForms.completing(taskId, input,
          () -> new CheckedCompletion(taskId, returnVariables, deserializeValues).execute(context));
      if (!input.taken() && input.refused()) {
        // no listener took the form, and with it the duty to refuse: the engine rolls the completion back
        throw new FormRefusal(input.problems());
      }
      return completed;
    } catch (RuntimeException e) {
      // refused by the form check, or by the task's listener inside the engine, which wraps it
      FormRefusal refusal = FormRefusal.in(e);
      if (refusal == null) {
        throw e;
      }
      throw refused(task, form.map(schema -> schema.labelled(refusal.problems())).orElse(refusal.problems()));
    }
  }

  /**
   * The engine's completion of a task whose permission this command has checked already: the
   * engine's own check is the same query over the same authorizations (the dearest statement of a
   * completion), and nothing the caller can change runs between the two.
   */
  private static final class CheckedCompletion extends CompleteTaskCmd {

    CheckedCompletion(String taskId, boolean returnVariables, boolean deserializeValues) {
      super(taskId, null, returnVariables, deserializeValues);
    }

    @Override
    protected void checkCompleteTask(TaskEntity task, CommandContext context) {
      // checked in FormCompletion.execute, before the instance was locked
    }
  }

  /** A task without a form takes no values at all. */
  private static FormInput withoutForm(Map<String, ?> sent) {
    if (!sent.isEmpty()) {
      throw new FormRefusal(sent.keySet().stream()
          .map(name -> FieldProblem.of(name, "this task has no form; it takes no values")).toList());
    }
    return FormInput.empty();
  }

  private static EngineRefusals.Refused refused(TaskEntity task, List<FieldProblem> problems) {
    return new EngineRefusals.Refused("The form of '" + task.getName() + "' was not accepted; nothing was recorded",
        problems);
  }
}
