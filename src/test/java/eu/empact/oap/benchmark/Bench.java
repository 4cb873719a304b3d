package eu.empact.oap.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.empact.oap.EmpactOapApplication;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.support.CountedStatements;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as the benchmark runs it: on a new embedded PostgreSQL database, with the demo
 * users, a real SMTP server (GreenMail on a free port), the statement counter, the job executor
 * off (the benchmark executes the due jobs, as the job executor would), and its REST API called as
 * the demo users over HTTP, the way Tasklist and scripts call it.
 */
final class Bench implements AutoCloseable {

  private final ConfigurableApplicationContext app;
  private final GreenMail smtp;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private int failedJobs;

  private Bench(ConfigurableApplicationContext app, GreenMail smtp) {
    this.app = app;
    this.smtp = smtp;
    this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  static Bench start() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
        "--empact.demo.enabled=true", "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
        "--logging.level.root=WARN", "--spring.mail.host=localhost", "--spring.mail.port=" + smtp.getSmtp().getPort()));
    EmbeddedPostgresDatabase.environment(EmbeddedPostgresDatabase.newDatabase())
        .forEach((name, value) -> arguments.add("--" + name + "=" + value));
    ConfigurableApplicationContext app = new SpringApplicationBuilder(EmpactOapApplication.class,
        CountedStatements.class).run(arguments.toArray(String[]::new));
    return new Bench(app, smtp);
  }

  <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  /** The messages the SMTP server received whose subject contains the text. */
  int mailsReceived(String subject) {
    return (int) Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return message.getSubject() != null && message.getSubject().contains(subject);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }

  /**
   * Takes every e-mail still waiting in the outbox as sent when it was recorded, and waits for those
   * being sent to go out: what happened before a measurement does not run during it.
   */
  void outboxAsLongAgo() {
    JdbcClient jdbc = bean(JdbcClient.class);
    jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = created_at, sent_by = 'benchmark: before the "
        + "measurement', next_attempt_at = NULL WHERE status IN ('PENDING', 'RETRYING')").update();
    Awaitility.await("e-mails being sent when the measurement starts").atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(100)).until(() -> sending(jdbc) == 0);
  }

  /**
   * Brings PostgreSQL's statistics up to the open tasks just created, as autovacuum does on a server
   * in use: otherwise it plans the measured statements for the tables as they were, or analyzes them
   * while they are measured.
   */
  void statisticsUpToDate() {
    bean(JdbcClient.class).sql("ANALYZE").update();
  }

  /** The e-mails a sender has taken and not yet finished. */
  private static long sending(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE status = 'SENDING'").query(Long.class).single();
  }

  static void clock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** Executes every job due now, those the executed ones create too; the number executed. */
  int executeDueJobs() {
    return executeDueJobs(null);
  }

  /**
   * The same for the jobs of one process (or of all, for null). A job that fails is left to its
   * retries and counted apart: the figures would not be the workflow's own otherwise.
   */
  int executeDueJobs(String processDefinitionKey) {
    ManagementService management = bean(ManagementService.class);
    int executed = 0;
    for (List<Job> due = dueJobs(management, processDefinitionKey); !due.isEmpty();
         due = dueJobs(management, processDefinitionKey)) {
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          executed++;
        } catch (RuntimeException e) {
          if (management.createJobQuery().jobId(job.getId()).count() == 0) {
            continue; // an earlier job of the batch ended its execution (a task's deadline took its reminder)
          }
          failedJobs++;
          System.err.println("job " + job.getId() + " of " + job.getProcessDefinitionKey() + " failed: " + e);
        }
      }
    }
    return executed;
  }

  int failedJobs() {
    return failedJobs;
  }

  private static List<Job> dueJobs(ManagementService management, String processDefinitionKey) {
    var query = management.createJobQuery().executable();
    return (processDefinitionKey == null ? query : query.processDefinitionKey(processDefinitionKey)).listPage(0, 500);
  }

  /** The open tasks of a process instance at an activity. */
  List<Task> tasks(String processInstanceId, String activity) {
    return bean(TaskService.class).createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(activity).orderByTaskName().asc().list();
  }

  /** The demo user of the task's first candidate group. */
  String userFor(Task task) {
    return EngineRest.demoUser(bean(TaskService.class).getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElseThrow());
  }

  /** Claims the task and submits its form as the user, through the REST API, as Tasklist does. */
  void submit(String user, String taskId, Map<String, Object> values) {
    expect(204, post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}"), "claim");
    expect(204, post(user, "/engine-rest/task/" + taskId + "/submit-form", variables(values)), "submit");
  }

  JsonNode get(String user, String path) {
    HttpResponse<String> response = send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    expect(200, response, "GET " + path);
    return read(response.body());
  }

  /**
   * A group Italy's Action Leader ({@code al-it}) is in, for the plain tasks that stand beside its
   * reports: one of its per-OAP Action Leader groups (ADR 0016).
   */
  String italysActionLeaderGroup() {
    return bean(IdentityService.class).createGroupQuery().groupMember("al-it").list().stream()
        .map(Group::getId)
        .filter(group -> EmpactGroups.actorInOap(group).isPresent()).findFirst()
        .orElseThrow(() -> new IllegalStateException("al-it is in no OAP's Action Leader group"));
  }

  HttpResponse<String> put(String user, String path, String body) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> post(String user, String path, String body) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Camunda REST variables body; a map value is taken as the variable with its type. */
  String variables(Map<String, Object> values) {
    ObjectNode body = json.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    values.forEach((name, value) -> variables.set(name, value instanceof Map<?, ?> typed
        ? json.valueToTree(typed) : json.createObjectNode().putPOJO("value", value)));
    return body.toString();
  }

  static void expect(int status, HttpResponse<String> response, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
    }
  }

  private HttpResponse<String> send(String user, HttpRequest.Builder request) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    try {
      return client.send(request.header("Authorization", "Basic " + credentials).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    ClockUtil.reset();
    app.close();
    smtp.stop();
  }
}
