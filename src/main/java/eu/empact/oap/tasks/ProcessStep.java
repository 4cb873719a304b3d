package eu.empact.oap.tasks;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The one shape of every step the engine runs without a form, in every process: a service task's
 * delegate or an execution listener, declared as a lambda bean ({@code @Bean ProcessStep
 * openRoundDelegate(...)}) or a class, and named in the model by {@code delegateExpression}. What
 * {@link FormTaskListener} is for user tasks: the step gets a {@link Step} with what the server
 * recorded (the OAP the process is about, the process's variables read one way) and who acts.
 * <p>
 * A step that runs in a person's request (a start form, the completion of the task before it)
 * and meets the registry's refusal (a frozen version, a missing OAP) refuses that request as a
 * 400, as a task listener does; a step that runs in a job lets it fail the job, so that Cockpit
 * shows an incident an operator can retry.
 */
@FunctionalInterface
public interface ProcessStep extends JavaDelegate, ExecutionListener {

  /** Does the step's one piece of work, usually a single call to a service of its package. */
  void run(Step step) throws Exception;

  @Override
  default void execute(DelegateExecution execution) throws Exception {
    runAsStep(execution);
  }

  @Override
  default void notify(DelegateExecution execution) throws Exception {
    runAsStep(execution);
  }

  private void runAsStep(DelegateExecution execution) throws Exception {
    Step step = new Step(execution);
    try {
      run(step);
    } catch (RuntimeException e) {
      List<FieldProblem> refused = step.byPerson() ? FormTaskListener.refusedBy(e) : null;
      if (refused == null) {
        throw e;
      }
      throw new FormRefusal(refused);
    }
  }
}
