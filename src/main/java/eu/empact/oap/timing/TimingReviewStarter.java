package eu.empact.oap.timing;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.OapVersionAdopted;
import eu.empact.oap.registry.OapVersionCreated;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a timing review when a version is written with flagged timings nobody has checked (an
 * import, or a new revision that inherits checks left open), unless one runs for the OAP already:
 * its tasks find their activities by stable id in whichever version is the latest. A later revision
 * carries the checks made before it, so a timing kept or corrected is not asked again.
 *
 * <p>When a version is adopted, it never changes again: the checks still open on it are closed,
 * each recorded on the adopted version with the reason, and move to the next draft, whose creation
 * asks them again.
 */
@Component
class TimingReviewStarter {

  static final String ADOPTED_REASON = "adopted with the timing as written and read; checked again in the next draft";

  private final OapRegistry registry;
  private final RuntimeService runtime;

  TimingReviewStarter(OapRegistry registry, RuntimeService runtime) {
    this.registry = registry;
    this.runtime = runtime;
  }

  @EventListener
  void onVersionCreated(OapVersionCreated created) {
    if (!registry.flaggedActivities(created.oapId()).isEmpty() && running(created.oapId()).isEmpty()) {
      WithoutAuthorizationChecks.run(() -> runtime.startProcessInstanceByKey(ActivityTimingReview.PROCESS_KEY,
          "oap-" + created.oapId() + "-rev-" + created.revision(),
          Map.of(ActivityTimingReview.OAP_ID, created.oapId(), ActivityTimingReview.REVISION, created.revision())));
    }
  }

  @EventListener
  void onVersionAdopted(OapVersionAdopted adopted) {
    List<ProcessInstance> reviews = running(adopted.oapId());
    if (reviews.isEmpty()) {
      return;
    }
    for (ActivityView open : registry.flaggedActivities(adopted.oapId())) {
      registry.recordDecision(adopted.oapId(), adopted.revision(), "TIMING_CHECK_MOVED", "system", "OA "
          + open.oaRef() + " activity " + open.number() + " (id " + open.id() + "): '" + open.timing().text() + "' ("
          + open.timing().status() + ") " + ADOPTED_REASON);
    }
    WithoutAuthorizationChecks.run(() -> reviews.forEach(review -> runtime.deleteProcessInstance(review.getId(),
        "REV " + adopted.revision() + " " + ADOPTED_REASON)));
  }

  private List<ProcessInstance> running(long oapId) {
    return WithoutAuthorizationChecks.call(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(ActivityTimingReview.PROCESS_KEY)
        .variableValueEquals(ActivityTimingReview.OAP_ID, oapId).list());
  }
}
