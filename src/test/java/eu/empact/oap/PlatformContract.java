package eu.empact.oap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.notification.Notification;
import eu.empact.oap.notification.Notifications;
import eu.empact.oap.notification.TaskNotice;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.EngineChannel;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.RegistryTables;
import eu.empact.oap.system.EngineRestJson;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.Flyway;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What the platform promises on every database: the context starts and every model deploys,
 * the migrations apply, the demo OAP imports and round-trips, bad documents and bad requests are
 * refused whole with 4xx (never 500), every text the reader accepts fits its column, both REST
 * APIs demand authentication and the right role, wrong passwords delay but never lock a user for
 * good, and weak passwords are refused. Run on H2 and on PostgreSQL.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "empact.demo.enabled=true")
abstract class PlatformContract {

  /** A password the engine's password policy accepts. */
  static final String STRONG_PASSWORD = "Correct-h0rse-battery";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired OapRegistry registry;
  @Autowired DemoData demo;
  @Autowired Flyway flyway;
  @Autowired Notifications notifications;
  @Autowired AuthorizationService authorizations;
  @Autowired ResourceConfig restConfig;
  @Autowired ServletContext servletContext;

  // --- context, models, migrations

  @Test
  void deploysEveryModelAndFormOfTheProject() throws IOException {
    List<String> keys = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).toList();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      assertThat(keys).containsAll(models.map(Path::getFileName).map(Path::toString)
          .filter(name -> name.endsWith(".bpmn")).map(name -> name.replace(".bpmn", "")).toList());
    }
    String deployment = repository.createProcessDefinitionQuery().processDefinitionKey("activity-timing-review")
        .latestVersion().singleResult().getDeploymentId();
    List<String> resources = repository.getDeploymentResourceNames(deployment);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      assertThat(resources).containsAll(forms.map(form -> "forms/" + form.getFileName()).toList());
    }
  }

  @Test
  void appliesTheRegistryMigrationsWithTheirOwnHistory() {
    assertThat(flyway.getConfiguration().getTable()).isEqualTo("oap_schema_history");
    assertThat(Arrays.stream(flyway.info().applied()).filter(m -> m.getState().isApplied())
        .filter(m -> m.getType().name().equals("SQL")).map(m -> m.getVersion().getVersion()))
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "11", "12", "13", "14", "15", "16", "17", "18", "19",
            "20", "21", "22");
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM actor WHERE kind = 'MEMBER_STATE'").query(Integer.class).single())
        .isEqualTo(27);
  }

  @Test
  void indexesWhatCompletionsTaskListsAndAuthorizationChecksLookUpInTheEnginesTables() throws SQLException {
    // added by V14 and V21 to the tables the engine created before Flyway ran
    assertThat(indexes("ACT_RU_TASK")).containsEntry("EMPACT_IDX_TASK_PARENT", List.of("PARENT_TASK_ID_"))
        .containsEntry("EMPACT_IDX_TASK_DUE", List.of("DUE_DATE_", "ID_"))
        .containsEntry("EMPACT_IDX_TASK_CREATED", List.of("CREATE_TIME_", "ID_"));
    assertThat(indexes("ACT_RU_IDENTITYLINK"))
        .containsEntry("EMPACT_IDX_IDENT_LNK_GROUP", List.of("GROUP_ID_", "TYPE_", "TASK_ID_"));
    assertThat(indexes("ACT_RU_AUTHORIZATION"))
        .containsEntry("EMPACT_IDX_AUTH_USER", List.of("USER_ID_", "RESOURCE_TYPE_"));
    // the engine's own, which V14 therefore leaves out
    assertThat(indexes("ACT_RU_IDENTITYLINK").values()).anyMatch(columns -> columns.get(0).equals("TASK_ID_"));
    assertThat(indexes("ACT_RU_AUTHORIZATION").values()).anyMatch(columns -> columns.get(0).equals("GROUP_ID_"))
        .anyMatch(columns -> columns.get(0).equals("RESOURCE_ID_"));
    assertThat(indexes("ACT_ID_MEMBERSHIP").values()).anyMatch(columns -> columns.get(0).equals("USER_ID_"));
  }

  @Test
  void resolvesTheSpellingsOfTheDocumentsToOneActor() {
    Api esu = Api.as(http, "esu");
    for (var spelling : Map.of("Cepol", "CEPOL", "Cefpol", "CEPOL", "EU-LISA", "EU-LISA", "eu-LISA", "EU-LISA",
        "Frontex", "FRONTEX", "FRONTEX", "FRONTEX", "Greece", "EL", "France (Police Forces)", "FR",
        "United Kingdom", "UK").entrySet()) {
      JsonNode actor = body(esu.get("/api/actors/resolve?name=" + spelling.getKey()));
      assertThat(actor.get("code").asText()).as(spelling.getKey()).isEqualTo(spelling.getValue());
    }
    assertThat(esu.get("/api/actors/resolve?name=Atlantis").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- the demo OAP and the import format

  @Test
  void loadsTheDemoOapWith26ActionsUnder8StrategicGoals() {
    long id = demoOapId();
    JsonNode oap = body(Api.as(http, "nec-fr").get("/api/oaps/" + id));

    assertThat(oap.get("operationalActions")).hasSize(26);
    assertThat(oap.get("strategicGoals")).hasSize(8);
    assertThat(oap.get("driver").asText()).isEqualTo("DE");
    assertThat(oap.get("period").asText()).isEqualTo("2024-2025");
    JsonNode summary = body(Api.as(http, "nec-fr").get("/api/oaps/" + id + "/summary"));
    assertThat(summary.get("flaggedTimings").asInt()).isEqualTo(1);
    assertThat(summary.get("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void loadingTheDemoAgainChangesNothing() {
    Map<String, Long> before = tableCounts();
    long users = identity.createUserQuery().count();

    demo.load();

    assertThat(tableCounts()).isEqualTo(before);
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void exportsWhatWasImportedAndRoundTrips() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    Api esu = Api.as(http, "esu");

    ResponseEntity<String> created = esu.post("/api/oaps/import", document.json());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = body(created).get("id").asLong();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/oaps/" + id);

    JsonNode exported = body(esu.get("/api/oaps/" + id));
    assertThat(exported).isEqualTo(document.root());

    assertThat(esu.put("/api/oaps/" + id, exported.toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(esu.get("/api/oaps/" + id))).isEqualTo(exported);
    assertThat(body(esu.get("/api/oaps/" + id + "/versions")).get(0).get("history"))
        .extracting(event -> event.get("event").asText()).containsExactly("IMPORTED", "EDITED");
  }

  @Test
  void resolvesAliasesAndCollectiveParticipantsOnImport() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.action(0).putArray("actionLeaders").add("Europol").add("Cepol");
    document.action(0).putArray("participants").add("All MS").add("Frontex");
    document.action(1).putArray("participants").add("Relevant MS");
    Api esu = Api.as(http, "esu");

    long id = body(esu.post("/api/oaps/import", document.json())).get("id").asLong();

    JsonNode exported = body(esu.get("/api/oaps/" + id));
    assertThat(exported.at("/operationalActions/0/actionLeaders").toString()).isEqualTo("[\"Europol\",\"Cepol\"]");
    assertThat(exported.at("/operationalActions/0/participants").toString()).isEqualTo("[\"All MS\",\"Frontex\"]");
    JsonNode actions = body(esu.get("/api/oaps/" + id + "/actions"));
    assertThat(actions.get(0).at("/actors/1/readings/0/actor").asText()).isEqualTo("CEPOL");
    assertThat(actions.get(0).at("/actors/1/readings/0/readAs").asText()).isEqualTo("NAME");
    assertThat(actions.get(0).get("participations")).hasSize(2 + 1 + 27);
    assertThat(actions.get(1).get("unresolvedParticipants").toString()).isEqualTo("[\"Relevant MS\"]");
    assertThat(actions.get(1).get("participations")).hasSize(1);
  }

  @Test
  void refusesAnOapThatExistsAlready() {
    ResponseEntity<String> again = Api.as(http, "esu").post("/api/oaps/import", OapDocuments.demo().json());

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(body(again).get("detail").asText()).contains("exists already");
  }

  @Test
  void refusesAMissingLeader() {
    assertRefused(d -> d.action(0).putArray("actionLeaders"),
        "$.operationalActions[OA 1.1].actionLeaders", "has no Action Leader");
    assertRefused(d -> d.action(2).remove("actionLeaders"),
        "$.operationalActions[OA 2.1]", "required property 'actionLeaders' not found");
  }

  @Test
  void refusesAnUnknownDriverOrCoDriver() {
    assertRefused(d -> d.root().put("driver", "Gondor"), "$.driver", "unknown actor 'Gondor'");
    assertRefused(d -> d.root().putArray("coDrivers").add("Narnia"), "$.coDrivers[0]", "unknown actor 'Narnia'");
  }

  @Test
  void refusesADuplicateActionRefNamingItsPlace() {
    assertRefused(d -> d.action(3).put("ref", "2.1"), "$.operationalActions[3].ref", "OA 2.1 is listed twice");
  }

  @Test
  void refusesAnActionRefOutsideItsStrategicGoal() {
    assertRefused(d -> d.action(0).put("ref", "3.9"), "$.operationalActions[OA 3.9].ref",
        "OA 3.9 lies outside its strategic goal 1");
    assertRefused(d -> d.action(0).put("strategicGoal", 9).put("ref", "9.1"),
        "$.operationalActions[OA 9.1].strategicGoal", "strategic goal 9 is not among the OAP's strategic goals");
  }

  @Test
  void refusesMalformedJson() {
    ResponseEntity<String> response = Api.as(http, "esu").post("/api/oaps/import", "{\"priority\": {\"name\": ");
    assertProblem(response, "$", "malformed JSON at line 1");
  }

  @Test
  void refusesWrongTypesListingEveryProblem() {
    ResponseEntity<String> response = importChanged(d -> {
      d.action(0).put("strategicGoal", "one");
      d.action(1).putArray("types").add("6-Unknown");
      d.root().put("title", 42);
    });
    assertProblem(response, "$.operationalActions[OA 1.1].strategicGoal", "string found, integer expected");
    assertProblem(response, "$.operationalActions[OA 1.2].types[0]", "does not have a value in the enumeration");
    assertProblem(response, "$.title", "integer found, string expected");
  }

  @Test
  void listsProblemsOfShapeAndContentInOneAnswer() {
    ResponseEntity<String> response = importChanged(d -> {
      d.root().put("period", "2024-2027");
      d.action(0).put("title", false).putArray("actionLeaders").add("Atlantis");
      d.action(1).put("strategicGoal", "two");
      d.action(4).put("ref", "2.1");
    });
    assertThat(body(response).get("problems")).extracting(problem -> problem.get("path").asText()).containsExactly(
        "$.period", "$.operationalActions[OA 1.1].title", "$.operationalActions[OA 1.2].strategicGoal",
        "$.operationalActions[4].ref");
    assertProblem(response, "$.period", "not one or two whole calendar years");
    assertProblem(response, "$.operationalActions[OA 1.1].title", "boolean found, string expected");
    assertProblem(response, "$.operationalActions[OA 1.2].strategicGoal", "string found, integer expected");
    assertProblem(response, "$.operationalActions[4].ref", "OA 2.1 is listed twice");
  }

  @Test
  void refusesAPeriodThatIsNotOneOrTwoWholeCalendarYears() {
    assertRefused(d -> d.root().put("period", "2024-2026"), "$.period", "not one or two whole calendar years");
    assertRefused(d -> d.root().put("period", "2025-2024"), "$.period", "not one or two whole calendar years");
    assertRefused(d -> d.root().put("period", "2024-06"), "$.period", "does not match the regex pattern");
  }

  @Test
  void acceptsAnAnnualPlanOf2012() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.root().put("period", "2012");
    document.action(0).withArray("activities").addObject().put("description", "Workshop").put("timing", "2nd half 2012");

    assertThat(Api.as(http, "esu").post("/api/oaps/import", document.json()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  // --- bad input: 400 naming where and why, never 500, nothing written

  @Test
  void refusesNumbersOutOfRangeOnImportAndReplace() {
    assertRefusedEverywhere(d -> goal(d, 0).put("number", 2147483648L), "$.strategicGoals[0].number", "99");
    assertRefusedEverywhere(d -> d.action(0).put("strategicGoal", 2147483648L),
        "$.operationalActions[OA 1.1].strategicGoal", "99");
    assertRefusedEverywhere(d -> d.action(0).put("strategicGoal", -1), "$.operationalActions[OA 1.1].strategicGoal",
        "1");
    assertRefusedEverywhere(d -> goal(d, 1).put("number", 1.0), "$.strategicGoals[1].number",
        "strategic goal 1 is listed twice");
  }

  @Test
  void refusesAnOaRefLongerThanItsColumn() {
    assertRefusedEverywhere(d -> d.action(0).put("ref", "1.123456789012345"),
        "$.operationalActions[OA 1.123456789012345].ref", "16");
  }

  @Test
  void refusesTextsNoDatabaseStoresAsWritten() {
    assertRefusedEverywhere(d -> d.root().put("title", "OAP\u0000 2024"), "$.title", "NUL");
    assertRefusedEverywhere(d -> ((ObjectNode) d.action(3).withArray("kpis").get(0)).put("indicator", "a\u0000"),
        "$.operationalActions[OA 2.2].kpis[0].indicator", "NUL");
    assertRefusedEverywhere(d -> d.action(2).put("shortTitle", "half \uD800 a pair"),
        "$.operationalActions[OA 2.1].shortTitle", "unpaired surrogate");
    // 300 emoji: 300 characters for the schema and PostgreSQL, 600 for H2's VARCHAR(500)
    assertRefusedEverywhere(d -> d.root().put("title", "\uD83D\uDE00".repeat(300)), "$.title", "counts twice");
  }

  @Test
  void refusesAPeriodOutsideTheYearsAnOapMayCover() {
    for (String period : List.of("0000-0001", "1999-2000", "2100-2101", "9999")) {
      assertRefused(d -> d.root().put("period", period), "$.period", "outside the years 2000-2100");
    }
  }

  @Test
  void refusesACoDriverListedTwice() {
    assertRefusedEverywhere(d -> d.root().putArray("coDrivers").add("NL").add("Netherlands"), "$.coDrivers[1]",
        "is listed twice");
  }

  @Test
  void storesEveryTextAtTheLengthOfItsColumn() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    document.root().with("priority").put("name", atLength(document.priority() + " ", 150)).put("aim", text(4000));
    document.root().put("title", text(500)).put("classification", text(100)).put("councilDocument", text(100));
    goal(document, 0).put("chsg", text(500)).put("title", text(1000)).put("objective", text(4000));
    ObjectNode oa = document.action(0).put("ref", "1.00000000000001").put("title", text(1000))
        .put("shortTitle", text(300)).put("description", text(10000)).put("target", text(4000));
    oa.putArray("actionLeaders").add("EC " + text(1997));
    oa.putArray("coActionLeaders").add(text(2000));
    oa.putArray("participants").add("Frontex " + text(1992)).add(atLength("MS concerned ", 2000));
    oa.putArray("kpis").addObject().put("code", text(8)).put("indicator", text(2000)).put("target", text(500));
    oa.putArray("activities").addObject().put("description", text(4000)).put("timing", text(4000));
    oa.putArray("linksToOtherOaps").add(text(2000));
    oa.putArray("jointActionDays").add(text(2000));
    oa.putArray("crossReferencedGoals").add(text(2000));
    oa.putArray("crossReferencedActions").add(text(2000));
    oa.putArray("footnotes").addObject().put("marker", text(16)).put("text", text(2000));
    Api esu = Api.as(http, "esu");

    ResponseEntity<String> created = esu.post("/api/oaps/import", document.json());

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = body(created).get("id").asLong();
    assertThat(body(esu.get("/api/oaps/" + id))).isEqualTo(document.root());
    assertThat(esu.put("/api/oaps/" + id, document.json()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(esu.get("/api/oaps/" + id + "/reporting-plan").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void answersMistakesInTheRequestWith4xxProblemDetails() {
    long id = demoOapId();
    Map<String, Long> before = tableCounts();
    Api esu = Api.as(http, "esu");

    ResponseEntity<String> noBoundary = esu.send(HttpMethod.POST, "/api/oaps/import",
        headers(MediaType.MULTIPART_FORM_DATA), OapDocuments.demoUnderNewPriority().json());
    ResponseEntity<String> plainText = esu.send(HttpMethod.PUT, "/api/oaps/" + id, headers(MediaType.TEXT_PLAIN),
        OapDocuments.demo().json());
    ResponseEntity<String> deleted = esu.send(HttpMethod.DELETE, "/api/oaps/" + id, new HttpHeaders(), null);
    HttpHeaders wantsXml = new HttpHeaders();
    wantsXml.setAccept(List.of(MediaType.APPLICATION_XML));
    ResponseEntity<String> xml = esu.send(HttpMethod.GET, "/api/oaps/" + id, wantsXml, null);

    assertRequestProblem(noBoundary, HttpStatus.BAD_REQUEST, "multipart");
    assertRequestProblem(plainText, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/plain");
    assertRequestProblem(deleted, HttpStatus.METHOD_NOT_ALLOWED, "DELETE");
    assertThat(deleted.getHeaders().getAllow()).contains(HttpMethod.GET, HttpMethod.PUT);
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    assertRequestProblem(esu.get("/api/actors/resolve"), HttpStatus.BAD_REQUEST, "'name'");
    assertRequestProblem(esu.get("/api/oaps/first"), HttpStatus.BAD_REQUEST, "'first' is not a valid id");
    assertRequestProblem(esu.get("/api/oaps/99999999999999999999"), HttpStatus.BAD_REQUEST, "is not a valid id");
    // a path nothing serves falls to Spring's static files, whose 404 is Spring Boot's error body
    assertThat(esu.get("/api/nothing-here").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  void anAdoptedVersionIsReadOnly() {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    Api esu = Api.as(http, "esu");
    long id = body(esu.post("/api/oaps/import", document.json())).get("id").asLong();
    registry.changeStatus(id, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    Map<String, Long> before = tableCounts();

    ResponseEntity<String> write = esu.put("/api/oaps/" + id, document.json());

    assertThat(write.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(body(write).get("detail").asText()).contains("REV 0 is ADOPTED and read-only");
    assertThat(tableCounts()).isEqualTo(before);
    assertThat(body(esu.get("/api/oaps/" + id))).isEqualTo(document.root());
  }

  @Test
  void showsTheReportingPlanOfAnOap() {
    JsonNode plan = body(Api.as(http, "nec-fr").get("/api/oaps/" + demoOapId() + "/reporting-plan"));

    assertThat(plan).extracting(round -> round.get("kind").asText())
        .containsExactly("HALF_YEAR", "ANNUAL", "HALF_YEAR", "COMPREHENSIVE");
    assertThat(plan.get(3).get("deadline").asText()).isEqualTo("2026-03-31");
  }

  // --- security

  @Test
  void bothApisAnswer401WithoutCredentials() {
    Api nobody = Api.anonymous(http);
    assertThat(nobody.get("/api/oaps").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(nobody.get("/api/oaps").getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(nobody.post("/api/oaps/import", "{}").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(nobody.get("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user nobody else logs in as: a wrong password delays that user's next login
    assertThat(Api.as(http, "nec-mt", "wrong").get("/api/oaps").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(Api.as(http, "nec-mt", "wrong").get("/engine-rest/task").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theEngineRestAnswersThroughOneMapperInTheEnginesDateFormat() throws IOException {
    assertThat(restConfig.isRegistered(EngineRestJson.class)).isTrue();
    assertThat(new EngineRestJson().getContext(Task.class)).isSameAs(new EngineRestJson().getContext(Date.class));
    Task task = tasks.newTask();
    task.setName("a task the engine's REST API shows");
    task.setAssignee("esu");
    tasks.saveTask(task);
    try {
      for (EngineChannel channel : EngineChannel.values()) {
        ResponseEntity<String> shown = channel.call(http, "esu", HttpMethod.GET, "/task/" + task.getId(), null);
        assertThat(shown.getStatusCode()).as(channel.name()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(shown.getBody());
        assertThat(body.get("name").asText()).isEqualTo("a task the engine's REST API shows");
        assertThat(body.get("created").asText()).as(channel.name())
            .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
      }
      assertThat(servletContext.getServletRegistration("Engine Api").getInitParameter(
          ServerProperties.PROVIDER_CLASSNAMES)).isEqualTo(EngineRestJson.class.getName());
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void addingAMembershipAnswers400ForWhoIsNotThereAndChangesNothingTheSecondTime() throws IOException {
    Api admin = Api.as(http, "demo");
    ResponseEntity<String> nobody = admin.put("/engine-rest/group/" + EmpactGroups.NECS + "/members/nobody-here", null);
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode problem = json.readTree(nobody.getBody()).get("problems").get(0);
    assertThat(problem.get("field").asText()).isEqualTo("user");
    assertThat(problem.get("reason").asText()).isEqualTo("No user found with id 'nobody-here'");
    ResponseEntity<String> noGroup = admin.put("/engine-rest/group/no-such-group/members/nec-fr", null);
    assertThat(noGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(noGroup.getBody()).get("problems").get(0).get("field").asText()).isEqualTo("group");

    String member = "/engine-rest/group/" + EmpactGroups.ACTION_LEADERS + "/members/nec-mt";
    try {
      assertThat(admin.put(member, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(admin.put(member, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(identity.createUserQuery().userId("nec-mt").memberOfGroup(EmpactGroups.ACTION_LEADERS).count())
          .isEqualTo(1);
      // a person still meets the engine's authorization check, whether the membership exists or not
      assertThat(Api.as(http, "nec-fr").put(member, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    } finally {
      identity.deleteMembership("nec-mt", EmpactGroups.ACTION_LEADERS);
    }
  }

  @Test
  void theRegistryAnswers403ToARoleThatMayNotAct() {
    long id = demoOapId();
    Map<String, Long> before = tableCounts();

    ResponseEntity<String> necImports = Api.as(http, "nec-fr").post("/api/oaps/import",
        OapDocuments.demoUnderNewPriority().json());
    ResponseEntity<String> leaderEdits = Api.as(http, "al-europol").put("/api/oaps/" + id, OapDocuments.demo().json());
    ResponseEntity<String> coDriverEdits = Api.as(http, "codriver").put("/api/oaps/" + id, OapDocuments.demo().json());

    assertThat(necImports.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(body(necImports).get("detail").asText()).contains("nec-fr may not import OAPs");
    assertThat(leaderEdits.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(coDriverEdits.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  void aUserWithoutAnyEmpactRoleCannotReadTheRegistry() {
    if (identity.createUserQuery().userId("outsider").count() == 0) {
      var user = identity.newUser("outsider");
      user.setPassword(STRONG_PASSWORD);
      identity.saveUser(user);
    }
    assertThat(Api.as(http, "outsider", STRONG_PASSWORD).get("/api/oaps").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  // --- accounts

  @Test
  void wrongPasswordsDelayAUserLongerEachTimeButNeverLockItForGood() {
    String id = "lockout-" + System.nanoTime();
    User user = identity.newUser(id);
    user.setPassword(STRONG_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, EmpactGroups.NECS);
    Api right = Api.as(http, id, STRONG_PASSWORD);
    ClockUtil.setCurrentTime(new Date());
    try {
      for (int attempt = 1; attempt <= 25; attempt++) {
        Api wrong = Api.as(http, id, "guess-" + attempt);
        ResponseEntity<String> refused = attempt % 2 == 0 ? wrong.get("/api/oaps") : wrong.get("/engine-rest/task");
        long lockSeconds = Math.min(3L << Math.min(attempt - 1, 10), 60);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(((UserEntity) identity.createUserQuery().userId(id).singleResult()).getLockExpirationTime())
            .as("attempt %d", attempt).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + lockSeconds * 1000));
        // while locked, even the right password is refused, and that does not count as an attempt
        assertThat(right.get("/api/oaps").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + (lockSeconds + 1) * 1000));
      }

      assertThat(right.get("/api/oaps").getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(right.get("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void refusesAWeakPasswordWhenAUserIsCreated() {
    User weak = identity.newUser("weak-" + System.nanoTime());
    weak.setPassword("password");

    assertThatThrownBy(() -> identity.saveUser(weak)).hasMessageStartingWith("Password: does not meet the password "
        + "policy: at least 10 characters");
    assertThat(identity.checkPasswordAgainstPolicy("password").getViolatedRules())
        .extracting(PasswordPolicyRule::getPlaceholder)
        .contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_UPPERCASE", "PASSWORD_POLICY_DIGIT",
            "PASSWORD_POLICY_SPECIAL");
    ResponseEntity<String> created = Api.as(http, "demo").post("/engine-rest/user/create",
        "{\"profile\": {\"id\": \"weak-rest\"}, \"credentials\": {\"password\": \"password\"}}");
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(created).get("message").asText()).startsWith("Password: does not meet the password policy: "
        + "at least 10 characters").contains("at least 1 digit(s)");
    assertThat(identity.createUserQuery().userIdIn(weak.getId(), "weak-rest").count()).isZero();
  }

  @Test
  void theDriverMayEditTheDraftOfItsOwnOap() {
    long id = demoOapId();
    assertThat(Api.as(http, "driver").put("/api/oaps/" + id, OapDocuments.demo().json()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void anNecSeesOnlyTheTasksOfItsOwnMemberState() {
    Task task = tasks.newTask();
    task.setName("State whether DE participates");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "nec-DE");
    try {
      assertThat(body(Api.as(http, "nec-de").get("/engine-rest/task?candidateGroup=nec-DE")))
          .extracting(t -> t.get("id").asText()).contains(task.getId());
      assertThat(body(Api.as(http, "nec-fr").get("/engine-rest/task"))).extracting(t -> t.get("id").asText())
          .doesNotContain(task.getId());
      // the engine does not even admit the task exists to a user who may not read it
      assertThat(Api.as(http, "nec-fr").get("/engine-rest/task/" + task.getId()).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(Api.as(http, "nec-fr").post("/engine-rest/task/" + task.getId() + "/complete", "{}")
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    } finally {
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void everyUserCanRunTheSharedTasklistFilters() {
    JsonNode filters = body(Api.as(http, "nec-de").get("/engine-rest/filter?resourceType=Task"));
    assertThat(filters).extracting(f -> f.get("name").asText())
        .contains("My tasks", "My group's tasks", "Overdue");
    for (JsonNode filter : filters) {
      ResponseEntity<String> count = Api.as(http, "driver").get("/engine-rest/filter/" + filter.get("id").asText()
          + "/count");
      assertThat(count.getStatusCode()).as(filter.get("name").asText()).isEqualTo(HttpStatus.OK);
    }
    String groupTasks = filters.findValues("id").stream().map(JsonNode::asText)
        .filter(id -> body(Api.as(http, "nec-de").get("/engine-rest/filter/" + id)).get("name").asText()
            .equals("My group's tasks")).findFirst().orElseThrow();
    assertThat(body(Api.as(http, "driver").get("/engine-rest/filter/" + groupTasks + "/list")))
        .extracting(t -> t.get("name").asText())
        .contains("Check timing of OA 2.9 activity 2, OAP Migrant smuggling 2024-2025 REV 0");
    assertThat(body(Api.as(http, "nec-de").get("/engine-rest/filter/" + groupTasks + "/list")))
        .extracting(t -> t.get("name").asText())
        .doesNotContain("Check timing of OA 2.9 activity 2, OAP Migrant smuggling 2024-2025 REV 0");
  }

  @Test
  void aTaskRevokedFromOnePersonLeavesOnlyThatPersonsLists() {
    // the checks take the user's groups as authenticated (security.GroupsAsAuthenticated, issue 14):
    // what a group's members see must stay what they are granted, less what is revoked from one
    Task task = tasks.newTask();
    task.setName("Align the round's report");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "necs");
    Authorization revoked = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoked.setUserId("nec-fr");
    revoked.setResource(Resources.TASK);
    revoked.setResourceId(task.getId());
    revoked.removePermission(Permissions.READ);
    try {
      assertThat(body(Api.as(http, "nec-fr").get("/engine-rest/task?candidateGroup=necs")))
          .extracting(t -> t.get("id").asText()).contains(task.getId());
      authorizations.saveAuthorization(revoked);

      assertThat(body(Api.as(http, "nec-fr").get("/engine-rest/task?candidateGroup=necs")))
          .extracting(t -> t.get("id").asText()).doesNotContain(task.getId());
      assertThat(body(Api.as(http, "nec-de").get("/engine-rest/task?candidateGroup=necs")))
          .extracting(t -> t.get("id").asText()).contains(task.getId());
    } finally {
      if (revoked.getId() != null) {
        authorizations.deleteAuthorization(revoked.getId());
      }
      tasks.deleteTask(task.getId(), true);
    }
  }

  @Test
  void withoutAnSmtpServerANoticeIsRecordedAsNotDelivered() {
    long oapId = demoOapId();
    var notice = new TaskNotice(TaskNotice.Kind.REMINDER, 1,
        oapId, "no-smtp-" + System.nanoTime(), "Draft OAP Migrant smuggling 2024-2025 REV 0", null, "driver", List.of());

    notifications.record(notice, null);

    assertThat(notifications.forOap(oapId)).filteredOn(n -> n.taskId().equals(notice.taskId())).singleElement()
        .satisfies(n -> {
          assertThat(n.status()).isEqualTo(Notification.Status.NOT_DELIVERED);
          assertThat(n.lastError()).contains("no SMTP server configured");
        });
  }

  // --- helpers

  /** The indexes of one of the engine's tables: name to columns in order, both in upper case. */
  private Map<String, List<String>> indexes(String table) throws SQLException {
    Map<String, List<String>> indexes = new TreeMap<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData database = connection.getMetaData();
      String stored = database.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
      try (ResultSet columns = database.getIndexInfo(null, connection.getSchema(), stored, false, false)) {
        while (columns.next()) {
          if (columns.getString("INDEX_NAME") != null) {
            // in the order of each index's columns, as getIndexInfo sorts them
            indexes.computeIfAbsent(columns.getString("INDEX_NAME").toUpperCase(Locale.ROOT), name -> new ArrayList<>())
                .add(columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return indexes;
  }

  private void assertRefused(Consumer<OapDocuments> change, String path, String reason) {
    Map<String, Long> before = tableCounts();
    long instances = runtime.createProcessInstanceQuery().count();

    assertProblem(importChanged(change), path, reason);

    assertThat(tableCounts()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  /** Refused on import, and on replacing a draft, whose content then stays as it was. */
  private void assertRefusedEverywhere(Consumer<OapDocuments> change, String path, String reason) {
    assertRefused(change, path, reason);
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    Api esu = Api.as(http, "esu");
    long id = body(esu.post("/api/oaps/import", document.json())).get("id").asLong();
    JsonNode stored = body(esu.get("/api/oaps/" + id));
    Map<String, Long> before = tableCounts();
    change.accept(document);

    assertProblem(esu.put("/api/oaps/" + id, document.json()), path, reason);

    assertThat(tableCounts()).isEqualTo(before);
    assertThat(body(esu.get("/api/oaps/" + id))).isEqualTo(stored);
  }

  private void assertRequestProblem(ResponseEntity<String> response, HttpStatus status, String detail) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(body(response).get("detail").asText()).contains(detail);
  }

  private static HttpHeaders headers(MediaType contentType) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(contentType);
    return headers;
  }

  private static ObjectNode goal(OapDocuments document, int index) {
    return (ObjectNode) document.root().withArray("strategicGoals").get(index);
  }

  /** Text of the length given, in characters that take two bytes in UTF-8. */
  private static String text(int length) {
    return "é".repeat(length);
  }

  private static String atLength(String start, int length) {
    return start + "x".repeat(length - start.length());
  }

  private ResponseEntity<String> importChanged(Consumer<OapDocuments> change) {
    OapDocuments document = OapDocuments.demoUnderNewPriority();
    change.accept(document);
    return Api.as(http, "esu").post("/api/oaps/import", document.json());
  }

  private void assertProblem(ResponseEntity<String> response, String path, String reason) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(body(response).get("problems")).as(response.getBody())
        .anySatisfy(problem -> {
          assertThat(problem.get("path").asText()).isEqualTo(path);
          assertThat(problem.get("reason").asText()).contains(reason);
        });
  }

  long demoOapId() {
    return registry.find("Migrant smuggling", "2024-2025").orElseThrow();
  }

  Map<String, Long> tableCounts() {
    return new RegistryTables(jdbc).counts();
  }

  JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
    }
  }
}
