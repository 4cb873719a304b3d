package eu.empact.oap.timing;

import eu.empact.oap.identity.WithoutAuthorizationChecks;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.OapVersionCreated;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a timing review for an imported OAP when some of its activity timings were flagged.
 * Later revisions copy the timings as the Driver left them, so they start none.
 */
@Component
class TimingReviewStarter {

  private final OapRegistry registry;
  private final RuntimeService runtime;

  TimingReviewStarter(OapRegistry registry, RuntimeService runtime) {
    this.registry = registry;
    this.runtime = runtime;
  }

  @EventListener
  void onVersionCreated(OapVersionCreated created) {
    if (created.revision() == 0 && !registry.flaggedActivities(created.oapId()).isEmpty()) {
      WithoutAuthorizationChecks.run(() -> runtime.startProcessInstanceByKey(ActivityTimingReview.PROCESS_KEY,
          "oap-" + created.oapId() + "-rev-" + created.revision(),
          Map.of(ActivityTimingReview.OAP_ID, created.oapId(), ActivityTimingReview.REVISION, created.revision())));
    }
  }
}
