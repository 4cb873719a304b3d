package eu.empact.oap.timing;

import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.OapVersionCreated;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts a timing review for a new OAP version when some of its activity timings were flagged. */
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
    if (!registry.flaggedActivities(created.oapId()).isEmpty()) {
      runtime.startProcessInstanceByKey(ActivityTimingReview.PROCESS_KEY,
          "oap-" + created.oapId() + "-rev-" + created.revision(),
          Map.of(ActivityTimingReview.OAP_ID, created.oapId(), ActivityTimingReview.REVISION, created.revision()));
    }
  }
}
