package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundOpener;
import eu.empact.oap.reporting.RoundStage;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.DemoPeople;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineChannel;
import eu.empact.oap.support.EngineRest;
import eu.empact.oap.support.OapDocuments;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The attacks of an ordinary participant who opens the REST API behind Tasklist, replayed on
 * PostgreSQL through {@code /engine-rest} and through the webapps' engine API with a Tasklist
 * session: each is refused (400 naming the field, or 403), and afterwards the registry's tables
 * and the process (its variables, open tasks and who they are for) are exactly as before.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@ActiveProfiles("postgres")
@ExtendWith(OutputCaptureExtension.class)
class RecordIntegrityIT {

  static final List<EngineChannel> CHANNELS = List.of(EngineChannel.values());

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired NecConsultation consultation;
  @Autowired IdentityService identity;
  @Autowired OapRegistry registry;
  @Autowired ReportingRounds rounds;
  @Autowired RoundOpener opener;
  @Autowired OaReports reports;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void aTaskTakesTheFieldsOfItsFormAndNothingElseOnEveryPath() {
    Adoption adoption = startAdoption();
    JsonNode draft = adoption.single(AdoptionProcess.TASK_DRAFT);
    String task = EngineRest.id(draft);
    claim("driver", draft);

    refusedUnchanged(adoption, () -> {
      for (EngineChannel channel : CHANNELS) {
        ResponseEntity<String> submit = channel.call(http, "driver", POST, "/task/" + task + "/submit-form",
            variables(Map.of("comments", "ready", "returnedAt", "COSI")));
        assertProblem(submit, 400, "returnedAt", "returnedAt", "is not a field of this form");
        assertProblem(channel.call(http, "driver", POST, "/task/" + task + "/complete",
            variables(Map.of("returnedAt", "COSI"))), 400, "returnedAt", "returnedAt", "is not a field of this form");
        assertProblem(channel.call(http, "driver", PUT, "/task/" + task + "/variables/returnedAt",
            "{\"value\":\"COSI\"}"), 400, "returnedAt", "returnedAt", "written only by completing a task's form");
        assertProblem(channel.call(http, "driver", POST, "/task/" + task + "/localVariables",
            "{\"modifications\":{\"oapId\":{\"value\":2}}}"), 400, "oapId", "oapId", "written only by completing");
        assertProblem(channel.call(http, "driver", DELETE, "/task/" + task + "/variables/oapId", null), 400,
            "oapId", "oapId", "written only by completing");
        assertThat(channel.call(http, "driver", PUT, "/process-instance/" + adoption.id + "/variables/returnedAt",
            "{\"value\":\"COSI\"}").getStatusCode().value()).isIn(400, 403);
        // a read-only field is shown, not written
        assertProblem(channel.call(http, "driver", POST, "/task/" + task + "/submit-form",
            variables(Map.of("oapOverview", "a different OAP"))), 400, "oapOverview", "The OAP", "reading only");
        // a field's limit, in the form's words, and never the database's error
        ResponseEntity<String> tooLong = channel.call(http, "driver", POST, "/task/" + task + "/submit-form",
            variables(Map.of("comments", "x".repeat(4001))));
        assertProblem(tooLong, 400, "comments", "Comments for the Action Leaders and the Support Unit", "at most 4000");
        assertThat(tooLong.getBody()).doesNotContain("INSERT", "ENGINE-", "Exception", "oap_version_event");
      }
    });

    assertThat(adoption.variable("returnedAt").path("value").asText()).isEmpty();
    assertThat(EngineChannel.WEBAPP.call(http, "driver", POST, "/task/" + task + "/submit-form",
        variables(Map.of("comments", "ready for the Action Leaders"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(adoption.tasks(AdoptionProcess.TASK_CONFIRM_LEADERSHIP)).hasSize(14);
    assertThat(adoption.tasks(AdoptionProcess.TASK_REVIEW_FOR_COSI)).isEmpty();
  }

  @Test
  void whatATaskIsAboutComesFromWhatTheServerRecordedNotFromTheCaller() {
    Adoption adoption = startAdoption();
    adoption.submit("driver", adoption.single(AdoptionProcess.TASK_DRAFT), Map.of("comments", "ready"));
    List<JsonNode> leadership = adoption.tasks(AdoptionProcess.TASK_CONFIRM_LEADERSHIP);
    JsonNode france = leadership.stream().filter(t -> t.get("name").asText().contains(" FR ")).findFirst().orElseThrow();
    claim("al-fr", france);

    refusedUnchanged(adoption, () -> {
      for (EngineChannel channel : CHANNELS) {
        assertProblem(channel.call(http, "al-fr", POST, "/task/" + EngineRest.id(france) + "/submit-form",
            variables(Map.of("decision", "accept", "leadingActor", "EUROPOL"))), 400, "leadingActor", "leadingActor",
            "is not a field of this form");
        assertProblem(channel.call(http, "al-fr", POST, "/task/" + EngineRest.id(france) + "/submit-form",
            variables(Map.of("decision", "accept", "oapId", 2))), 400, "oapId", "oapId", "is not a field of this form");
        assertProblem(channel.call(http, "al-fr", POST, "/task/" + EngineRest.id(france) + "/submit-form",
            variables(Map.of("decision", "maybe"))), 400, "decision", "Decision", "is not one of the choices");
      }
    });

    leadership.forEach(task -> adoption.submit(adoption.rest().userFor(task), task, Map.of("decision", "accept")));
    adoption.submit("esu", adoption.single(AdoptionProcess.TASK_REVIEW_DRAFT), Map.of("decision", "approve"));
    List<JsonNode> necs = adoption.tasks(AdoptionProcess.TASK_STATE_PARTICIPATION);
    JsonNode italy = necs.stream().filter(t -> t.get("name").asText().contains(" IT ")).findFirst().orElseThrow();
    JsonNode germany = necs.stream().filter(t -> t.get("name").asText().contains(" DE ")).findFirst().orElseThrow();
    claim("nec-it", italy);

    refusedUnchanged(adoption, () -> {
      for (EngineChannel channel : CHANNELS) {
        assertProblem(channel.call(http, "nec-it", POST, "/task/" + EngineRest.id(italy) + "/submit-form",
            variables(Map.of("memberState", "DE", "comments", "we speak for Germany"))), 400, "memberState",
            "memberState", "is not a field of this form");
        assertThat(channel.call(http, "nec-it", POST, "/task/" + EngineRest.id(germany) + "/submit-form",
            variables(Map.of("comments", "we speak for Germany"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      }
    });

    adoption.submit("nec-it", italy, Map.of("comments", "Italy's own answer"));
    adoption.submit("nec-de", germany, Map.of("comments", "Germany's own answer"));
    Map<String, NecConsultation.Answer> answers = new LinkedHashMap<>();
    consultation.answers(adoption.oapId, 0).forEach(answer -> answers.put(answer.memberState(), answer));
    assertThat(answers.get("IT").answeredBy()).isEqualTo("nec-it");
    assertThat(answers.get("IT").comment()).isEqualTo("Italy's own answer");
    assertThat(answers.get("DE").answeredBy()).isEqualTo("nec-de");
    assertThat(answers.get("DE").comment()).isEqualTo("Germany's own answer");
  }

  @Test
  void candidatesWorkOnTheirTaskButDoNotChangeWhoItIsForNorWhenItIsDue() {
    Adoption adoption = startAdoption();
    adoption.submit("driver", adoption.single(AdoptionProcess.TASK_DRAFT), Map.of("comments", "ready"));
    JsonNode france = adoption.tasks(AdoptionProcess.TASK_CONFIRM_LEADERSHIP).stream()
        .filter(t -> t.get("name").asText().contains(" FR ")).findFirst().orElseThrow();
    String task = EngineRest.id(france);

    refusedUnchanged(adoption, () -> {
      for (EngineChannel channel : CHANNELS) {
        assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/identity-links",
            "{\"groupId\":\"necs\",\"type\":\"candidate\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/identity-links/delete",
            "{\"groupId\":\"" + EmpactGroups.actionLeader(adoption.oapId, "FR") + "\",\"type\":\"candidate\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/claim", "{\"userId\":\"nec-de\"}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/assignee", "{\"userId\":\"nec-de\"}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/delegate", "{\"userId\":\"al-fr\"}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/bpmnError", "{\"errorCode\":\"gone\"}")
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ObjectNode moved = editable(body(channel.call(http, "al-fr", GET, "/task/" + task, null)));
        moved.put("due", "2099-01-01T00:00:00.000+0000");
        ResponseEntity<String> due = channel.call(http, "al-fr", PUT, "/task/" + task, moved.toString());
        assertThat(due.getStatusCode()).as(due.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "nec-fr", POST, "/task/" + task + "/claim", "{\"userId\":\"nec-fr\"}")
            .getStatusCode().is4xxClientError()).isTrue();
      }
    });

    // working on one's own task goes on as before: claim, unclaim, a follow-up date
    for (EngineChannel channel : CHANNELS) {
      assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/claim", "{\"userId\":\"al-fr\"}").getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      ObjectNode followUp = editable(body(channel.call(http, "al-fr", GET, "/task/" + task, null)));
      followUp.put("followUp", "2030-01-01T00:00:00.000+0000");
      assertThat(channel.call(http, "al-fr", PUT, "/task/" + task, followUp.toString()).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/unclaim", null).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }

    // a group removed from a task loses it at once
    assertThat(Api.as(http, "demo").post("/engine-rest/task/" + task + "/identity-links/delete",
        "{\"groupId\":\"" + EmpactGroups.actionLeader(adoption.oapId, "FR") + "\",\"type\":\"candidate\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    for (EngineChannel channel : CHANNELS) {
      assertThat(channel.call(http, "al-fr", GET, "/task/" + task, null).getStatusCode().is4xxClientError()).isTrue();
      assertThat(channel.call(http, "al-fr", POST, "/task/" + task + "/claim", "{\"userId\":\"al-fr\"}")
          .getStatusCode().is4xxClientError()).isTrue();
      assertThat(channel.call(http, "al-fr", GET, "/history/task?taskId=" + task, null).getBody()).isEqualTo("[]");
    }
  }

  @Test
  void onlyTheApplicationSendsMessagesAndOnlyTheOapsDriverStartsAnEscalation() {
    long before = count("SELECT COUNT(*) FROM escalation");
    String missed = "{\"messageName\":\"missed-commitments\",\"processVariables\":{\"oapId\":{\"value\":2,"
        + "\"type\":\"Long\"},\"actor\":{\"value\":\"IT\"},\"reason\":{\"value\":\"forged\"},"
        + "\"escalationId\":{\"value\":1,\"type\":\"Long\"}}}";
    for (EngineChannel channel : CHANNELS) {
      assertThat(channel.call(http, "driver", POST, "/message", missed).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(channel.call(http, "driver", POST, "/signal", "{\"name\":\"anything\"}").getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(count("SELECT COUNT(*) FROM escalation")).isEqualTo(before);
    assertThat(body(Api.as(http, "demo").get("/engine-rest/process-instance?processDefinitionKey=exclusion-clause")))
        .isEmpty();

    // a Driver of another OAP, with the right to start escalations in its own
    long other = importOap("NL");
    createUser("driver-nl", "oap-" + other + "-driver");
    String start = variables(Map.of("oapId", 2, "actor", "IT", "reason", "forged by another OAP's Driver"));
    for (EngineChannel channel : CHANNELS) {
      assertProblem(channel.call(http, "driver-nl", POST, "/process-definition/key/exclusion-clause/submit-form",
          start), 400, "oapId", "OAP (registry id)", "only the Driver of OAP 2 may start this");
      assertProblem(channel.call(http, "driver", POST, "/process-definition/key/exclusion-clause/submit-form",
          variables(Map.of("oapId", 2, "actor", "IT", "reason", "x", "escalationId", 1))), 400, "escalationId",
          "escalationId", "is not a field of this form");
      assertThat(channel.call(http, "driver", POST, "/process-definition/key/oap-reporting-round/submit-form",
          variables(Map.of())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(count("SELECT COUNT(*) FROM escalation")).isEqualTo(before);
  }

  @Test
  void aRefusedJobExecutionChangesNothingAndSaysNothingAboutTheJob(CapturedOutput log) {
    Adoption adoption = startAdoption();
    JsonNode job = body(Api.as(http, "demo").get("/engine-rest/job?processInstanceId=" + adoption.id)).get(0);
    String jobId = job.get("id").asText();
    int retries = job.get("retries").asInt();
    int logged = log.getAll().length();

    refusedUnchanged(adoption, () -> {
      for (EngineChannel channel : CHANNELS) {
        for (int attempt = 0; attempt < 3; attempt++) {
          assertThat(channel.call(http, "nec-fr", POST, "/job/" + jobId + "/execute", null).getStatusCode())
              .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(channel.call(http, "nec-fr", POST, "/job/no-such-job/execute", null).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "nec-fr", PUT, "/job/" + jobId + "/retries", "{\"retries\":0}").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(channel.call(http, "nec-fr", PUT, "/job/" + jobId + "/duedate",
            "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      }
    });

    JsonNode after = body(Api.as(http, "demo").get("/engine-rest/job/" + jobId));
    assertThat(after.get("retries").asInt()).isEqualTo(retries);
    assertThat(after.get("exceptionMessage").isNull()).isTrue();
    String lines = log.getAll().substring(logged);
    assertThat(lines).contains("ExecuteJobsCmd refused for nec-fr");
    assertThat(lines).doesNotContain("\tat org.camunda").doesNotContain("ENGINE-16004");
  }

  @Test
  void historyKeepsNoAnswerOfAnotherMemberState() {
    Adoption adoption = startAdoption();
    adoption.submit("driver", adoption.single(AdoptionProcess.TASK_DRAFT), Map.of("comments", "ready"));
    adoption.tasks(AdoptionProcess.TASK_CONFIRM_LEADERSHIP)
        .forEach(task -> adoption.submit(adoption.rest().userFor(task), task, Map.of("decision", "accept")));
    adoption.submit("esu", adoption.single(AdoptionProcess.TASK_REVIEW_DRAFT), Map.of("decision", "approve"));
    JsonNode france = adoption.tasks(AdoptionProcess.TASK_STATE_PARTICIPATION).stream()
        .filter(t -> t.get("name").asText().contains(" FR ")).findFirst().orElseThrow();
    String secret = "France's confidential reservation on OA 2.4";
    adoption.submit("nec-fr", france, Map.of("comments", secret));

    for (EngineChannel channel : CHANNELS) {
      for (String path : List.of("/history/variable-instance?processInstanceId=" + adoption.id,
          "/history/detail?processInstanceId=" + adoption.id, "/history/task?processInstanceId=" + adoption.id,
          "/task?processInstanceId=" + adoption.id, "/history/user-operation?processInstanceId=" + adoption.id)) {
        ResponseEntity<String> read = channel.call(http, "nec-pl", GET, path, null);
        assertThat(read.getBody()).as(path).doesNotContain(secret).doesNotContain("State participation of FR");
      }
    }
    // what a person sends in a form is not kept by the engine at all; the registry keeps it, and says who reads it
    for (String path : List.of("/history/variable-instance?processInstanceId=" + adoption.id,
        "/history/detail?processInstanceId=" + adoption.id)) {
      assertThat(Api.as(http, "demo").get("/engine-rest" + path).getBody()).doesNotContain(secret);
    }
    assertThat(consultation.answers(adoption.oapId, 0)).anySatisfy(a -> assertThat(a.comment()).isEqualTo(secret));
  }

  @Test
  void anActionLeaderReportsOnlyOnTheOaItsTaskIsAbout() {
    long oapId = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    int round = rounds.rounds(oapId).stream().filter(r -> r.stage() == RoundStage.PLANNED).findFirst().orElseThrow()
        .number();
    opener.openNow(oapId, round, "esu");
    JsonNode italy = reportTask("Report on OA 2.4:");
    JsonNode europol = reportTask("Report on OA 1.1:");
    Adoption process = new Adoption(italy.get("processInstanceId").asText(), oapId);
    Map<String, Object> report = Map.of("reportStatus", "ongoing", "progress", "on track",
        "kpiValues", new EngineRest(http, json).formVariable("demo", italy, "kpiValues").asText().replace(": ", ": 1"));
    Map<String, Object> forged = new LinkedHashMap<>(report);
    forged.put("oaRef", "1.1");
    forged.put("reportStatus", "not achieved");

    refusedUnchanged(process, () -> {
      for (EngineChannel channel : CHANNELS) {
        assertProblem(channel.call(http, "al-it", POST, "/task/" + EngineRest.id(italy) + "/submit-form",
            variables(forged)), 400, "oaRef", "oaRef", "is not a field of this form");
        assertThat(channel.call(http, "al-it", POST, "/task/" + EngineRest.id(europol) + "/submit-form",
            variables(Map.of("reportStatus", "not achieved"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      }
    });

    assertThat(EngineChannel.WEBAPP.call(http, "al-it", POST, "/task/" + EngineRest.id(italy) + "/submit-form",
        variables(report)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(reports.reports(oapId, round).get("2.4").recordedBy()).isEqualTo("al-it");
    assertThat(reports.reports(oapId, round)).doesNotContainKey("1.1");
  }

  @Test
  void theEngineShowsEachPersonTheTasksItCouldActOnAndNoProcessVariables() {
    Adoption adoption = startAdoption();
    adoption.submit("driver", adoption.single(AdoptionProcess.TASK_DRAFT), Map.of("comments", "ready"));
    createUser("stranger", "canteen");
    EngineChannel.logInAgain();
    // who sees which tasks of the adoption, open and done: candidates and assignees only
    Map<String, List<String>> sees = new LinkedHashMap<>();
    sees.put("driver", List.of("Draft OAP"));
    sees.put("codriver", List.of("Draft OAP"));
    sees.put("al-fr", List.of("Confirm action leadership of FR"));
    sees.put("al-it", List.of("Confirm action leadership of IT"));
    sees.put("nec-pl", List.of());
    sees.put("cosi", List.of());
    sees.put("stranger", List.of());
    for (EngineChannel channel : CHANNELS) {
      for (Map.Entry<String, List<String>> user : sees.entrySet()) {
        if (channel == EngineChannel.WEBAPP && user.getKey().equals("stranger")) {
          continue; // no Tasklist for a user without an EMPACT role: the webapps refuse the login
        }
        for (String path : List.of("/task?processInstanceId=" + adoption.id,
            "/history/task?processInstanceId=" + adoption.id)) {
          // the draft is done: it is in the history, no longer among the open tasks
          List<String> expected = path.startsWith("/task") ? user.getValue().stream()
              .filter(start -> !start.equals("Draft OAP")).toList() : user.getValue();
          List<String> names = StreamSupport.stream(body(channel.call(http, user.getKey(), GET, path, null))
              .spliterator(), false).map(task -> task.get("name").asText()).toList();
          assertThat(names).as(user.getKey() + " " + path).allSatisfy(name -> assertThat(expected)
              .anySatisfy(start -> assertThat(name).startsWith(start)));
          assertThat(names.size()).as(user.getKey() + " " + path).isEqualTo(expected.size());
        }
        // the engine would let whoever reads one task of a process read all its variables' history
        for (String path : List.of("/history/variable-instance?processInstanceId=" + adoption.id,
            "/history/detail?processInstanceId=" + adoption.id)) {
          assertThat(channel.call(http, user.getKey(), GET, path, null).getStatusCode()).as(user.getKey() + " " + path)
              .isEqualTo(user.getKey().equals("cosi") ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        }
        assertThat(channel.call(http, user.getKey(), GET, "/process-instance/" + adoption.id + "/variables", null)
            .getStatusCode().is2xxSuccessful()).as(user.getKey()).isFalse();
      }
    }
    // the Support Unit oversees the adoption in Cockpit: its history and process variables
    assertThat(body(Api.as(http, "esu").get("/engine-rest/history/variable-instance?processInstanceId="
        + adoption.id + "&variableName=oapId"))).hasSize(1);
  }

  @Test
  void theDraftCannotChangeFromItsSubmissionUntilItComesBackToTheDriver() {
    Adoption adoption = startAdoption();
    String document = Api.as(http, "driver").get("/api/oaps/" + adoption.oapId).getBody();
    assertThat(Api.as(http, "driver").put("/api/oaps/" + adoption.oapId, document).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    adoption.submit("driver", adoption.single(AdoptionProcess.TASK_DRAFT), Map.of("comments", "ready"));

    for (String user : List.of("driver", "esu")) {
      ResponseEntity<String> edit = Api.as(http, user).put("/api/oaps/" + adoption.oapId, document);
      assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(edit.getBody()).contains("cannot change since").contains("the Driver submitted it");
    }

    JsonNode france = adoption.tasks(AdoptionProcess.TASK_CONFIRM_LEADERSHIP).stream()
        .filter(t -> t.get("name").asText().contains(" FR ")).findFirst().orElseThrow();
    adoption.submit("al-fr", france, Map.of("decision", "decline", "comments", "no capacity for OA 2.5"));
    assertThat(adoption.tasks(AdoptionProcess.TASK_DRAFT)).hasSize(1);
    assertThat(Api.as(http, "driver").put("/api/oaps/" + adoption.oapId, document).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  // --- helpers

  /** An adoption cycle of a new OAP (the demo OAP under a priority of its own), waiting at the Driver's draft. */
  private Adoption startAdoption() {
    long oapId = importOap("DE");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ResponseEntity<String> started = Api.as(http, "esu").post(
        "/engine-rest/process-definition/key/oap-adoption/submit-form", variables(Map.of("oapId", oapId, "driver", "DE",
            "coDrivers", "", "necMeetingDate", today.plusDays(30).toString(),
            "cosiTargetDate", today.plusDays(60).toString())));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    return new Adoption(body(started).get("id").asText(), oapId);
  }

  private JsonNode reportTask(String name) {
    JsonNode tasks = body(Api.as(http, "demo").get("/engine-rest/task?taskDefinitionKey=Task_ReportOnOa"));
    return StreamSupport.stream(tasks.spliterator(), false).filter(task -> task.get("name").asText().startsWith(name))
        .findFirst().orElseThrow();
  }

  private long importOap(String driver) {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.root().put("driver", driver);
    ResponseEntity<String> imported = Api.as(http, "esu").post("/api/oaps/import", document.json());
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
    long oapId = body(imported).get("id").asLong();
    DemoPeople.name(http, oapId, document);
    return oapId;
  }

  /** A user whose password is its id, as the demo users' (demo only: it skips the password policy). */
  private void createUser(String id, String group) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      identity.saveGroup(identity.newGroup(group));
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      user.setEmail(id + "@empact.example");
      ((IdentityServiceImpl) identity).saveUser(user, true);
      identity.createMembership(id, group);
    }
  }

  /** A task as a client sends it back to update it (without what the REST API answers but does not read). */
  private static ObjectNode editable(JsonNode task) {
    ObjectNode editable = ((ObjectNode) task).deepCopy();
    editable.remove(List.of("camundaFormRef", "taskState"));
    return editable;
  }

  private void claim(String user, JsonNode task) {
    assertThat(Api.as(http, user).post("/engine-rest/task/" + EngineRest.id(task) + "/claim",
        "{\"userId\":\"" + user + "\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Runs the attacks and checks that the registry and the process are as they were before. */
  private void refusedUnchanged(Adoption adoption, Runnable attacks) {
    quiet();
    Map<String, Object> before = adoption.state();
    attacks.run();
    quiet();
    assertThat(adoption.state()).isEqualTo(before);
  }

  /** Waits until the job executor has nothing left to do now (the notices of new tasks are sent in jobs). */
  private void quiet() {
    await().atMost(Duration.ofSeconds(30)).until(() -> body(Api.as(http, "demo")
        .get("/engine-rest/job/count?executable=true")).get("count").asInt() == 0);
  }

  private void assertProblem(ResponseEntity<String> answer, int status, String field, String label, String reason) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    JsonNode problem = body(answer);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).doesNotContain("ENGINE-").contains(label + ": ");
    assertThat(problem.get("message").asText()).isEqualTo(problem.get("detail").asText());
    assertThat(problem.get("problems")).anySatisfy(entry -> {
      assertThat(entry.get("field").asText()).isEqualTo(field);
      assertThat(entry.get("label").asText()).isEqualTo(label);
      assertThat(entry.get("reason").asText()).contains(reason);
    });
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private String variables(Map<String, Object> values) {
    return new EngineRest(http, json).variables(values);
  }

  private JsonNode body(ResponseEntity<String> response) {
    return new EngineRest(http, json).body(response);
  }

  /** One adoption cycle under test: its process instance and OAP, and what it looks like now. */
  private final class Adoption {
    final String id;
    final long oapId;

    Adoption(String id, long oapId) {
      this.id = id;
      this.oapId = oapId;
    }

    EngineRest rest() {
      return new EngineRest(http, json);
    }

    List<JsonNode> tasks(String activity) {
      return rest().tasks(id, activity);
    }

    JsonNode single(String activity) {
      List<JsonNode> found = tasks(activity);
      assertThat(found).as(activity).hasSize(1);
      return found.get(0);
    }

    void submit(String user, JsonNode task, Map<String, Object> values) {
      rest().submit(user, task, values);
    }

    JsonNode variable(String name) {
      return body(Api.as(http, "demo").get("/engine-rest/process-instance/" + id + "/variables/" + name));
    }

    /** The registry's rows per table, the process's variables, and its open tasks with who they are for. */
    Map<String, Object> state() {
      Map<String, Object> state = new LinkedHashMap<>();
      jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
              + "AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'act_%' ORDER BY table_name")
          .query(String.class).list()
          .forEach(table -> state.put(table, count("SELECT COUNT(*) FROM " + table)));
      state.put("variables", Api.as(http, "demo").get("/engine-rest/process-instance/" + id + "/variables").getBody());
      for (JsonNode task : body(Api.as(http, "demo").get("/engine-rest/task?processInstanceId=" + id
          + "&sortBy=id&sortOrder=asc"))) {
        String taskId = task.get("id").asText();
        state.put("task " + taskId, task.get("name").asText() + " | " + task.path("assignee").asText() + " | "
            + task.path("due").asText() + " | " + StreamSupport.stream(body(Api.as(http, "demo")
                .get("/engine-rest/task/" + taskId + "/identity-links")).spliterator(), false)
            .map(link -> link.path("groupId").asText() + "/" + link.path("userId").asText() + "/" + link.get("type").asText())
            .sorted().toList());
        state.put("variables " + taskId, Api.as(http, "demo").get("/engine-rest/task/" + taskId + "/variables")
            .getBody());
      }
      return state;
    }
  }
}
