package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.RegistryTables;
import java.io.IOException;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code POST /api/oaps/import} and {@code PUT /api/oaps/{id}} with a plan written the way the
 * OAP 2012 writes it (domain brief §3.4, §3.7): joint leaders with and without separators, actors
 * with words around them, an agency that leads and participates, KPIs without codes, no types,
 * long timings and timings in months, semesters and ordinal quarters, an OA's description, target, cross-references and footnotes. Accepted, kept as
 * written, read with flags for a person, and exported as written; refused only for what no
 * document can mean, with every problem in one answer.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-real-documents;DB_CLOSE_DELAY=-1")
class RealDocumentsImportTest {

  static final String PHASES = "1st phase: 1-2 weeks in April/May 2nd phase: 1-2 weeks in October/November; ";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired OapDocumentReader reader;
  @Autowired TaskService tasks;

  @Test
  void acceptsAnOlderPlanAsWrittenWithItsReadingsFlaggedAndLosesNothingOnExport() {
    ObjectNode plan = illegalImmigration2012("Illegal immigration (accepted)");
    Api esu = Api.as(http, "esu");

    ResponseEntity<String> created = esu.post("/api/oaps/import", plan.toString());

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = body(created).get("id").asLong();
    assertThat(body(created).get("flaggedReadings").asInt()).isEqualTo(7);

    JsonNode notes = body(esu.get("/api/oaps/" + id + "/reading-notes"));
    assertThat(notes).extracting(n -> n.get("path").asText(), n -> n.get("status").asText()).containsExactly(
        tuple("$.operationalActions[OA 1.1].actionLeaders[0]", "INTERPRETED"),
        tuple("$.operationalActions[OA 1.1].actionLeaders[0]", "INTERPRETED"),
        tuple("$.operationalActions[OA 1.1].participants[0]", "INTERPRETED"),
        tuple("$.operationalActions[OA 2.1].coActionLeaders[0]", "INTERPRETED"),
        tuple("$.operationalActions[OA 2.1].participants[0]", "INTERPRETED"),
        tuple("$.operationalActions[OA 2.1].participants[1]", "INTERPRETED"),
        tuple("$.operationalActions[OA 2.1].participants[1]", "UNREADABLE"));
    assertThat(notes.get(0).get("written").asText()).isEqualTo("Frontex Europol");
    assertThat(notes.get(0).get("note").asText()).contains("without a separator");
    assertThat(notes.get(2).get("note").asText()).contains("EUROPOL is named as Action Leader already: counted once, "
        + "as Action Leader");
    assertThat(notes.get(3).get("note").asText()).contains("'EC' read as COM")
        .contains("the words 'in cooperation with' were set aside");
    assertThat(notes.get(4).get("note").asText()).contains("the collective form 'Relevant MS'")
        .contains("'involved in EUROSUR' were set aside");
    assertThat(notes.get(6).get("note").asText())
        .contains("'other relevant EU Agencies and International Organisations' names no known actor");

    JsonNode actions = body(esu.get("/api/oaps/" + id + "/actions"));
    assertThat(roles(actions.get(0))).containsExactly(tuple("FRONTEX", "LEADER"), tuple("EUROPOL", "LEADER"),
        tuple("PL", "PARTICIPANT"), tuple("SK", "PARTICIPANT"), tuple("RS", "PARTICIPANT"));
    assertThat(roles(actions.get(1))).containsExactly(tuple("HU", "LEADER"), tuple("AT", "LEADER"),
        tuple("FRONTEX", "LEADER"), tuple("COM", "CO_LEADER"), tuple("DZ", "PARTICIPANT"),
        tuple("TN", "PARTICIPANT"), tuple("LY", "PARTICIPANT"), tuple("EG", "PARTICIPANT"));
    assertThat(actions.get(1).get("unresolvedParticipants").toString()).isEqualTo("[\"Relevant MS\"]");
    assertThat(actions.get(0).get("kpis")).extracting(k -> k.get("code").asText(), k -> k.get("codeAssigned").asBoolean())
        .containsExactly(tuple("1", true), tuple("2", true));
    assertThat(actions.get(0).at("/activities/1/timing/text").asText()).isEqualTo(PHASES.repeat(30));
    assertThat(actions.get(0).get("types")).isEmpty();
    assertThat(body(created).get("flaggedTimings").asInt()).isEqualTo(5);
    assertThat(actions.get(0).get("activities")).extracting(a -> a.at("/timing/status").asText())
        .containsExactly("INTERPRETED", "INTERPRETED");
    assertThat(actions.get(0).at("/activities/0/timing/note").asText())
        .isEqualTo("no year written: read as 2012, the OAP period's year");
    assertThat(actions.get(0).at("/activities/1/timing/note").asText())
        .isEqualTo("no year written: read as 2012, the OAP period's year; read from 'April/May', 'October/November' "
            + "among other words, which are set aside");
    assertThat(actions.get(1).get("activities")).extracting(a -> a.at("/timing/text").asText(),
            a -> a.at("/timing/status").asText(), a -> a.at("/timing/ranges/0/from").asText(),
            a -> a.at("/timing/ranges/0/to").asText())
        .containsExactly(tuple("Whole year", "INTERPRETED", "2012Q1", "2012Q4"),
            tuple("May to October", "INTERPRETED", "2012Q2", "2012Q4"),
            tuple("2nd semester 2012", "READ", "2012Q3", "2012Q4"),
            tuple("1st and 2nd quarter", "INTERPRETED", "2012Q1", "2012Q2"),
            tuple("October/November 2012", "READ", "2012Q4", "2012Q4"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("oap-" + id + "-rev-0").count()).isEqualTo(5);

    JsonNode exported = body(esu.get("/api/oaps/" + id));
    assertThat(exported.at("/operationalActions/0/actionLeaders").toString()).isEqualTo("[\"Frontex Europol\"]");
    assertThat(exported.at("/operationalActions/0/kpis/0/code").isNull()).isTrue();
    assertThat(exported.at("/operationalActions/0").has("types")).isFalse();
    assertThat(exported.at("/operationalActions/0/footnotes/0/marker").asText()).isEqualTo("7");
    assertThat(reader.read(exported.toString())).isEqualTo(reader.read(plan.toString()));

    assertThat(esu.put("/api/oaps/" + id, exported.toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(esu.get("/api/oaps/" + id))).isEqualTo(exported);
    assertThat(body(esu.get("/api/oaps/" + id + "/reading-notes"))).isEqualTo(notes);
  }

  @Test
  void refusesWithEveryProblemInDocumentOrderNamingTheOasByRefAndWritesNothing() {
    ObjectNode plan = illegalImmigration2012("Illegal immigration (refused)");
    ArrayNode actions = plan.withArray("operationalActions");
    for (int i = 2; i <= 10; i++) {
      actions.addObject().put("ref", "2." + i).put("strategicGoal", 2).put("title", "Activity 2." + i)
          .putArray("actionLeaders").add("IT");
    }
    ((ObjectNode) actions.get(10)).withArray("kpis").addObject().put("code", "toolongcode");
    ((ObjectNode) actions.get(1)).putArray("actionLeaders");
    ((ObjectNode) actions.get(0)).put("title", 2012);
    Map<String, Long> before = new RegistryTables(jdbc).counts();

    ResponseEntity<String> refused = Api.as(http, "esu").post("/api/oaps/import", plan.toString());

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(refused).get("problems")).extracting(p -> p.get("path").asText()).containsExactly(
        "$.operationalActions[OA 1.1].title",
        "$.operationalActions[OA 2.1].actionLeaders",
        "$.operationalActions[OA 2.10].kpis[0]",
        "$.operationalActions[OA 2.10].kpis[0].code");
    assertThat(body(refused).at("/problems/2/reason").asText()).contains("required property 'indicator' not found");
    assertThat(new RegistryTables(jdbc).counts()).isEqualTo(before);
  }

  @Test
  void aReplacedDraftThatChangesItsPeriodIsRefusedWithItsOtherProblemsInOneAnswer() {
    ObjectNode plan = illegalImmigration2012("Illegal immigration (replaced)");
    Api esu = Api.as(http, "esu");
    long id = body(esu.post("/api/oaps/import", plan.toString())).get("id").asLong();
    JsonNode stored = body(esu.get("/api/oaps/" + id));
    plan.put("period", "2013");
    ((ObjectNode) plan.at("/operationalActions/1")).putArray("actionLeaders");
    Map<String, Long> before = new RegistryTables(jdbc).counts();

    ResponseEntity<String> refused = esu.put("/api/oaps/" + id, plan.toString());

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(refused).get("problems")).extracting(p -> p.get("path").asText(), p -> p.get("reason").asText())
        .containsExactly(tuple("$.period", "this OAP covers 2012; its period cannot change"),
            tuple("$.operationalActions[OA 2.1].actionLeaders", "OA 2.1 has no Action Leader; at least one is required"));
    assertThat(new RegistryTables(jdbc).counts()).isEqualTo(before);
    assertThat(body(esu.get("/api/oaps/" + id))).isEqualTo(stored);
  }

  /** Two OAs of the OAP 2012 on illegal immigration, written as its annex table writes them. */
  private ObjectNode illegalImmigration2012(String priority) {
    ObjectNode plan = json.createObjectNode();
    plan.putObject("priority").put("name", priority + " " + System.nanoTime());
    plan.put("period", "2012").put("title", "Operational Action Plan 2012: Priority Crime Area C: Illegal Immigration")
        .put("driver", "IT").put("classification", "RESTREINT UE/EU RESTRICTED")
        .put("councilDocument", "17793/2/11 REV 2");
    plan.putArray("coDrivers").add("Frontex");
    ArrayNode goals = plan.putArray("strategicGoals");
    goals.addObject().put("number", 1).put("title", "Strategic Goal 1: intelligence picture");
    goals.addObject().put("number", 2).put("title", "Strategic Goal 2: external borders");
    ArrayNode actions = plan.putArray("operationalActions");

    ObjectNode first = actions.addObject().put("ref", "1.1").put("strategicGoal", 1)
        .put("title", "Joint analysis of the routes").put("description", "Frontex and Europol pool their analyses")
        .put("target", "A joint picture of the routes. KPI: Number of HIO");
    first.putArray("actionLeaders").add("Frontex Europol");
    first.putArray("participants").add("Europol, PL, SK, RS");
    ArrayNode kpis = first.putArray("kpis");
    kpis.addObject().putNull("code").put("indicator", "Number of HIO").putNull("target");
    kpis.addObject().putNull("code").put("indicator", "Number of analytical products").put("target", "4 a year");
    ArrayNode activities = first.putArray("activities");
    activities.addObject().put("description", "Analysts meeting").put("timing", "September");
    activities.addObject().put("description", "Joint operation in two phases").put("timing", PHASES.repeat(30));
    first.putArray("crossReferencedGoals").add("SG 2, SGs in priority B");
    first.putArray("crossReferencedActions").add("2.1, 5.2");
    first.putArray("footnotes").addObject().put("marker", "7")
        .put("text", "Frontex is leader for any possible operations at the external borders.");

    ObjectNode second = actions.addObject().put("ref", "2.1").put("strategicGoal", 2)
        .put("title", "Operation at the HU-RS border section");
    second.putArray("actionLeaders").add("HU, AT and Frontex");
    second.putArray("coActionLeaders").add("in cooperation with EC");
    second.putArray("participants").add("MS concerned involved in EUROSUR, DZ, TN, LY, EG.")
        .add("Frontex and other relevant EU Agencies and International Organisations");
    second.putArray("kpis").addObject().putNull("code").put("indicator", "Number of facilitators arrested")
        .putNull("target");
    ArrayNode timings = second.putArray("activities");
    timings.addObject().put("description", "Coordinated day of action").put("timing", "Whole year");
    timings.addObject().put("description", "Joint patrols").put("timing", "May to October");
    timings.addObject().put("description", "Analysts meeting").put("timing", "2nd semester 2012");
    timings.addObject().put("description", "Coordinated day of action in the 2nd and 3rd quarter")
        .put("timing", "1st and 2nd quarter");
    timings.addObject().put("description", "A day of action").put("timing", "October/November 2012");
    return plan;
  }

  private static Iterable<org.assertj.core.groups.Tuple> roles(JsonNode action) {
    return StreamSupport.stream(action.get("participations").spliterator(), false)
        .map(p -> tuple(p.get("actor").asText(), p.get("role").asText())).toList();
  }

  private JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
    }
  }
}
