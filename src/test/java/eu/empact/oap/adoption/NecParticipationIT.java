package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineRest;
import eu.empact.oap.support.OapDocuments;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The NECs' answers become the participation, every participating actor confirms its tasking, and
 * "All MS" is the Member States of the OAP's period: through the REST APIs as the demo users, on
 * PostgreSQL. In the adoption, Belgium (which leads nothing) ticks two OAs, Czechia does not answer
 * and Croatia ticks none of the OAs the OAP's text has it join.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@ActiveProfiles("postgres")
class NecParticipationIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired OapRegistry registry;

  String instance;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void theNecsAnswersBecomeTheParticipationAndEveryParticipantConfirmsItsTasking() {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ResponseEntity<String> started = Api.as(http, "esu").post("/engine-rest/process-definition/key/oap-adoption/submit-form",
        rest().variables(Map.of("oapId", oapId, "driver", "DE", "coDrivers", "",
            "necMeetingDate", today.plusDays(30).toString(), "cosiTargetDate", today.plusDays(60).toString())));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    instance = rest().body(started).get("id").asText();
    assertThat(Api.as(http, "esu").get("/api/oaps/" + oapId + "/nec-answers").getStatusCode())
        .as("no version was put to the NECs yet").isEqualTo(HttpStatus.NOT_FOUND);

    // the Driver's draft has Czechia and Croatia join OA 2.2, and Czechia OA 2.10
    ObjectNode draft = (ObjectNode) rest().body(Api.as(http, "driver").get("/api/oaps/" + oapId));
    participants(draft, "2.2", "CZ", "HR");
    participants(draft, "2.10", "CZ");
    assertThat(Api.as(http, "driver").put("/api/oaps/" + oapId, draft.toString()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    submit("driver", tasks(TASK_DRAFT).get(0), Map.of());
    tasks(TASK_CONFIRM_LEADERSHIP).forEach(task -> submit(rest().userFor(task), task, Map.of("decision", "accept")));
    submit("esu", tasks(TASK_REVIEW_DRAFT).get(0), Map.of("decision", "approve"));

    List<JsonNode> necs = tasks(TASK_STATE_PARTICIPATION);
    assertThat(necs).hasSize(27);
    for (JsonNode task : necs) {
      String memberState = rest().userFor(task);
      if (!memberState.equals("nec-cz")) {
        submit(memberState, task, Map.of("participatingOas", Map.of("type", "Json",
            "value", memberState.equals("nec-be") ? "[\"2.10\",\"2.2\"]" : "[]")));
      }
    }

    // before the meeting: the Driver and the Support Unit see every answer, Member States x OAs
    JsonNode matrix = matrix("driver");
    List<String> refs = values(matrix.get("operationalActions"), "ref");
    assertThat(refs.indexOf("2.2")).isLessThan(refs.indexOf("2.9")).isLessThan(refs.indexOf("2.10"));
    assertThat(refs.indexOf("2.10")).isLessThan(refs.indexOf("2.11")).isLessThan(refs.indexOf("3.1"));
    assertThat(values(matrix.get("memberStates"), "memberState")).hasSize(27).contains("HR").doesNotContain("UK");
    JsonNode belgium = row(matrix, "BE");
    assertThat(belgium.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(belgium.get("participates").get("2.2").asBoolean()).isTrue();
    assertThat(belgium.get("participates").get("2.10").asBoolean()).isTrue();
    assertThat(belgium.get("participates").get("2.9").asBoolean()).isFalse();
    assertThat(row(matrix, "CZ").get("status").asText()).isEqualTo("AWAITED");
    // a NEC sees its own row only; an Action Leader, or anyone without a part in the OAP, none
    assertThat(values(matrix("nec-be").get("memberStates"), "memberState")).containsExactly("BE");
    assertThat(Api.as(http, "al-europol").get("/api/oaps/" + oapId + "/nec-answers").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    executeJob(TIMER_NEC_DEADLINE);
    JsonNode czechia = row(matrix("esu"), "CZ");
    assertThat(czechia.get("status").asText()).isEqualTo("NO_ANSWER");
    assertThat(czechia.get("participates").get("2.2").isNull()).isTrue();
    JsonNode outcome = tasks(TASK_RECORD_NEC_OUTCOME).get(0);
    String table = rest().formVariable("esu", outcome, NEC_MATRIX).toString();
    assertThat(table).contains("| MS |").contains(" 2.2 |").contains("| BE |").contains("| CZ (no answer) |");
    submit("esu", outcome, Map.of("decision", "endorse"));

    JsonNode actions = rest().body(Api.as(http, "esu").get("/api/oaps/" + oapId + "/actions"));
    JsonNode oa22 = participations(actions, "2.2");
    assertThat(values(oa22, "actor")).containsExactly("EL", "CZ", "BE");
    assertThat(participation(oa22, "BE").get("source").asText()).isEqualTo("NEC_ANSWER");
    assertThat(participation(oa22, "BE").get("statedBy").asText()).isEqualTo("nec-be");
    assertThat(participation(oa22, "BE").get("statedAt").isNull()).isFalse();
    assertThat(participation(oa22, "CZ").get("source").asText()).isEqualTo("NOT_STATED");
    assertThat(participation(oa22, "EL").get("source").asText()).isEqualTo("OAP_TEXT");
    assertThat(values(participations(actions, "2.10"), "actor")).containsExactly("CY", "CZ", "BE");

    submit("cosi", tasks(TASK_REVIEW_FOR_COSI).get(0), Map.of("decision", "approve", "councilDocument", "9999/24"));
    submit("cosi", tasks(TASK_RECORD_COSI_DECISION).get(0), Map.of("decision", "adopt",
        "adoptionDate", today.toString()));

    // the 14 leading actors, and the two Member States that only take part; not Croatia
    List<JsonNode> confirmations = tasks(TASK_CONFIRM_PARTICIPATION);
    assertThat(confirmations).hasSize(16);
    assertThat(values(confirmations, "name")).noneMatch(name -> name.contains(" HR "))
        .anyMatch(name -> name.contains(" CZ "));
    JsonNode belgiumsTask = confirmations.stream().filter(t -> t.get("name").asText().contains(" BE ")).findFirst()
        .orElseThrow();
    assertThat(rest().userFor(belgiumsTask)).isEqualTo("nec-be");
    assertThat(belgiumsTask.get("due").asText()).isNotEmpty();
    rest().refused("nec-cz", belgiumsTask);
    assertThat(rest().formText("nec-be", belgiumsTask, BRIEFING)).contains("OA 2.2 ").contains("OA 2.10 ")
        .doesNotContain("OA 2.9 ");
    submit("nec-be", belgiumsTask, Map.of("confirmed", true));

    JsonNode sheet = rest().body(Api.as(http, "nec-be").get("/api/oaps/" + oapId + "/tasking/BE"));
    assertThat(values(sheet.get("lines"), "ref")).containsExactly("2.2", "2.10");
    // each line names who leads the OA (co-leaders are leaders, ADR 0016)
    assertThat(values(sheet.get("lines"), "ledBy")).containsExactly("EL", "CY");
    assertThat(sheet.get("lines")).allSatisfy(line -> {
      assertThat(line.get("role").asText()).isEqualTo("PARTICIPANT");
      assertThat(line.get("source").asText()).isEqualTo("NEC_ANSWER");
      assertThat(line.get("confirmedBy").asText()).isEqualTo("nec-be");
    });
    JsonNode silent = rest().body(Api.as(http, "nec-cz").get("/api/oaps/" + oapId + "/tasking/CZ"));
    assertThat(values(silent.get("lines"), "ref")).containsExactly("2.2", "2.10");
    assertThat(silent.get("lines")).allSatisfy(line -> {
      assertThat(line.get("source").asText()).isEqualTo("NOT_STATED");
      assertThat(line.get("confirmedAt").isNull()).isTrue();
    });
    assertThat(rest().body(Api.as(http, "nec-hr").get("/api/oaps/" + oapId + "/tasking/HR")).get("lines")).isEmpty();
    String page = http.withBasicAuth("nec-cz", "nec-cz").exchange(org.springframework.http.RequestEntity
        .get("/api/oaps/" + oapId + "/tasking/CZ").accept(org.springframework.http.MediaType.TEXT_HTML).build(),
        String.class).getBody();
    assertThat(page).contains("<strong>not stated</strong>");
  }

  @Test
  void allMsIsTheMemberStatesOfTheOapsPeriod() {
    long of2012 = importWithAllMs("2012", "UK");
    long of2024 = importWithAllMs("2024-2025", "HR");

    List<String> allMs2012 = allMs(of2012);
    assertThat(allMs2012).hasSize(27).contains("UK", "FR").doesNotContain("HR");
    List<String> allMs2024 = allMs(of2024);
    assertThat(allMs2024).hasSize(27).contains("HR", "FR").doesNotContain("UK");
    assertThat(values(rest().body(Api.as(http, "nec-fr").get("/api/member-states?period=2012")), "code"))
        .isEqualTo(allMs2012);

    // the United Kingdom may drive an OAP of 2012, not one of 2024
    OapDocuments refused = OapDocuments.demoUnderNewPriority();
    refused.root().put("driver", "UK");
    ResponseEntity<String> answer = Api.as(http, "esu").post("/api/oaps/import", refused.json());
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("$.driver").contains("not a Member State then");
  }

  // --- helpers

  private long importWithAllMs(String period, String driver) {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.root().put("period", period).put("driver", driver);
    document.action(0).putArray("participants").add("All MS");
    ResponseEntity<String> created = Api.as(http, "esu").post("/api/oaps/import", document.json());
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return rest().body(created).get("id").asLong();
  }

  private List<String> allMs(long oapId) {
    JsonNode first = rest().body(Api.as(http, "esu").get("/api/oaps/" + oapId + "/actions")).get(0);
    List<String> codes = new ArrayList<>();
    first.get("participations").forEach(p -> {
      if ("All MS".equals(p.path("viaCollective").asText())) {
        codes.add(p.get("actor").asText());
      }
    });
    return codes.stream().sorted().toList();
  }

  private static void participants(ObjectNode document, String ref, String... actors) {
    for (JsonNode oa : document.withArray("operationalActions")) {
      if (oa.get("ref").asText().equals(ref)) {
        ArrayNode participants = ((ObjectNode) oa).putArray("participants");
        for (String actor : actors) {
          participants.add(actor);
        }
      }
    }
  }

  private JsonNode matrix(String user) {
    ResponseEntity<String> answer = Api.as(http, user).get("/api/oaps/" + registry.find("Migrant smuggling",
        "2024-2025").orElseThrow() + "/nec-answers");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return rest().body(answer);
  }

  private static JsonNode row(JsonNode matrix, String memberState) {
    return StreamSupport.stream(matrix.get("memberStates").spliterator(), false)
        .filter(row -> row.get("memberState").asText().equals(memberState)).findFirst().orElseThrow();
  }

  private static JsonNode participations(JsonNode actions, String ref) {
    return StreamSupport.stream(actions.spliterator(), false).filter(oa -> oa.get("ref").asText().equals(ref))
        .findFirst().orElseThrow().get("participations");
  }

  private static JsonNode participation(JsonNode participations, String actor) {
    return StreamSupport.stream(participations.spliterator(), false)
        .filter(p -> p.get("actor").asText().equals(actor)).findFirst().orElseThrow();
  }

  private static List<String> values(Iterable<JsonNode> nodes, String field) {
    return StreamSupport.stream(nodes.spliterator(), false).map(node -> node.get(field).asText()).toList();
  }

  private void executeJob(String activity) {
    JsonNode jobs = rest().body(Api.as(http, "demo").get("/engine-rest/job?processInstanceId=" + instance
        + "&activityId=" + activity));
    assertThat(jobs).as(activity).hasSize(1);
    assertThat(Api.as(http, "demo").post("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", "{}")
        .getStatusCode()).as("execute " + activity).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private List<JsonNode> tasks(String key) {
    return rest().tasks(instance, key);
  }

  private void submit(String user, JsonNode task, Map<String, Object> values) {
    rest().submit(user, task, values);
  }

  private EngineRest rest() {
    return new EngineRest(http, json);
  }
}
