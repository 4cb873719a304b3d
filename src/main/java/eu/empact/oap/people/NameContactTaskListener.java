package eu.empact.oap.people;

import eu.empact.oap.registry.OapPeople;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.ProcessVariables;
import eu.empact.oap.tasks.TaskRouting;
import eu.empact.oap.tasks.TaskSubject;
import eu.empact.oap.tasks.TaskSubjects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The EMPACT Support Unit names a contact for an actor nobody acted for in an OAP: the task is done
 * once the OAP's directory names somebody for the actor (refused before).
 */
@Component("nameContactTaskListener")
class NameContactTaskListener extends FormTaskListener {

  static final String SUMMARY = "summary";

  private final OapRegistry registry;
  private final OapPeople people;

  NameContactTaskListener(TaskSubjects subjects, OapRegistry registry, OapPeople people) {
    super(subjects);
    this.registry = registry;
    this.people = people;
  }

  @Override
  protected TaskSubject subject(DelegateTask task) {
    return TaskSubject.of(TaskRouting.NAME_CONTACT, ProcessVariables.id(task, ProcessVariables.OAP_ID))
        .withActor(ProcessVariables.text(task, TaskRouting.ACTOR));
  }

  @Override
  protected void created(DelegateTask task, TaskSubject subject) {
    String oap = registry.displayName(subject.oapId());
    name(task, "Name a contact for " + subject.actor() + " in OAP " + oap);
    task.setVariableLocal(SUMMARY, FormText.of(subject.actor() + " in OAP " + oap + " (id " + subject.oapId()
        + "): a task for it came to the EMPACT Support Unit. Name its people with PUT /api/oaps/" + subject.oapId()
        + "/people."));
  }

  @Override
  protected void completed(Completion completion) {
    TaskSubject subject = completion.subject();
    if (people.forActor(subject.oapId(), subject.actor()).isEmpty()) {
      completion.problems().add(COMMENTS, "the people of OAP " + subject.oapId() + " name nobody for "
          + subject.actor() + " yet: name an Action Leader or a contact for it first (PUT /api/oaps/"
          + subject.oapId() + "/people)");
    }
  }
}
