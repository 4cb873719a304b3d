package eu.empact.oap.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineRest;
import eu.empact.oap.support.OapDocuments;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The people of freshly imported OAPs, named by the Support Unit through {@code /api/oaps/{id}/people}
 * on PostgreSQL: the draft reaches the Driver named, an Action Leader named in one OAP does not see
 * the same actor's tasks of another, a Driver cannot name the people of another OAP, a task for an
 * actor nobody acts for goes to the Support Unit "on behalf of" it and back once somebody is named,
 * and a person without an account gets one with a link to set a password.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@ActiveProfiles("postgres")
class DirectoryIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void theSupportUnitNamesThePeopleOfANewOapAndEachSeesOnlyItsOwn() {
    EngineRest engine = new EngineRest(http, json);
    long mine = importOap();
    long other = importOap();
    assertThat(engine.body(Api.as(http, "esu").get("/api/oaps/" + mine + "/people")).get("people")).isEmpty();
    // nobody is the Driver of the new OAP yet: the demo Driver may not name its people
    assertThat(Api.as(http, "driver").put("/api/oaps/" + mine + "/people", people("driver", "al-it"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> refused = Api.as(http, "esu").put("/api/oaps/" + mine + "/people",
        "[{\"role\":\"ACTION_LEADER\",\"actor\":\"BE\",\"userId\":\"al-it\"},{\"role\":\"BOSS\",\"userId\":\"nobody\"}]");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("people[0].actor", "BE leads and co-leads no OA", "people[1].role",
        "people[1].userId");

    ResponseEntity<String> named = Api.as(http, "esu").put("/api/oaps/" + mine + "/people", people("driver", "al-it"));
    assertThat(named.getStatusCode()).as(named.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode directory = engine.body(named);
    assertThat(directory.get("people")).extracting(p -> p.get("role").asText() + " " + p.get("userId").asText()
        + " " + p.get("group").asText())
        .contains("DRIVER driver oap-" + mine + "-driver",
            "ACTION_LEADER al-it " + EmpactGroups.actionLeader(mine, "IT"));
    assertThat(directory.get("history").get(0).get("addedBy").asText()).isEqualTo("esu");
    // the other OAP's Driver is another person; nobody acts for IT there
    assertThat(Api.as(http, "esu").put("/api/oaps/" + other + "/people",
        "[{\"role\":\"DRIVER\",\"userId\":\"codriver\"}]").getStatusCode()).isEqualTo(HttpStatus.OK);
    // the Driver names the people of its own OAP, not those of another
    assertThat(Api.as(http, "driver").put("/api/oaps/" + mine + "/people", people("driver", "al-it"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.as(http, "driver").put("/api/oaps/" + other + "/people", people("driver", "al-it"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    String mineAdoption = startAdoption(mine);
    String otherAdoption = startAdoption(other);
    JsonNode draft = engine.tasks(mineAdoption, AdoptionProcess.TASK_DRAFT).get(0);
    assertThat(visible("driver", mineAdoption)).contains(EngineRest.id(draft));
    assertThat(visible("driver", otherAdoption)).isEmpty();
    engine.submit("driver", draft, Map.of("comments", "ready"));
    engine.submit("codriver", engine.tasks(otherAdoption, AdoptionProcess.TASK_DRAFT).get(0),
        Map.of("comments", "ready"));

    JsonNode italyMine = leadership(engine, mineAdoption, "IT");
    JsonNode italyOther = leadership(engine, otherAdoption, "IT");
    assertThat(visible("al-it", mineAdoption)).contains(EngineRest.id(italyMine));
    assertThat(visible("al-it", otherAdoption)).isEmpty();
    assertThat(Api.as(http, "al-it").get("/api/oaps/" + other).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(http, "al-it").get("/api/oaps/" + mine).getStatusCode()).isEqualTo(HttpStatus.OK);

    // nobody acts for IT in the other OAP: the Support Unit has its task, on Italy's behalf, and a task to name someone
    assertThat(italyOther.get("name").asText()).endsWith(" on behalf of Italy");
    assertThat(visible("esu", otherAdoption)).contains(EngineRest.id(italyOther));
    JsonNode nameContact = engine.body(Api.as(http, "esu").get("/engine-rest/task?processDefinitionKey=name-contact"
        + "&processInstanceBusinessKey=name-contact-" + other + "-IT")).get(0);
    assertThat(nameContact.get("name").asText()).startsWith("Name a contact for IT in OAP ");
    assertThat(engine.trySubmit("esu", nameContact, Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // once the directory names somebody for IT there, the task goes to that person
    assertThat(Api.as(http, "esu").put("/api/oaps/" + other + "/people",
        "[{\"role\":\"DRIVER\",\"userId\":\"codriver\"},{\"role\":\"ACTION_LEADER\",\"actor\":\"IT\","
            + "\"name\":\"Maria Rossi\",\"email\":\"maria.rossi@empact.example\"}]").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode handedBack = engine.body(Api.as(http, "demo").get("/engine-rest/task/" + EngineRest.id(italyOther)));
    assertThat(handedBack.get("name").asText()).doesNotContain("on behalf of");
    assertThat(visible("esu", otherAdoption)).doesNotContain(EngineRest.id(italyOther));
    engine.submit("esu", nameContact, Map.of("comments", "Maria Rossi named"));

    // Maria Rossi sets her password through the link of her e-mail, then sees the task
    String token = jdbc.sql("SELECT task_id FROM notification WHERE kind = 'ACCOUNT' AND recipient_user = ?")
        .param("maria.rossi").query(String.class).single().substring("set-password-".length());
    assertThat(http.getForEntity("/account/password?token=" + token, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(setPassword(token, "weak").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(setPassword(token, "Strong-Pass-2026").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(setPassword(token, "Another-Pass-2026").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(StreamSupport.stream(engine.body(Api.as(http, "maria.rossi", "Strong-Pass-2026")
        .get("/engine-rest/task?processInstanceId=" + otherAdoption)).spliterator(), false)
        .map(EngineRest::id).toList()).contains(EngineRest.id(italyOther));
  }

  @Test
  void theImportNamesThePeopleAndTheSupportUnitActsOnBehalfOfAnActorNobodyActsFor() {
    EngineRest engine = new EngineRest(http, json);
    OapDocuments wrong = OapDocuments.demoUnderNewPriority();
    wrong.root().putArray("people").addObject().put("role", "ACTION_LEADER").put("actor", "IT").put("userId", "nobody");
    ResponseEntity<String> refused = Api.as(http, "esu").post("/api/oaps/import", wrong.json());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("people[0].userId", "no user 'nobody'");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM priority WHERE name = ?").param(wrong.priority()).query(Integer.class)
        .single()).isZero();

    OapDocuments named = OapDocuments.demoUnderNewPriority();
    named.root().putArray("people").addObject().put("role", "CO_DRIVER").put("userId", "codriver");
    ResponseEntity<String> imported = Api.as(http, "esu").post("/api/oaps/import", named.json());
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
    long oapId = engine.body(imported).get("id").asLong();
    assertThat(engine.body(Api.as(http, "codriver").get("/api/oaps/" + oapId + "/people")).get("people"))
        .extracting(p -> p.get("role").asText() + " " + p.get("userId").asText()).containsExactly("CO_DRIVER codriver");

    // nobody is the Driver: the draft waits on nobody, is listed, and is an incident in Cockpit once checked
    String adoption = startAdoption(oapId);
    JsonNode draft = engine.tasks(adoption, AdoptionProcess.TASK_DRAFT).get(0);
    assertThat(Api.as(http, "driver").get("/api/tasks/unreachable").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.body(Api.as(http, "esu").get("/api/tasks/unreachable"))).extracting(t -> t.get("taskId").asText())
        .contains(EngineRest.id(draft));
    assertThat(Api.as(http, "esu").put("/api/oaps/" + oapId + "/people", "[{\"role\":\"CO_DRIVER\",\"userId\":"
        + "\"codriver\"}]").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.body(Api.as(http, "esu").get("/engine-rest/incident?incidentType=unreachableTask"
        + "&processInstanceId=" + adoption))).extracting(i -> i.get("configuration").asText())
        .containsExactly(EngineRest.id(draft));
    assertThat(Api.as(http, "esu").put("/api/oaps/" + oapId + "/people", "[{\"role\":\"CO_DRIVER\",\"userId\":"
        + "\"codriver\"},{\"role\":\"DRIVER\",\"userId\":\"driver\"}]").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(engine.body(Api.as(http, "esu").get("/engine-rest/incident?incidentType=unreachableTask"
        + "&processInstanceId=" + adoption))).isEmpty();
    engine.submit("driver", draft, Map.of("comments", "ready"));

    // the Support Unit confirms EUROPOL's leadership on its behalf, and the record says so
    JsonNode europol = leadership(engine, adoption, "EUROPOL");
    assertThat(europol.get("name").asText()).endsWith(" on behalf of Europol");
    assertThat(europol.get("description").asText()).contains("on behalf of Europol (EUROPOL)");
    engine.submit("esu", europol, Map.of("decision", "accept"));
    assertThat(jdbc.sql("SELECT e.actor_user FROM oap_version_event e JOIN oap_version v ON v.id = e.version_id "
        + "WHERE v.oap_id = ? AND e.event = 'LEADERSHIP_ACCEPTED'").param(oapId).query(String.class).list())
        .containsExactly("esu on behalf of EUROPOL");
  }

  private ResponseEntity<String> setPassword(String token, String password) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("token", token);
    form.add("password", password);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.exchange("/account/password", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  private static String people(String driver, String italianLeader) {
    return "[{\"role\":\"DRIVER\",\"userId\":\"" + driver + "\"},{\"role\":\"CO_DRIVER\",\"userId\":\"codriver\"},"
        + "{\"role\":\"ACTION_LEADER\",\"actor\":\"IT\",\"userId\":\"" + italianLeader + "\"}]";
  }

  private JsonNode leadership(EngineRest engine, String instance, String actor) {
    return engine.tasks(instance, AdoptionProcess.TASK_CONFIRM_LEADERSHIP).stream()
        .filter(task -> task.get("name").asText().contains(" " + actor + " ")).findFirst().orElseThrow();
  }

  private List<String> visible(String user, String instance) {
    ResponseEntity<String> tasks = Api.as(http, user).get("/engine-rest/task?processInstanceId=" + instance);
    return StreamSupport.stream(new EngineRest(http, json).body(tasks).spliterator(), false).map(EngineRest::id)
        .toList();
  }

  private long importOap() {
    ResponseEntity<String> imported = Api.as(http, "esu").post("/api/oaps/import",
        OapDocuments.demoUnderNewPriority().json());
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
    return new EngineRest(http, json).body(imported).get("id").asLong();
  }

  private String startAdoption(long oapId) {
    EngineRest engine = new EngineRest(http, json);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ResponseEntity<String> started = Api.as(http, "esu").post(
        "/engine-rest/process-definition/key/oap-adoption/submit-form", engine.variables(Map.of("oapId", oapId,
            "driver", "DE", "coDrivers", "", "necMeetingDate", today.plusDays(30).toString(),
            "cosiTargetDate", today.plusDays(60).toString())));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    return engine.body(started).get("id").asText();
  }
}
