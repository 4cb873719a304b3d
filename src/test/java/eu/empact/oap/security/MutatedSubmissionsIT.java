package eu.empact.oap.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.RoundOpener;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundStage;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.EngineChannel;
import eu.empact.oap.support.EngineRest;
import eu.empact.oap.support.JsonMutations;
import eu.empact.oap.support.JsonMutations.Mutant;
import eu.empact.oap.support.RegistryTables;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A property of the task forms, on PostgreSQL: mutants of valid submissions of an Action Leader's
 * report (see {@link JsonMutations}; the seed makes the run the same every time), sent by the
 * Action Leader through both engine APIs, never answer 5xx; a refusal leaves every table of the
 * application's as it was and the task open; an accepted one records exactly that OA's report.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class MutatedSubmissionsIT {

  static final long SEED = 20_261_130L;
  static final int MUTANTS = 1000;
  static final List<JsonNode> TRICKY = List.of(JsonNodeFactory.instance.textNode("XXX"),
      JsonNodeFactory.instance.textNode("a: -1"), JsonNodeFactory.instance.textNode("finished / on time"),
      JsonNodeFactory.instance.textNode("2.4"), JsonNodeFactory.instance.textNode("IT"),
      JsonNodeFactory.instance.numberNode(2147483648L), JsonNodeFactory.instance.textNode("[\"1.1\"]"));

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired OapRegistry registry;
  @Autowired ReportingRounds rounds;
  @Autowired RoundOpener opener;
  @Autowired OaReports reports;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void mutatedReportsNeverAnswer5xxAndARefusalWritesNothing() {
    long oapId = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    RegistryTables tables = new RegistryTables(jdbc);
    Deque<JsonNode> open = new ArrayDeque<>();
    int refused = 0;
    int accepted = 0;
    JsonMutations mutations = null;
    JsonNode task = null;
    String ref = null;
    int round = 0;
    for (int i = 0; i < MUTANTS; i++) {
      if (open.isEmpty()) {
        round = rounds.rounds(oapId).stream().filter(r -> r.stage() == RoundStage.PLANNED).findFirst().orElseThrow()
            .number();
        opener.openNow(oapId, round, "esu");
        open.addAll(reportTasks());
        task = null;
      }
      if (task == null) {
        task = open.peek();
        ref = rest().formVariable("demo", task, "oaOverview").asText().substring(3).split(" ")[0];
        mutations = new JsonMutations(validReport(task), TRICKY, SEED + i);
      }
      Mutant mutant = mutations.next();
      String user = rest().userFor(task);
      EngineChannel channel = EngineChannel.values()[i % 2];
      Map<String, Long> before = tables.counts();
      ResponseEntity<String> answer = channel.call(http, user, HttpMethod.POST,
          "/task/" + EngineRest.id(task) + "/submit-form", mutant.json());
      String what = "mutant " + mutant.number() + " of seed " + (SEED + i) + " (" + mutant.description() + ") via "
          + channel + ": " + answer.getStatusCode() + " " + answer.getBody();
      assertThat(answer.getStatusCode().is5xxServerError()).as(what).isFalse();
      if (answer.getStatusCode().is2xxSuccessful()) {
        accepted++;
        assertThat(reports.reports(oapId, round)).as(what).containsKey(ref);
        open.poll();
        task = null;
      } else {
        refused++;
        assertThat(tables.counts()).as(what).isEqualTo(before);
        assertThat(reports.reports(oapId, round)).as(what).doesNotContainKey(ref);
      }
    }
    assertThat(refused + accepted).isEqualTo(MUTANTS);
    assertThat(refused).isGreaterThan(MUTANTS / 2);
  }

  /** A report the form accepts: a status, progress, a value for each KPI the OA has. */
  private JsonNode validReport(JsonNode task) {
    String kpis = rest().formVariable("demo", task, "kpiValues").asText().replace(": ", ": 1");
    ObjectNode variables = json.createObjectNode();
    variables.putObject("reportStatus").put("value", "ongoing");
    variables.putObject("progress").put("value", "on track");
    variables.putObject("kpiValues").put("value", kpis);
    variables.putObject("humanResources").put("value", "2");
    variables.putObject("comments").put("value", "as planned");
    ObjectNode body = json.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  private List<JsonNode> reportTasks() {
    JsonNode found = rest().body(Api.as(http, "demo").get("/engine-rest/task?taskDefinitionKey=Task_ReportOnOa"
        + "&sortBy=name&sortOrder=asc"));
    return StreamSupport.stream(found.spliterator(), false).toList();
  }

  private EngineRest rest() {
    return new EngineRest(http, json);
  }
}
