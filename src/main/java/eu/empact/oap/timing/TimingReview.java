package eu.empact.oap.timing;

import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.RegistryViews.ActivityView;
import eu.empact.oap.tasks.TaskAssignment;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the timing review model asks of the application: which activities. */
@Component("timingReview")
public class TimingReview {

  private final OapRegistry registry;
  private final TaskAssignment tasks;

  TimingReview(OapRegistry registry, TaskAssignment tasks) {
    this.registry = registry;
    this.tasks = tasks;
  }

  /** The stable ids of the activities whose flagged timing nobody checked yet (the multi-instance collection). */
  public List<Long> flaggedActivities(long oapId) {
    return registry.flaggedActivities(oapId).stream().map(ActivityView::id).toList();
  }

  // Expressions of models deployed before every model asked TaskAssignment ({@code ${tasks...}}):
  // process instances started on them still call these.

  public String driverGroup(long oapId) {
    return tasks.driverGroup(oapId);
  }

  public Date dueDate() {
    return tasks.due("timing-review");
  }
}
