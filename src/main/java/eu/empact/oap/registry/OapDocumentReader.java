package eu.empact.oap.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import eu.empact.oap.registry.RegistryViews.OapSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads an OAP document: well-formed JSON, its JSON Schema (types, required fields, the lengths of
 * the columns each text goes to, the range of each number), and the rules a schema cannot say
 * (a known Driver and Co-Drivers, unique OA refs inside their strategic goal, a period of one or
 * two whole calendar years in range, texts either database stores as written; for a replaced draft,
 * the same priority and period). It refuses only what no real document can mean: what a real OAP
 * writes in its cells (actors as the plans write them, KPIs without codes, long timings) is
 * accepted as written and read when it is stored ({@link OaActors}, {@link KpiCodes}).
 *
 * <p>Returns the document as written, with the Driver and Co-Drivers as codes, or throws
 * {@link InvalidOapDocumentException} with every problem found, of shape and content alike, in the
 * document's order and each OA named by its ref ({@link ProblemPaths}): what it returns can be
 * written without a database error.
 */
@Component
public class OapDocumentReader {

  static final String SCHEMA = "/schema/oap-document.schema.json";

  private final ObjectMapper json;
  private final ActorDirectory actors;
  private final JsonSchema schema;
  private final JsonNode schemaTree;

  OapDocumentReader(ObjectMapper json, ActorDirectory actors) {
    this.json = json;
    this.actors = actors;
    try (InputStream in = getClass().getResourceAsStream(SCHEMA)) {
      this.schemaTree = json.readTree(in);
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
      this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document for a new OAP. */
  public OapDocument read(String body) {
    return read(body, null);
  }

  /** A document to replace the draft of an OAP, which keeps its priority and period. */
  public OapDocument read(String body, OapSummary replacing) {
    JsonNode tree = parse(body);
    List<Problem> problems = new ArrayList<>(schema.validate(tree).stream()
        .map(m -> new Problem(m.getInstanceLocation().toString(), m.getError())).toList());
    StoredText.check(tree, schemaTree, "$", problems);
    Check check = new Check(tree, actors.snapshot(), problems);
    check.content();
    if (replacing != null) {
      sameOap(replacing, text(tree.path("priority").path("name")), text(tree.path("period")), problems);
    }
    if (problems.isEmpty()) {
      Optional<OapDocument> document = check.document();
      if (document.isPresent()) {
        return document.get();
      }
      problems.add(new Problem("$", "cannot be read as an OAP document"));
    }
    throw new InvalidOapDocumentException(new ProblemPaths(tree).arrange(problems));
  }

  /**
   * The people a document read by {@link #read(String)} names (format 3; none when it names none).
   * On import only: the directory is managed on {@code /api/oaps/{id}/people} afterwards.
   */
  public List<OapPeople.Person> people(String body) {
    List<OapPeople.Person> people = new ArrayList<>();
    for (JsonNode entry : array(parse(body).path("people"))) {
      people.add(new OapPeople.Person(text(entry.path("role")), text(entry.path("actor")), text(entry.path("userId")),
          text(entry.path("name")), text(entry.path("email"))));
    }
    return people;
  }

  /** Adds a problem where a replacing document changes what an OAP is: its priority or its period. */
  static void sameOap(OapSummary oap, String priority, String period, List<Problem> problems) {
    if (priority != null && !oap.priority().equals(priority)) {
      problems.add(new Problem("$.priority.name", "this OAP is for priority '" + oap.priority() + "'; it cannot change"));
    }
    if (period != null && !oap.period().equals(period)) {
      problems.add(new Problem("$.period", "this OAP covers " + oap.period() + "; its period cannot change"));
    }
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidOapDocumentException(List.of(new Problem("$", "the request has no body; expected an OAP document")));
    }
    try {
      // exact decimals: a double would make 1e400 an infinity that the schema's checks cannot compare
      return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidOapDocumentException(List.of(new Problem("$", "malformed JSON" + where + ": " + e.getOriginalMessage())));
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  /** The node if it is an array, else an empty one (the schema says what is wrong with it). */
  private static JsonNode array(JsonNode node) {
    return node.isArray() ? node : JsonNodeFactory.instance.arrayNode();
  }

  /** An integer that fits an int, written as the schema allows (1 and 1.0 alike), or empty. */
  private static OptionalInt integer(JsonNode node) {
    return node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt()
        ? OptionalInt.of(node.intValue()) : OptionalInt.empty();
  }

  /**
   * The content rules, applied to the tree (not to records bound from it), so that a part of the
   * wrong shape hides no content problem elsewhere: one answer lists them all.
   */
  private final class Check {
    private final JsonNode tree;
    private final ActorDirectory.Snapshot actors;
    private final List<Problem> problems;
    private String driver;
    private List<String> coDrivers = List.of();

    Check(JsonNode tree, ActorDirectory.Snapshot actors, List<Problem> problems) {
      this.tree = tree;
      this.actors = actors;
      this.problems = problems;
    }

    void content() {
      JsonNode period = tree.path("period");
      if (period.isTextual() && period.asText().matches("\\d{4}(-\\d{4})?") && Period.parse(period.asText()) == null) {
        problems.add(new Problem("$.period", Period.refusal(period.asText())));
      }
      if (tree.path("driver").isTextual()) {
        String written = tree.get("driver").asText();
        Period periodRead = period.isTextual() ? Period.parse(period.asText()) : null;
        driver = actor("$.driver", written).map(a -> {
          if (periodRead == null && !actors.membership().everMemberStates().contains(a.code())) {
            problems.add(new Problem("$.driver", "the Driver must be a Member State; '" + written + "' is " + a.name()));
          } else if (periodRead != null && !actors.membership().memberState(a.code(), periodRead)) {
            problems.add(new Problem("$.driver", "the Driver must be a Member State in " + periodRead + "; '" + written
                + "' is " + a.name() + ", not a Member State then"));
          }
          return a.code();
        }).orElse(null);
      }
      coDrivers = coDrivers(array(tree.path("coDrivers")));
      Set<Integer> goals = goalNumbers();
      Set<String> refs = new HashSet<>();
      JsonNode actions = array(tree.path("operationalActions"));
      for (int i = 0; i < actions.size(); i++) {
        action("$.operationalActions[" + i + "]", actions.get(i), goals, refs);
      }
    }

    /** The document as written, with the Driver and Co-Drivers as codes; empty if it cannot be bound. */
    Optional<OapDocument> document() {
      try {
        OapDocument document = json.treeToValue(tree, OapDocument.class);
        return Optional.of(new OapDocument(document.priority(), document.period(), document.title(), driver,
            coDrivers, document.classification(), document.councilDocument(), document.strategicGoals(),
            document.operationalActions()));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    private List<String> coDrivers(JsonNode written) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < written.size(); i++) {
        String path = "$.coDrivers[" + i + "]";
        if (!written.get(i).isTextual()) {
          continue;
        }
        String spelling = written.get(i).asText();
        actor(path, spelling).ifPresent(actor -> {
          if (actor.code().equals(driver)) {
            problems.add(new Problem(path, "'" + spelling + "' (" + actor.code() + ") is already the Driver"));
          } else if (codes.contains(actor.code())) {
            problems.add(new Problem(path, "'" + spelling + "' (" + actor.code() + ") is listed twice"));
          } else {
            codes.add(actor.code());
          }
        });
      }
      return codes;
    }

    private Set<Integer> goalNumbers() {
      Set<Integer> numbers = new HashSet<>();
      JsonNode goals = array(tree.path("strategicGoals"));
      for (int i = 0; i < goals.size(); i++) {
        OptionalInt number = integer(goals.get(i).path("number"));
        if (number.isPresent() && !numbers.add(number.getAsInt())) {
          problems.add(new Problem("$.strategicGoals[" + i + "].number",
              "strategic goal " + number.getAsInt() + " is listed twice"));
        }
      }
      return numbers;
    }

    private void action(String path, JsonNode node, Set<Integer> goals, Set<String> refs) {
      String ref = text(node.path("ref"));
      OptionalInt goal = integer(node.path("strategicGoal"));
      if (ref != null && !refs.add(ref)) {
        problems.add(new Problem(path + ".ref", "OA " + ref + " is listed twice"));
      }
      if (goal.isPresent() && !goals.contains(goal.getAsInt())) {
        problems.add(new Problem(path + ".strategicGoal", "strategic goal " + goal.getAsInt()
            + " is not among the OAP's strategic goals"));
      }
      if (ref != null && ref.matches("\\d+\\.\\d+") && goal.isPresent() && !ref.startsWith(goal.getAsInt() + ".")) {
        problems.add(new Problem(path + ".ref", "OA " + ref + " lies outside its strategic goal "
            + goal.getAsInt() + " (its ref must start with " + goal.getAsInt() + ".)"));
      }
      if (node.path("actionLeaders").isArray() && node.path("actionLeaders").isEmpty()) {
        problems.add(new Problem(path + ".actionLeaders", "OA " + (ref == null ? "" : ref + " ")
            + "has no Action Leader; at least one is required"));
      }
    }

    private Optional<Actor> actor(String path, String spelling) {
      Optional<Actor> actor = actors.resolve(spelling);
      if (actor.isEmpty()) {
        problems.add(new Problem(path, "unknown actor '" + spelling + "' (see GET /api/actors for codes and names)"));
      }
      return actor;
    }
  }
}
