package eu.empact.oap.timing;

import static eu.empact.oap.timing.ActivityTimingReview.*;

import eu.empact.oap.identity.TaskUser;
import eu.empact.oap.registry.ActivityTiming;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On create: names the task after the OAP and activity and gives the form what to show. On
 * complete: writes a corrected timing to the registry, refusing one the parser cannot read either.
 */
@Component("checkTimingTaskListener")
class CheckTimingTaskListener implements TaskListener {

  private final OapRegistry registry;

  CheckTimingTaskListener(OapRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> describe(task);
      case EVENTNAME_COMPLETE -> apply(task);
      default -> { }
    }
  }

  private void describe(DelegateTask task) {
    long oapId = (Long) task.getVariable(OAP_ID);
    ActivityView activity = registry.activity((Long) task.getVariable(ACTIVITY_ID));
    OapSummary oap = registry.summary(oapId);
    task.setName("Check timing of OA " + activity.oaRef() + " activity " + activity.number() + ", OAP "
        + oap.displayName() + " REV " + task.getVariable(REVISION));
    task.setVariableLocal(OA_REF, activity.oaRef());
    task.setVariableLocal(ACTIVITY_DESCRIPTION, activity.description());
    task.setVariableLocal(TIMING_AS_WRITTEN, activity.timing().text());
    task.setVariableLocal(PARSER_NOTE, activity.timing().status() + ": " + activity.timing().note());
  }

  private void apply(DelegateTask task) {
    if (!DECISION_CORRECT.equals(task.getVariable(DECISION))) {
      return;
    }
    Object corrected = task.getVariable(CORRECTED_TIMING);
    if (corrected == null || corrected.toString().isBlank()) {
      throw new ProcessEngineException(CORRECTED_TIMING + ": enter the corrected timing, e.g. Q1-Q4 2024/25");
    }
    ActivityTiming read = registry.correctTiming((Long) task.getVariable(ACTIVITY_ID), corrected.toString().trim(),
        TaskUser.of(task));
    if (read.flagged()) {
      throw new ProcessEngineException(CORRECTED_TIMING + ": '" + corrected + "' cannot be read either ("
          + read.note() + "); correct it again or keep the timing as written");
    }
  }
}
