package eu.empact.oap.benchmark;

import static org.awaitility.Awaitility.await;

import eu.empact.oap.notification.ReminderBenchmark;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Reminder jobs per second (the timer and the "Send reminders" task, which records the notice)
 * beside plain timer jobs, and how fast the notices then reach a real SMTP server.
 */
final class ReminderFigures {

  private final Bench bench;
  private final Figures figures;

  ReminderFigures(Bench bench, Figures figures) {
    this.bench = bench;
    this.figures = figures;
  }

  void run(int reminders) {
    System.out.println("reminders " + reminders + ":");
    ReminderBenchmark.deploy(bench.bean(RepositoryService.class));
    ReminderBenchmark.recipient(bench.bean(IdentityService.class));
    RuntimeService runtime = bench.bean(RuntimeService.class);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant due = now.plus(14, ChronoUnit.DAYS);
    Instant point = due.minus(7, ChronoUnit.DAYS).plusSeconds(1);
    for (int i = 0; i < reminders; i++) {
      runtime.startProcessInstanceByKey("reminder-benchmark", Map.of("due", Date.from(due)));
    }
    PlainModels.startTimers(runtime, reminders, point.minusSeconds(1));
    Bench.clock(point);
    String subject = "Reminder: " + ReminderBenchmark.TASK_NAME;

    long start = System.nanoTime();
    int jobs = bench.executeDueJobs("reminder-benchmark");
    double jobSeconds = (System.nanoTime() - start) / 1e9;
    try {
      // the senders run in the background, as in production
      await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
          .until(() -> bench.mailsReceived(subject) >= reminders);
    } catch (ConditionTimeoutException e) {
      // reported below as delivered of sent
    }
    double deliveredSeconds = (System.nanoTime() - start) / 1e9;
    int delivered = bench.mailsReceived(subject);

    long plainStart = System.nanoTime();
    int plainJobs = bench.executeDueJobs(PlainModels.TIMER);
    double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
    figures.compare("reminder jobs/s (ours: timer + send task; plain: timer)", jobs / jobSeconds, plainJobs / plainSeconds);
    figures.ours("reminders e-mailed per second, jobs to the SMTP server (" + delivered + " of " + reminders + ")",
        delivered / deliveredSeconds);
  }
}
