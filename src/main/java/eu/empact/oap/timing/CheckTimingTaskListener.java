package eu.empact.oap.timing;

import static eu.empact.oap.timing.ActivityTimingReview.*;

import eu.empact.oap.notification.WorkspaceLinks;
import eu.empact.oap.registry.ActivityTiming;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryConflictException;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import eu.empact.oap.tasks.FormMarkdown;
import eu.empact.oap.tasks.FormTaskListener;
import eu.empact.oap.tasks.FormText;
import eu.empact.oap.tasks.ProcessVariables;
import eu.empact.oap.tasks.TaskSubject;
import eu.empact.oap.tasks.TaskSubjects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The Driver checks one activity timing the parser flagged. On create: names the task after the
 * OAP and activity and gives the form what to show. On complete: records a corrected reading beside
 * the timing as written (which stays), refusing one the parser cannot read plainly either, or records
 * that the Driver keeps it as read. The activity is found by its stable id in the OAP's latest
 * version, so a replaced draft or a later revision does not lose it; an activity no longer there
 * closes the task with that said.
 */
@Component("checkTimingTaskListener")
class CheckTimingTaskListener extends FormTaskListener {

  private final OapRegistry registry;
  private final WorkspaceLinks links;

  CheckTimingTaskListener(TaskSubjects subjects, OapRegistry registry, WorkspaceLinks links) {
    super(subjects);
    this.registry = registry;
    this.links = links;
  }

  @Override
  protected TaskSubject subject(DelegateTask task) {
    return TaskSubject.of(PROCESS_KEY, ProcessVariables.id(task, OAP_ID))
        .withRevision(ProcessVariables.integer(task, REVISION))
        .withActivity(ProcessVariables.id(task, ACTIVITY_ID));
  }

  @Override
  protected void created(DelegateTask task, TaskSubject subject) {
    ActivityView activity = registry.activity(subject.activityId());
    OapSummary oap = registry.summary(subject.oapId());
    name(task, "Check timing of OA " + activity.oaRef() + " activity " + activity.number() + ", OAP "
        + oap.displayName() + " REV " + subject.revision());
    task.setVariableLocal(OA_REF, FormText.of(activity.oaRef()));
    brief(task, "**OAP:** " + FormMarkdown.link(oap.displayName() + " REV " + subject.revision(),
        links.revision(subject.oapId(), subject.revision())) + ", " + FormMarkdown.link("OA " + activity.oaRef()
        + " and its activities", links.oa(subject.oapId(), subject.revision(), activity.oaRef())) + "\n");
    task.setVariableLocal(ACTIVITY_DESCRIPTION, FormText.of(activity.description()));
    task.setVariableLocal(TIMING_AS_WRITTEN, FormText.of(activity.timing().text()));
    task.setVariableLocal(PARSER_NOTE, FormText.of(activity.timing().status() + ": " + activity.timing().note()));
  }

  @Override
  protected void completed(Completion completion) {
    TaskSubject subject = completion.subject();
    boolean correct = DECISION_CORRECT.equals(completion.text(TIMING_DECISION));
    String corrected = correct
        ? completion.required(CORRECTED_TIMING, "enter the corrected timing, e.g. Q1-Q4 2024/25 or May to October 2012")
        : null;
    completion.refuseIfAny();
    String comment = completion.text(TIMING_COMMENT);
    Optional<ActivityView> found = registry.findActivity(subject.activityId());
    if (found.isEmpty()) {
      // the draft was replaced without this activity: nothing is left to check, and the task must not fail for ever
      OapSummary oap = registry.summary(subject.oapId());
      registry.recordDecision(subject.oapId(), oap.revision(), "TIMING_CHECK_CLOSED", completion.user(),
          "the activity checked (id " + subject.activityId() + ") is no longer in REV " + oap.revision()
              + (comment == null ? "" : ": " + comment));
      return;
    }
    ActivityView activity = found.get();
    int revision = registry.summary(subject.oapId()).revision();
    if (correct) {
      ActivityTiming read;
      try {
        read = registry.correctTiming(subject.activityId(), corrected, completion.user());
      } catch (RegistryConflictException readOnly) {
        completion.problems().add(CORRECTED_TIMING, readOnly.getMessage() + "; keep the timing as written now, or "
            + "correct it once the draft is with you again");
        return;
      }
      if (read.flagged()) {
        completion.problems().add(CORRECTED_TIMING, "'" + corrected + "' cannot be read either (" + read.note()
            + "); correct it again or keep the timing as written");
        return;
      }
    } else {
      registry.keepTiming(subject.activityId(), completion.user());
    }
    registry.recordDecision(subject.oapId(), revision, correct ? "TIMING_CORRECTED" : "TIMING_KEPT",
        completion.user(), "OA " + activity.oaRef() + " activity " + activity.number() + ": '"
            + activity.timing().text() + "'" + (correct ? " read as '" + corrected + "'" : " kept as read")
            + (comment == null ? "" : ": " + comment));
  }
}
