package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;

import eu.empact.oap.notification.PublicUrl;
import eu.empact.oap.registry.Participation;
import eu.empact.oap.registry.RegistryViews.ActionView;
import eu.empact.oap.tasks.TaskSubject;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The Driver's draft. The draft is edited on the drafting page ({@code /oaps/{id}/draft}, which the
 * form links to); the task itself is only "submit", with the Driver's notes to the Action Leaders
 * and the Support Unit. While the task is open the draft is the Driver's to change; from its
 * submission until it comes back to the Driver its content is frozen, so that the Action Leaders,
 * the Support Unit, the NECs and COSI decide on what was submitted. Submitting is refused while the
 * OAP has no OA or an OA has no Action Leader the registry could read from its cells; the refusal
 * names the OAs and the field of the drafting page where to fix them.
 */
@Component("draftOapTaskListener")
class DraftOapTaskListener extends AdoptionTask {

  private final PublicUrl publicUrl;

  DraftOapTaskListener(Dependencies dependencies, PublicUrl publicUrl) {
    super(dependencies);
    this.publicUrl = publicUrl;
  }

  @Override
  void prepare(DelegateTask task, TaskSubject subject) {
    registry.releaseContent(subject.oapId(), subject.revision(), "system");
    task.setVariableLocal(DRAFTING_PAGE, draftingPage(subject.oapId()));
  }

  @Override
  protected void completed(Completion completion) {
    TaskSubject subject = completion.subject();
    List<ActionView> actions = registry.actions(subject.oapId());
    if (actions.isEmpty()) {
      completion.problems().add(null, "the OAP has no operational actions yet: add its OA sheets on the drafting "
          + "page, " + draftingPage(subject.oapId()) + ", before submitting the draft");
    }
    List<String> leaderless = actions.stream().filter(oa -> oa.participations().stream()
        .noneMatch(p -> p.role() == Participation.Role.LEADER)).map(ActionView::ref).toList();
    if (!leaderless.isEmpty()) {
      completion.problems().add(null, leaderless.size() + " of " + actions.size() + " OAs have no Action Leader the "
          + "registry can read: OA " + String.join(", ", leaderless) + ". Name a known actor (FR, Europol ...) in "
          + "\"Action Leaders\" of each of these OA sheets on the drafting page, " + draftingPage(subject.oapId())
          + "#oa-" + leaderless.get(0));
    }
    completion.refuseIfAny();
    registry.recordDecision(subject.oapId(), subject.revision(), "DRAFT_SUBMITTED", completion.user(),
        completion.text(COMMENTS));
    registry.freezeContent(subject.oapId(), subject.revision(), completion.user(),
        "the Driver submitted it; it can change again when it comes back to the Driver");
    completion.task().setVariable(LEADERSHIP_DECLINED, false);
  }

  private String draftingPage(long oapId) {
    return publicUrl.base() + AdoptionProcess.draftingPage(oapId);
  }
}
