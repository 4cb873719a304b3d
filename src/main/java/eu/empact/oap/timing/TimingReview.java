package eu.empact.oap.timing;

import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the timing review model asks of the application: which activities, whose task, by when. */
@Component("timingReview")
public class TimingReview {

  private final OapRegistry registry;
  private final Duration due;
  private final Clock clock;

  TimingReview(OapRegistry registry, @Value("${empact.timing-review.due-days:14}") int dueDays, Clock clock) {
    this.registry = registry;
    this.due = Duration.ofDays(dueDays);
    this.clock = clock;
  }

  /** The ids of the activities whose timing the parser flagged (the multi-instance collection). */
  public List<Long> flaggedActivities(long oapId) {
    return registry.flaggedActivities(oapId).stream().map(ActivityView::id).toList();
  }

  public String driverGroup(long oapId) {
    return EmpactGroups.driver(oapId);
  }

  public Date dueDate() {
    return Date.from(clock.instant().plus(due));
  }
}
