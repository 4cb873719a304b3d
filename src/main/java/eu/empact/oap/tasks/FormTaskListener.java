package eu.empact.oap.tasks;

import eu.empact.oap.identity.TaskUser;
import eu.empact.oap.registry.NotFoundException;
import eu.empact.oap.registry.RegistryConflictException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The one shape of every user task's listener, in every process. When the engine creates the task,
 * the server records what the task is about ({@link TaskSubject}), names it and prepares what its
 * form shows. When a person completes it, the listener gets that recorded subject, what the form
 * sent ({@link FormInput}, already checked against the deployed form), who acted, and a list of
 * problems: any problem refuses the completion whole, naming each field. Nothing a person sends
 * is trusted to say which OAP, version, round, actor or OA the task is about, nor where the
 * process goes next: the listener decides that and sets the process's routing variable itself.
 */
public abstract class FormTaskListener implements TaskListener {

  /** The decision a reviewing form asks for (its radio field). */
  public static final String DECISION = "decision";
  public static final String COMMENTS = "comments";
  /** Where the process goes after a deciding task: set by the listener, read by the model's gateways. */
  public static final String OUTCOME = "outcome";
  /**
   * What the person decides on, as Markdown that the form's text component shows ({@code {{briefing}}}):
   * a local variable of the task, written by the server when it creates the task, never by a form.
   */
  public static final String BRIEFING = "briefing";
  /** ACT_RU_TASK.NAME_ holds this many characters. */
  static final int NAME_LENGTH = 255;

  private final TaskSubjects subjects;

  protected FormTaskListener(TaskSubjects subjects) {
    this.subjects = subjects;
  }

  @Override
  public final void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        TaskSubject subject = subjects.record(task.getId(), subject(task));
        created(task, subject);
        subjects.routing().route(task, subject);
      }
      case EVENTNAME_COMPLETE -> {
        FormInput form = SubmittedForms.of(task.getId()).take();
        TaskSubject subject = subjects.of(task.getId());
        // what the Support Unit does for an actor nobody acted for is recorded as such
        String user = TaskUser.of(task) + (subject.onBehalfOf() == null ? "" : " on behalf of " + subject.onBehalfOf());
        Completion completion = new Completion(task, subject, form, user, new Problems(form));
        try {
          completed(completion);
        } catch (RuntimeException e) {
          List<FieldProblem> refused = refusedBy(e);
          if (refused == null) {
            throw e;
          }
          completion.problems().addAll(refused);
        }
        completion.problems().refuseIfAny();
      }
      default -> { }
    }
  }

  /** What the task is about, read from the process when the engine creates the task. */
  protected abstract TaskSubject subject(DelegateTask task);

  /** Names the task and prepares what its form shows. */
  protected abstract void created(DelegateTask task, TaskSubject subject);

  /**
   * Checks what the form sent (adding to {@link Completion#problems()}) and records it. Call
   * {@link Completion#refuseIfAny()} before writing anything that the problems would forbid.
   */
  protected abstract void completed(Completion completion);

  /**
   * What a service's refusal says of the form, or null for an exception that is no refusal: the
   * registry refuses what the form asks for (a frozen draft, a round that stopped collecting ...);
   * a service that knows the form's fields says which ({@link RefusedFields}).
   */
  static List<FieldProblem> refusedBy(RuntimeException e) {
    if (e instanceof RefusedFields refused) {
      return refused.fieldProblems();
    }
    if (e instanceof RegistryConflictException || e instanceof NotFoundException) {
      return List.of(FieldProblem.of(null, e.getMessage()));
    }
    return null;
  }

  /** Gives the form what the person decides on (Markdown, see {@link FormMarkdown}). */
  protected static void brief(DelegateTask task, String markdown) {
    task.setVariableLocal(BRIEFING, FormText.of(markdown));
  }

  /** Sets the task's name as people see it in Tasklist and in e-mails, cut to what the engine stores. */
  protected static void name(DelegateTask task, String name) {
    task.setName(name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 1) + "…");
  }

  /**
   * One completion of a task: its recorded subject, what the form sent, who acted, and the
   * problems found so far.
   */
  public record Completion(DelegateTask task, TaskSubject subject, FormInput form, String user, Problems problems) {

    public String text(String field) {
      return form.text(field);
    }

    /** The text of a field that must be filled in; null (and a problem) when it was left empty. */
    public String required(String field, String why) {
      String value = form.text(field);
      if (value == null) {
        problems.add(field, why);
      }
      return value;
    }

    /**
     * The decision the form sent (the form check already allows only the form's choices). A
     * decision that sends the work back needs comments saying why.
     *
     * @param sendingBack the decision that sends the work back, or null if none does
     */
    public Decision decide(Decision sendingBack, String whyComments) {
      String sent = form.text(DECISION);
      if (sent == null) {
        problems.add(DECISION, "choose one");
        return null;
      }
      Decision decision = Decision.of(sent);
      if (decision == sendingBack && form.text(COMMENTS) == null) {
        problems.add(COMMENTS, whyComments);
      }
      return decision;
    }

    /** Where the process goes next, as the model's gateways read it; only tasks that are alone at their step set it. */
    public void route(Decision outcome) {
      task.getExecution().getProcessInstance().setVariable(OUTCOME, outcome.value());
    }

    /** Refuses the completion now if anything was found, before anything is recorded. */
    public void refuseIfAny() {
      problems.refuseIfAny();
    }
  }
}
