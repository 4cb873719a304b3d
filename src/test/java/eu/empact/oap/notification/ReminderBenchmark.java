package eu.empact.oap.notification;

import eu.empact.oap.EmpactOapApplication;
import eu.empact.oap.support.CountedStatements;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What sending reminders costs: for N open tasks that reach a reminder point, beside N open tasks
 * that do not, it moves the clock past the point, runs every due job (the timers, then the async
 * "Send reminders" tasks) and prints the time and the number of SQL statements. Not a test; see
 * the README for the command.
 */
public final class ReminderBenchmark {

  static final String USER = "benchmark-user";
  /** The name of the model's task, in the subject of each reminder. */
  public static final String TASK_NAME = "Benchmark work";

  private ReminderBenchmark() {}

  public static void main(String[] args) {
    List<Integer> sizes = args.length == 0 ? List.of(1000, 10000) : Arrays.stream(args).map(Integer::valueOf).toList();
    System.out.printf("%10s %10s %10s %10s %10s %12s %16s%n", "due tasks", "not due", "jobs run", "notices",
        "time (ms)", "statements", "statements/task");
    for (int size : sizes) {
      run(size);
    }
    System.exit(0);
  }

  private static void run(int dueTasks) {
    // command-line arguments: they outrank the default profile's H2 file database and demo data
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EmpactOapApplication.class, CountedStatements.class)
        .run("--spring.datasource.url=jdbc:h2:mem:benchmark-" + dueTasks + ";DB_CLOSE_DELAY=-1",
            "--empact.demo.enabled=false", "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
            "--logging.level.root=WARN")) {
      Instant now = Instant.parse("2030-01-01T00:00:00Z");
      ClockUtil.setCurrentTime(Date.from(now));
      deploy(app.getBean(RepositoryService.class));
      recipient(app.getBean(IdentityService.class));
      RuntimeService runtime = app.getBean(RuntimeService.class);
      Instant soon = now.plus(14, ChronoUnit.DAYS);
      Instant later = now.plus(120, ChronoUnit.DAYS);
      for (int i = 0; i < dueTasks; i++) {
        runtime.startProcessInstanceByKey("reminder-benchmark", Map.of("due", Date.from(soon)));
        runtime.startProcessInstanceByKey("reminder-benchmark", Map.of("due", Date.from(later)));
      }
      ClockUtil.setCurrentTime(Date.from(soon.minus(7, ChronoUnit.DAYS).plusSeconds(1)));
      ManagementService management = app.getBean(ManagementService.class);
      CountedStatements.reset();
      long start = System.nanoTime();
      int jobs = 0;
      for (List<Job> due = dueJobs(management); !due.isEmpty(); due = dueJobs(management)) {
        for (Job job : due) {
          management.executeJob(job.getId());
          jobs++;
        }
      }
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      long statements = CountedStatements.count();
      System.out.printf("%10d %10d %10d %10d %10d %12d %16.1f%n", dueTasks, dueTasks, jobs,
          app.getBean(Notifications.class).all().size(), millis, statements, (double) statements / dueTasks);
    } finally {
      ClockUtil.reset();
    }
  }

  private static List<Job> dueJobs(ManagementService management) {
    return management.createJobQuery().executable().listPage(0, 500);
  }

  /** A user task with a due date and the reminder timer and send task of the project's models. */
  public static void deploy(RepositoryService repository) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("reminder-benchmark").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Work").name(TASK_NAME).camundaAssignee(USER).camundaDueDate("${due}")
        .boundaryEvent("Timer_Reminder").cancelActivity(false).timerWithCycle("${reminders.cycle(execution, due)}")
        .serviceTask("Task_SendReminders").camundaAsyncBefore().camundaDelegateExpression("${sendRemindersDelegate}")
        .endEvent().moveToActivity("Task_Work").endEvent().done();
    CamundaProperty kind = model.newInstance(CamundaProperty.class);
    kind.setCamundaName("reminderKind");
    kind.setCamundaValue("benchmark");
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    properties.getCamundaProperties().add(kind);
    model.<BoundaryEvent>getModelElementById("Timer_Reminder").builder().addExtensionElement(properties);
    repository.createDeployment().addModelInstance("reminder-benchmark.bpmn", model).deploy();
  }

  /** The assignee of the model's tasks, with an e-mail address. */
  public static void recipient(IdentityService identity) {
    User user = identity.newUser(USER);
    user.setEmail("benchmark@empact.example");
    identity.saveUser(user);
  }
}
