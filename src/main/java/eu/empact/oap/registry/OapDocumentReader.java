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
import com.networknt.schema.ValidationMessage;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads an OAP document: well-formed JSON, its JSON Schema (types, required fields, the lengths of
 * the columns each text goes to, the range of each number), and the rules a schema cannot say
 * (known actors, unique OA refs inside their strategic goal, a period of one or two whole calendar
 * years in range, texts either database stores as written). Returns the document with every actor
 * written as its code, or throws {@link InvalidOapDocumentException} with every problem found, of
 * shape and content alike: what it returns can be written without a database error.
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

  public OapDocument read(String body) {
    JsonNode tree = parse(body);
    List<Problem> problems = new ArrayList<>(schema.validate(tree).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
        .map(m -> new Problem(m.getInstanceLocation().toString(), m.getError()))
        .toList());
    StoredText.check(tree, schemaTree, "$", problems);
    return new Check(tree, actors.snapshot(), problems).resolved();
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
   * The content rules, applied to every part of the document whose shape is right, so that one
   * answer lists the shape problems and the content problems together.
   */
  private final class Check {
    private final JsonNode tree;
    private final ActorDirectory.Snapshot actors;
    private final List<Problem> problems;

    Check(JsonNode tree, ActorDirectory.Snapshot actors, List<Problem> problems) {
      this.tree = tree;
      this.actors = actors;
      this.problems = problems;
    }

    OapDocument resolved() {
      JsonNode period = tree.path("period");
      if (period.isTextual() && period.asText().matches("\\d{4}(-\\d{4})?") && Period.parse(period.asText()) == null) {
        problems.add(new Problem("$.period", Period.refusal(period.asText())));
      }
      String driver = null;
      if (tree.path("driver").isTextual()) {
        driver = actor("$.driver", tree.get("driver").asText()).map(a -> {
          if (!a.isMemberState()) {
            problems.add(new Problem("$.driver", "the Driver must be a Member State; '" + tree.get("driver").asText()
                + "' is " + a.name()));
          }
          return a.code();
        }).orElse(null);
      }
      String driverCode = driver;
      Set<String> named = new HashSet<>();
      List<String> coDrivers = actors("$.coDrivers", strings(array(tree.path("coDrivers"))),
          code -> code.equals(driverCode) ? "is already the Driver" : named.add(code) ? null : "is listed twice");
      Set<Integer> goals = goalNumbers();
      List<OperationalAction> actions = new ArrayList<>();
      Set<String> refs = new HashSet<>();
      JsonNode actionNodes = array(tree.path("operationalActions"));
      for (int i = 0; i < actionNodes.size(); i++) {
        String path = "$.operationalActions[" + i + "]";
        JsonNode node = actionNodes.get(i);
        bind(node, OperationalAction.class).ifPresent(oa -> actions.add(action(path, node, oa, goals, refs)));
      }
      Optional<OapDocument> bound = bind(tree, OapDocument.class);
      if (bound.isEmpty() && problems.isEmpty()) {
        problems.add(new Problem("$", "cannot be read as an OAP document"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidOapDocumentException(problems);
      }
      OapDocument document = bound.get();
      return new OapDocument(document.priority(), document.period(), document.title(), driver, coDrivers,
          document.classification(), document.councilDocument(), document.strategicGoals(), actions);
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

    private OperationalAction action(String path, JsonNode node, OperationalAction oa, Set<Integer> goals,
                                     Set<String> refs) {
      boolean hasRef = node.path("ref").isTextual();
      boolean hasGoal = integer(node.path("strategicGoal")).isPresent();
      if (hasRef && !refs.add(oa.ref())) {
        problems.add(new Problem(path + ".ref", "OA " + oa.ref() + " is listed twice"));
      }
      if (hasGoal && !goals.contains(oa.strategicGoal())) {
        problems.add(new Problem(path + ".strategicGoal", "strategic goal " + oa.strategicGoal()
            + " is not among the OAP's strategic goals"));
      }
      if (hasRef && hasGoal && !oa.ref().startsWith(oa.strategicGoal() + ".")) {
        problems.add(new Problem(path + ".ref", "OA " + oa.ref() + " lies outside its strategic goal "
            + oa.strategicGoal() + " (its ref must start with " + oa.strategicGoal() + ".)"));
      }
      if (node.path("actionLeaders").isArray() && oa.actionLeaders().isEmpty()) {
        problems.add(new Problem(path + ".actionLeaders", "OA " + oa.ref() + " has no Action Leader; at least one is required"));
      }
      Set<String> taken = new LinkedHashSet<>();
      List<String> leaders = actors(path + ".actionLeaders", oa.actionLeaders(), code -> taken.add(code) ? null
          : "is listed twice");
      List<String> coLeaders = actors(path + ".coActionLeaders", oa.coActionLeaders(), code -> taken.add(code) ? null
          : "already leads this OA");
      List<String> participants = new ArrayList<>();
      for (int i = 0; i < oa.participants().size(); i++) {
        String entry = oa.participants().get(i);
        Optional<CollectiveParticipant> collective = CollectiveParticipant.of(entry);
        if (collective.isPresent()) {
          participants.add(collective.get().term());
        } else {
          participants.addAll(actors(path + ".participants[" + i + "]", List.of(entry),
              code -> taken.add(code) ? null : "already leads or joins this OA", true));
        }
      }
      return new OperationalAction(oa.ref(), oa.strategicGoal(), oa.title(), oa.shortTitle(), leaders, coLeaders,
          participants, oa.types(), oa.kpis(), oa.activities(), oa.linksToOtherOaps(), oa.jointActionDays());
    }

    /** The part as a record, or empty when its shape is wrong (the schema said why). */
    private <T> Optional<T> bind(JsonNode node, Class<T> type) {
      try {
        return Optional.of(json.treeToValue(node, type));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    /** The texts of an array; an item of another type stays a blank the actor check skips. */
    private List<String> strings(JsonNode array) {
      List<String> texts = new ArrayList<>();
      array.forEach(item -> texts.add(item.isTextual() ? item.asText() : null));
      return texts;
    }

    private List<String> actors(String path, List<String> spellings, Function<String, String> clash) {
      return actors(path, spellings, clash, false);
    }

    /** Resolves each spelling to a code; {@code clash} names why a resolved code is not allowed here. */
    private List<String> actors(String path, List<String> spellings, Function<String, String> clash, boolean exactPath) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < spellings.size(); i++) {
        String at = exactPath ? path : path + "[" + i + "]";
        String spelling = spellings.get(i);
        if (spelling == null) {
          continue;
        }
        actor(at, spelling).ifPresent(actor -> {
          String reason = clash.apply(actor.code());
          if (reason != null) {
            problems.add(new Problem(at, "'" + spelling + "' (" + actor.code() + ") " + reason));
          } else {
            codes.add(actor.code());
          }
        });
      }
      return codes;
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
