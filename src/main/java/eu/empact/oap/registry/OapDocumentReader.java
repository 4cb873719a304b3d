package eu.empact.oap.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import eu.empact.oap.registry.OapDocument.OperationalAction;
import eu.empact.oap.registry.OapDocument.StrategicGoal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads an OAP document: well-formed JSON, then its JSON Schema (types, required fields), then
 * the rules a schema cannot say (known actors, unique OA refs inside their strategic goal, a
 * period of one or two whole calendar years). Returns the document with every actor written as
 * its code, or throws {@link InvalidOapDocumentException} with every problem found.
 */
@Component
public class OapDocumentReader {

  static final String SCHEMA = "/schema/oap-document.schema.json";

  private final ObjectMapper json;
  private final ActorDirectory actors;
  private final JsonSchema schema;

  OapDocumentReader(ObjectMapper json, ActorDirectory actors) {
    this.json = json;
    this.actors = actors;
    try (InputStream in = getClass().getResourceAsStream(SCHEMA)) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
      this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public OapDocument read(String body) {
    JsonNode tree = parse(body);
    List<Problem> problems = schema.validate(tree).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
        .map(m -> new Problem(m.getInstanceLocation().toString(), m.getError()))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidOapDocumentException(problems);
    }
    OapDocument document;
    try {
      document = json.treeToValue(tree, OapDocument.class);
    } catch (JsonProcessingException e) {
      throw new InvalidOapDocumentException(List.of(new Problem("$", e.getOriginalMessage())));
    }
    return new Check(document, actors.snapshot()).resolved();
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidOapDocumentException(List.of(new Problem("$", "the request has no body; expected an OAP document")));
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidOapDocumentException(List.of(new Problem("$", "malformed JSON" + where + ": " + e.getOriginalMessage())));
    }
  }

  /** The checks on one document, collecting every problem before deciding. */
  private static final class Check {
    private final OapDocument document;
    private final ActorDirectory.Snapshot actors;
    private final List<Problem> problems = new ArrayList<>();

    Check(OapDocument document, ActorDirectory.Snapshot actors) {
      this.document = document;
      this.actors = actors;
    }

    OapDocument resolved() {
      if (Period.parse(document.period()) == null) {
        problems.add(new Problem("$.period", "'" + document.period()
            + "' is not one or two whole calendar years (e.g. 2012 or 2024-2025)"));
      }
      String driver = actor("$.driver", document.driver()).map(a -> {
        if (!a.isMemberState()) {
          problems.add(new Problem("$.driver", "the Driver must be a Member State; '" + document.driver() + "' is " + a.name()));
        }
        return a.code();
      }).orElse(null);
      List<String> coDrivers = actors("$.coDrivers", document.coDrivers(), code -> code.equals(driver)
          ? "is already the Driver" : null);
      Set<Integer> goals = goalNumbers();
      List<OperationalAction> actions = new ArrayList<>();
      Set<String> refs = new HashSet<>();
      for (int i = 0; i < document.operationalActions().size(); i++) {
        actions.add(action("$.operationalActions[" + i + "]", document.operationalActions().get(i), goals, refs));
      }
      if (!problems.isEmpty()) {
        throw new InvalidOapDocumentException(problems);
      }
      return new OapDocument(document.priority(), document.period(), document.title(), driver, coDrivers,
          document.classification(), document.councilDocument(), document.strategicGoals(), actions);
    }

    private Set<Integer> goalNumbers() {
      Set<Integer> numbers = new HashSet<>();
      List<StrategicGoal> goals = document.strategicGoals();
      for (int i = 0; i < goals.size(); i++) {
        if (!numbers.add(goals.get(i).number())) {
          problems.add(new Problem("$.strategicGoals[" + i + "].number",
              "strategic goal " + goals.get(i).number() + " is listed twice"));
        }
      }
      return numbers;
    }

    private OperationalAction action(String path, OperationalAction oa, Set<Integer> goals, Set<String> refs) {
      if (!refs.add(oa.ref())) {
        problems.add(new Problem(path + ".ref", "OA " + oa.ref() + " is listed twice"));
      }
      if (!goals.contains(oa.strategicGoal())) {
        problems.add(new Problem(path + ".strategicGoal", "strategic goal " + oa.strategicGoal()
            + " is not among the OAP's strategic goals"));
      }
      if (!oa.ref().startsWith(oa.strategicGoal() + ".")) {
        problems.add(new Problem(path + ".ref", "OA " + oa.ref() + " lies outside its strategic goal "
            + oa.strategicGoal() + " (its ref must start with " + oa.strategicGoal() + ".)"));
      }
      if (oa.actionLeaders().isEmpty()) {
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

    private List<String> actors(String path, List<String> spellings, Function<String, String> clash) {
      return actors(path, spellings, clash, false);
    }

    /** Resolves each spelling to a code; {@code clash} names why a resolved code is not allowed here. */
    private List<String> actors(String path, List<String> spellings, Function<String, String> clash, boolean exactPath) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < spellings.size(); i++) {
        String at = exactPath ? path : path + "[" + i + "]";
        String spelling = spellings.get(i);
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
