package eu.empact.oap.adoption;

import eu.empact.oap.identity.TaskUser;
import static eu.empact.oap.adoption.AdoptionVariables.*;

import eu.empact.oap.adoption.AdoptionProcess.ReturnedAt;
import eu.empact.oap.registry.OapRegistry;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task that decides: the decision must be one of the allowed values, returning needs comments,
 * and the decision is recorded on the version with who took it. A return sends the OAP back to
 * the Driver with the comments; any other decision runs {@link #accepted}.
 */
abstract class DecisionTaskListener implements TaskListener {

  protected final OapRegistry registry;
  private final String event;
  private final List<String> decisions;
  private final String returning;
  private final ReturnedAt returnedAt;

  DecisionTaskListener(OapRegistry registry, String event, List<String> decisions, String returning,
                       ReturnedAt returnedAt) {
    this.registry = registry;
    this.event = event;
    this.decisions = decisions;
    this.returning = returning;
    this.returnedAt = returnedAt;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
      return;
    }
    AdoptionVariables variables = AdoptionVariables.of(task);
    String decision = variables.decision();
    if (decision == null || !decisions.contains(decision)) {
      throw refusal(DECISION + ": choose one of " + String.join(", ", decisions));
    }
    String comments = variables.text(COMMENTS);
    if (decision.equals(returning) && comments == null) {
      throw refusal(COMMENTS + ": say why the OAP goes back to the Driver");
    }
    String details = accepted(task, variables, decision);
    registry.recordDecision(variables.oapId(), variables.revision(), event + "_" + decision.toUpperCase(Locale.ROOT),
        TaskUser.of(task), join(details, comments));
    task.getExecution().getProcessInstance().setVariable(DECISION, decision);
    if (decision.equals(returning)) {
      task.setVariable(RETURNED_AT, returnedAt.name());
      task.setVariable(RETURN_COMMENTS, returnedAt.name().replace('_', ' ').toLowerCase(Locale.ROOT) + ": " + comments);
    }
  }

  /** Prepares the form; most decisions need nothing more than the OAP overview. */
  void created(DelegateTask task) {}

  /**
   * Checks and carries out what the decision needs besides the record (refusing with
   * {@link #refusal} when a field is missing); returns what to add to the record, or null.
   */
  String accepted(DelegateTask task, AdoptionVariables variables, String decision) {
    return null;
  }

  static ProcessEngineException refusal(String reason) {
    return new ProcessEngineException(reason);
  }

  static String join(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + "; " + second;
  }
}
