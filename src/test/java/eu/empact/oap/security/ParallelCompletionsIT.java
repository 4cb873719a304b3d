package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportingRoundProcess;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineChannel;
import eu.empact.oap.support.EngineRest;
import eu.empact.oap.support.KpiValues;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People who work at the same moment on the tasks of one process instance: the 26 Action Leaders
 * of a reporting round and the 27 NECs of a consultation submit all at once from 8 threads, each
 * as its own user with authorization on, half through {@code /engine-rest} and half through
 * Tasklist's engine API, on PostgreSQL. Every submission succeeds, and each is recorded once: in
 * the registry, in the engine's history, and the process goes on once.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class ParallelCompletionsIT {

  static final int THREADS = 8;

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired OapRegistry registry;
  @Autowired OaReports reports;
  @Autowired NecConsultation consultation;
  @Autowired HistoryService history;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void theActionLeadersOfARoundReportAtTheSameMoment() throws Exception {
    long oapId = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    JsonNode plan = rest().body(Api.as(http, "esu").get("/api/oaps/" + oapId + "/reporting-plan"));
    int round = stream(plan).filter(r -> r.get("stage").asText().equals("PLANNED")).findFirst().orElseThrow()
        .get("number").asInt();
    assertThat(Api.as(http, "esu").post("/api/oaps/" + oapId + "/rounds/" + round + "/open", "{}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String instance = rest().body(Api.as(http, "demo").get("/engine-rest/process-instance?businessKey=oap-" + oapId
        + "-round-" + round)).get(0).get("id").asText();
    List<JsonNode> tasks = rest().tasks(instance, ReportingRoundProcess.TASK_REPORT_ON_OA);
    assertThat(tasks).hasSize(26);

    Map<String, String> users = completeAtOnce(tasks, task -> Map.of(ReportingRoundProcess.REPORT_STATUS, "ongoing",
        ReportingRoundProcess.PROGRESS, "on track", ReportingRoundProcess.KPI_VALUES,
        KpiValues.lines(reports.action(oapId, round, oaRef(task)), "3")));

    Map<String, String> recorded = jdbc.sql("SELECT r.oa_ref, r.recorded_by FROM oa_report r JOIN reporting_round "
            + "rr ON rr.id = r.round_id WHERE rr.oap_id = ? AND rr.number = ?").params(oapId, round)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(recorded).hasSize(26).isEqualTo(tasks.stream()
        .collect(Collectors.toMap(ParallelCompletionsIT::oaRef, task -> users.get(EngineRest.id(task)))));
    assertCompletedOnceEach(instance, ReportingRoundProcess.TASK_REPORT_ON_OA, users);
    assertThat(rest().tasks(instance, ReportingRoundProcess.TASK_WRITE_DRIVER_REPORT)).hasSize(1);
    JsonNode record = rest().body(Api.as(http, "esu").get("/api/oaps/" + oapId + "/rounds/" + round));
    assertThat(record.get("summary").get("reported").asInt()).isEqualTo(26);
    assertThat(stream(record.get("history")).filter(e -> e.get("event").asText().equals("COLLECTION_CLOSED")))
        .hasSize(1);
  }

  @Test
  void theNecsAnswerTheConsultationAtTheSameMoment() throws Exception {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    String instance = adoptionAtTheNecConsultation(oapId);
    List<JsonNode> tasks = rest().tasks(instance, AdoptionProcess.TASK_STATE_PARTICIPATION);
    assertThat(tasks).hasSize(27);

    Map<String, String> users = completeAtOnce(tasks, task -> Map.of(AdoptionProcess.PARTICIPATING_OAS,
        Map.of("type", "Json", "value", "[\"2.3\",\"8.1\"]")));

    List<NecConsultation.Answer> answers = consultation.answers(oapId, 0);
    assertThat(answers).hasSize(27).allSatisfy(answer -> {
      assertThat(answer.status()).isEqualTo(NecConsultation.Status.ANSWERED);
      assertThat(answer.participatesIn()).containsExactly("2.3", "8.1");
    });
    assertThat(answers.stream().map(NecConsultation.Answer::answeredBy)).containsExactlyInAnyOrderElementsOf(
        users.values());
    assertCompletedOnceEach(instance, AdoptionProcess.TASK_STATE_PARTICIPATION, users);
    assertThat(rest().tasks(instance, AdoptionProcess.TASK_RECORD_NEC_OUTCOME)).hasSize(1);
  }

  /**
   * Each task claimed and submitted by the demo user of its group, all released at the same moment
   * on {@value #THREADS} threads, alternately through the two engine APIs; every answer is 204.
   * Returns who completed which task.
   */
  private Map<String, String> completeAtOnce(List<JsonNode> tasks, Function<JsonNode, Map<String, Object>> form)
      throws Exception {
    Map<String, String> users = tasks.stream().collect(Collectors.toMap(EngineRest::id, rest()::userFor));
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        EngineChannel channel = EngineChannel.values()[i % EngineChannel.values().length];
        String task = EngineRest.id(tasks.get(i));
        String user = users.get(task);
        String body = rest().variables(form.apply(tasks.get(i)));
        answers.add(threads.submit(() -> {
          start.await();
          ResponseEntity<String> claimed = channel.call(http, user, POST, "/task/" + task + "/claim",
              "{\"userId\":\"" + user + "\"}");
          return claimed.getStatusCode().is2xxSuccessful() ? channel.call(http, user, POST, "/task/" + task
              + "/submit-form", body) : claimed;
        }));
      }
      start.countDown();
      for (int i = 0; i < answers.size(); i++) {
        ResponseEntity<String> answer = answers.get(i).get(2, TimeUnit.MINUTES);
        assertThat(answer.getStatusCode()).as(tasks.get(i).get("name").asText() + ": " + answer.getBody())
            .isEqualTo(HttpStatus.NO_CONTENT);
      }
    } finally {
      threads.shutdownNow();
    }
    return users;
  }

  /** Each task completed once by its user, in the history and the user operation log. */
  private void assertCompletedOnceEach(String instance, String activity, Map<String, String> users) {
    List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .taskDefinitionKey(activity).list();
    assertThat(done).hasSize(users.size()).allSatisfy(task -> {
      assertThat(task.getDeleteReason()).isEqualTo("completed");
      assertThat(task.getAssignee()).isEqualTo(users.get(task.getId()));
    });
    assertThat(history.createUserOperationLogQuery().processInstanceId(instance).operationType("Complete").list()
        .stream().filter(entry -> users.containsKey(entry.getTaskId())))
        .extracting(entry -> entry.getTaskId() + " " + entry.getUserId())
        .containsExactlyInAnyOrderElementsOf(users.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .toList());
  }

  /** The demo OAP's adoption started, its draft submitted, its leaders accepted and the Support Unit approved. */
  private String adoptionAtTheNecConsultation(long oapId) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ResponseEntity<String> started = Api.as(http, "esu").post(
        "/engine-rest/process-definition/key/oap-adoption/submit-form", rest().variables(Map.of("oapId", oapId,
            "driver", "DE", "coDrivers", "", "necMeetingDate", today.plusDays(30).toString(),
            "cosiTargetDate", today.plusDays(60).toString())));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    String instance = rest().body(started).get("id").asText();
    rest().submit("driver", rest().tasks(instance, AdoptionProcess.TASK_DRAFT).get(0), Map.of("comments", "ready"));
    rest().tasks(instance, AdoptionProcess.TASK_CONFIRM_LEADERSHIP)
        .forEach(task -> rest().submit(rest().userFor(task), task, Map.of("decision", "accept")));
    rest().submit("esu", rest().tasks(instance, AdoptionProcess.TASK_REVIEW_DRAFT).get(0),
        Map.of("decision", "approve"));
    return instance;
  }

  private static String oaRef(JsonNode task) {
    return task.get("name").asText().replaceAll("^Report on OA ([0-9.]+):.*$", "$1");
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private EngineRest rest() {
    return new EngineRest(http, json);
  }
}
