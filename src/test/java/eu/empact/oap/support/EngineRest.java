package eu.empact.oap.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.empact.oap.registry.EmpactGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Tasks through the Camunda REST API as the demo users: find, claim and submit, or be refused. */
public final class EngineRest {

  private final TestRestTemplate http;
  private final ObjectMapper json;

  public EngineRest(TestRestTemplate http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  /** The open tasks of a process instance at one activity, by name. */
  public List<JsonNode> tasks(String processInstanceId, String activity) {
    JsonNode found = body(Api.as(http, "demo").get("/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + activity + "&sortBy=name&sortOrder=asc"));
    return StreamSupport.stream(found.spliterator(), false).toList();
  }

  /** The demo user who holds the task's first candidate group. */
  public String userFor(JsonNode task) {
    JsonNode links = body(Api.as(http, "demo").get("/engine-rest/task/" + id(task) + "/identity-links?type=candidate"));
    return demoUser(links.get(0).get("groupId").asText());
  }

  /** nec-FR is nec-fr, oap-1-action-leader-IT is al-it, an OAP's Driver group is driver, its Co-Driver group codriver. */
  public static String demoUser(String group) {
    if (group.startsWith("nec-")) {
      return group.toLowerCase(Locale.ROOT);
    }
    if (EmpactGroups.actorInOap(group).isPresent()) {
      return "al-" + EmpactGroups.actorInOap(group).get().actor().toLowerCase(Locale.ROOT);
    }
    if (group.startsWith("oap-")) {
      return group.endsWith("-co-driver") ? "codriver" : "driver";
    }
    return group.equals("cosi-secretariat") ? "cosi" : group;
  }

  public void refused(String user, JsonNode task) {
    ResponseEntity<String> attempt = Api.as(http, user).post("/engine-rest/task/" + id(task) + "/submit-form",
        variables(Map.of()));
    assertThat(attempt.getStatusCode()).as(user + " on " + task.get("name").asText()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  public void submit(String user, JsonNode task, Map<String, Object> values) {
    ResponseEntity<String> done = trySubmit(user, task, values);
    assertThat(done.getStatusCode()).as(user + " completes " + task.get("name").asText() + ": " + done.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Claims the task (once) and submits its form; the answer as it comes. */
  public ResponseEntity<String> trySubmit(String user, JsonNode task, Map<String, Object> values) {
    Api api = Api.as(http, user);
    JsonNode current = body(api.get("/engine-rest/task/" + id(task)));
    if (!user.equals(current.path("assignee").asText(null))) {
      assertThat(api.post("/engine-rest/task/" + id(task) + "/claim", "{\"userId\":\"" + user + "\"}")
          .getStatusCode()).as(user + " claims " + task.get("name").asText()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    return api.post("/engine-rest/task/" + id(task) + "/submit-form", variables(values));
  }

  /** A variable of the task's form as the user sees it. */
  /**
   * A form text as Tasklist reads it ({@code deserializeValues=false}): a String variable, or a
   * longer text kept as a JSON string ({@code tasks.FormText}).
   */
  public String formText(String user, JsonNode task, String name) {
    JsonNode variable = body(Api.as(http, user).get("/engine-rest/task/" + id(task)
        + "/form-variables?deserializeValues=false&variableNames=" + name)).get(name);
    try {
      return "Json".equals(variable.get("type").asText()) ? json.readTree(variable.get("value").asText()).asText()
          : variable.get("value").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode formVariable(String user, JsonNode task, String name) {
    return body(Api.as(http, user).get("/engine-rest/task/" + id(task) + "/form-variables?variableNames=" + name))
        .get(name).get("value");
  }

  /** A Camunda REST variables body; a map value is taken as the variable with its type. */
  public String variables(Map<String, Object> values) {
    ObjectNode body = json.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    values.forEach((name, value) -> variables.set(name, value instanceof Map<?, ?> typed
        ? json.valueToTree(typed) : json.createObjectNode().putPOJO("value", value)));
    return body.toString();
  }

  public static String id(JsonNode task) {
    return task.get("id").asText();
  }

  public JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError(response.getStatusCode() + ": " + response.getBody(), e);
    }
  }
}
