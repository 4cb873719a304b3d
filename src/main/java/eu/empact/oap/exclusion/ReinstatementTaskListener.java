package eu.empact.oap.exclusion;

import static eu.empact.oap.exclusion.ReinstatementProcess.*;

import eu.empact.oap.notification.WorkspaceLinks;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.tasks.Decision;
import eu.empact.oap.tasks.FormMarkdown;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.TaskSubject;
import eu.empact.oap.tasks.TaskSubjects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The EMPACT Support Unit confirms or refuses the Driver's proposal to reinstate an actor. */
@Component("confirmReinstatementTaskListener")
class ReinstatementTaskListener extends FormTaskListener {

  private final OapRegistry registry;
  private final ParticipationStatus participation;
  private final WorkspaceLinks links;

  ReinstatementTaskListener(TaskSubjects subjects, OapRegistry registry, ParticipationStatus participation,
                            WorkspaceLinks links) {
    super(subjects);
    this.registry = registry;
    this.participation = participation;
    this.links = links;
  }

  @Override
  protected TaskSubject subject(DelegateTask task) {
    return TaskSubject.of(KEY, ExclusionProcess.oapId(task)).withActor(ExclusionProcess.actor(task));
  }

  @Override
  protected void created(DelegateTask task, TaskSubject subject) {
    String oap = registry.displayName(subject.oapId());
    name(task, "Confirm the reinstatement of " + subject.actor() + " in OAP " + oap);
    brief(task, "**OAP:** " + FormMarkdown.link(oap, links.oap(subject.oapId())) + " (" + subject.actor() + ")\n");
    task.setVariableLocal(RECORD, FormText.of(participation.history(subject.oapId(), subject.actor()).stream()
        .map(c -> "- " + c.since().toString().substring(0, 10) + " " + c.status() + " (" + c.recordedBy() + "): "
            + c.reason()).collect(Collectors.joining("\n"))));
  }

  @Override
  protected void completed(Completion completion) {
    Decision decision = completion.decide(Decision.REFUSE, "say why the reinstatement is refused");
    completion.refuseIfAny();
    completion.route(decision);
    completion.task().getExecution().getProcessInstance().setVariable(SUPPORT_UNIT_COMMENTS, completion.text(COMMENTS));
  }
}
