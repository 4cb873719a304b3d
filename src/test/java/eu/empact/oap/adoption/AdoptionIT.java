package eu.empact.oap.adoption;

import static eu.empact.oap.adoption.AdoptionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineRest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole adoption of the demo OAP through the REST APIs, as the demo users of each role, on
 * PostgreSQL; at every kind of task a user of a wrong role tries first and is refused.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@ActiveProfiles("postgres")
class AdoptionIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired OapRegistry registry;

  String instance;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void theDemoOapIsAdoptedByEveryRoleDoingItsPart() {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String start = variables(Map.of("oapId", oapId, "driver", "DE", "coDrivers", "",
        "necMeetingDate", today.plusDays(30).toString(), "cosiTargetDate", today.plusDays(60).toString()));

    assertThat(Api.as(http, "nec-fr").post("/engine-rest/process-definition/key/oap-adoption/submit-form", start)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> started = Api.as(http, "esu").post(
        "/engine-rest/process-definition/key/oap-adoption/submit-form", start);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    instance = body(started).get("id").asText();
    assertThat(Api.as(http, "esu").post("/engine-rest/process-definition/key/oap-adoption/submit-form", start)
        .getBody()).contains("an adoption cycle for OAP " + oapId + " is already running");

    JsonNode draft = tasks(TASK_DRAFT).get(0);
    assertThat(draft.get("name").asText()).isEqualTo("Draft OAP Migrant smuggling 2024-2025 REV 0");
    assertThat(Api.as(http, "codriver").get("/engine-rest/task/" + id(draft)).getStatusCode()).isEqualTo(HttpStatus.OK);
    refused("codriver", draft);
    assertThat(Api.as(http, "codriver").post("/engine-rest/task/" + id(draft) + "/comment/create",
        "{\"message\":\"Please add KPI targets to OA 6.2\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(http, "nec-fr").post("/engine-rest/task/" + id(draft) + "/comment/create",
        "{\"message\":\"not mine\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    refused("al-europol", draft);
    submit("driver", draft, Map.of("comments", "ready for the Action Leaders"));

    List<JsonNode> leadership = tasks(TASK_CONFIRM_LEADERSHIP);
    assertThat(leadership).hasSize(14);
    refused("nec-de", leadership.get(0));
    leadership.forEach(task -> submit(userFor(task), task, Map.of("decision", "accept")));

    JsonNode review = tasks(TASK_REVIEW_DRAFT).get(0);
    refused("driver", review);
    submit("esu", review, Map.of("decision", "approve", "linksToOtherOaps", "OA 1.1 and 2.2 link to OAP THB"));

    List<JsonNode> necs = tasks(TASK_STATE_PARTICIPATION);
    assertThat(necs).hasSize(27);
    JsonNode germany = necs.stream().filter(t -> t.get("name").asText().startsWith("State participation of DE "))
        .findFirst().orElseThrow();
    refused("nec-fr", germany);
    for (JsonNode task : necs) {
      submit(userFor(task), task, Map.of("participatingOas", Map.of("type", "Json", "value", "[\"2.3\",\"8.1\"]")));
    }

    JsonNode outcome = tasks(TASK_RECORD_NEC_OUTCOME).get(0);
    refused("cosi", outcome);
    submit("esu", outcome, Map.of("decision", "endorse"));

    JsonNode forCosi = tasks(TASK_REVIEW_FOR_COSI).get(0);
    refused("esu", forCosi);
    submit("cosi", forCosi, Map.of("decision", "approve", "councilDocument", "14541/23"));
    assertThat(Api.as(http, "driver").put("/api/oaps/" + oapId, Api.as(http, "driver").get("/api/oaps/" + oapId)
        .getBody()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    JsonNode decision = tasks(TASK_RECORD_COSI_DECISION).get(0);
    refused("driver", decision);
    submit("cosi", decision, Map.of("decision", "adopt", "adoptionDate", today.toString()));

    // every participating actor: the 27 Member States that ticked OAs 2.3 and 8.1, and the agencies
    // and the partner (UK, in 2024) that lead
    List<JsonNode> confirmations = tasks(TASK_CONFIRM_PARTICIPATION);
    assertThat(confirmations).hasSize(32);
    JsonNode france = confirmations.stream().filter(t -> t.get("name").asText().contains(" FR ")).findFirst().orElseThrow();
    refused("al-europol", france);
    confirmations.forEach(task -> submit(userFor(task), task, Map.of("confirmed", true)));

    JsonNode history = body(Api.as(http, "demo").get("/engine-rest/history/process-instance/" + instance));
    assertThat(history.get("state").asText()).isEqualTo("COMPLETED");
    JsonNode summary = body(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/summary"));
    assertThat(summary.get("status").asText()).isEqualTo("ADOPTED");
    assertThat(summary.get("councilDocument").asText()).isEqualTo("14541/23");
    JsonNode events = body(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/versions")).get(0).get("history");
    assertThat(events).anySatisfy(e -> {
      assertThat(e.get("event").asText()).isEqualTo("SUPPORT_UNIT_REVIEW_APPROVE");
      assertThat(e.get("user").asText()).isEqualTo("esu");
      assertThat(e.get("comment").asText()).isEqualTo("links to other OAPs: OA 1.1 and 2.2 link to OAP THB");
    });
    assertThat(events).filteredOn(e -> e.get("event").asText().equals("PARTICIPATION_CONFIRMED")).hasSize(32);
    JsonNode answers = body(Api.as(http, "esu").get("/api/oaps/" + oapId + "/versions/0/nec-answers"));
    assertThat(answers).hasSize(27).allSatisfy(a -> assertThat(a.get("participatesIn").toString())
        .isEqualTo("[\"2.3\",\"8.1\"]"));
    // the other Member States' answers are confidential to them; Action Leaders read none
    assertThat(body(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/versions/0/nec-answers")))
        .extracting(a -> a.get("memberState").asText()).containsExactly("FR");
    assertThat(Api.as(http, "al-europol").get("/api/oaps/" + oapId + "/versions/0/nec-answers").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode sheet = body(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/tasking/FR"));
    assertThat(sheet.get("lines")).extracting(l -> l.get("ref").asText()).containsExactly("2.3", "2.5", "2.6", "3.1", "5.1", "8.1");
    assertThat(sheet.get("lines")).allSatisfy(l -> assertThat(l.get("confirmedBy").asText()).isEqualTo("nec-fr"));
    assertThat(Api.as(http, "nec-fr").get("/api/oaps/" + oapId + "/tasking/DE").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String page = http.withBasicAuth("nec-fr", "nec-fr").exchange(org.springframework.http.RequestEntity
        .get("/api/oaps/" + oapId + "/tasking/France").accept(org.springframework.http.MediaType.TEXT_HTML).build(),
        String.class).getBody();
    assertThat(page).contains("<h1>Tasking of France (FR) in OAP Migrant smuggling 2024-2025 REV 0</h1>")
        .contains("JOT DIUNKETT").contains("confirmed");
  }

  // --- helpers

  private List<JsonNode> tasks(String key) {
    return rest().tasks(instance, key);
  }

  private String userFor(JsonNode task) {
    return rest().userFor(task);
  }

  private void refused(String user, JsonNode task) {
    rest().refused(user, task);
  }

  private void submit(String user, JsonNode task, Map<String, Object> values) {
    rest().submit(user, task, values);
  }

  private String variables(Map<String, Object> values) {
    return rest().variables(values);
  }

  private static String id(JsonNode task) {
    return EngineRest.id(task);
  }

  private JsonNode body(ResponseEntity<String> response) {
    return rest().body(response);
  }

  private EngineRest rest() {
    return new EngineRest(http, json);
  }
}
