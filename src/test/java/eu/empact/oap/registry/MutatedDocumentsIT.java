package eu.empact.oap.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.EmbeddedPostgresDatabase;
import eu.empact.oap.support.JsonMutations;
import eu.empact.oap.support.JsonMutations.Mutant;
import eu.empact.oap.support.OapDocuments;
import eu.empact.oap.support.RegistryTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A property of the document API, on PostgreSQL (which refuses a NUL where H2 stores it): for
 * mutants of the demo OAP (see {@link JsonMutations}; the seed makes the run the same every time),
 * {@code POST /api/oaps/import} and {@code PUT /api/oaps/{id}} never answer 5xx; a refusal leaves
 * every table of the application's as it was; an accepted document exports again as a document
 * the reader accepts, and its other views answer too.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@ActiveProfiles("postgres")
class MutatedDocumentsIT {

  static final long SEED = 20_240_101L;
  static final int MUTANTS_PER_CALL = 500;
  static final String PRIORITY = "Mutated priority";

  /**
   * Values of the domain worth trying anywhere: unknown and collective actors, actors as the plans
   * write them, wrong periods, refs, timings.
   */
  static final List<JsonNode> TRICKY = tricky("Atlantis", "All MS", "Relevant MS", "Cefpol", "DE", "FR", "Greece",
      "Frontex Europol", "HU, AT and Frontex", "IT in cooperation with EC", "MS concerned involved in EUROSUR, DZ",
      "Driver",
      "0000-0001", "2024-2026", "2100-2101", "1999", "2025-2024", "2.1", "1.1", "9.1", "1.99999999999999999",
      "1-Operational", "6-Unknown", "Q1-Q4 2024/25", "Q1, Q3 2000/2099", "Whole year", 9, 0, 2147483648L, -1);

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired OapDocumentReader reader;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    EmbeddedPostgresDatabase.register(properties);
  }

  @Test
  void mutantsOfTheDemoOapNeverAnswer5xxAndARefusalWritesNothing() {
    Api esu = Api.as(http, "esu");
    OapDocuments draft = OapDocuments.demoUnderNewPriority();
    long draftId = body(esu.post("/api/oaps/import", draft.json())).get("id").asLong();
    OapDocuments imported = OapDocuments.demo();
    imported.root().with("priority").put("name", PRIORITY);
    JsonMutations forImport = new JsonMutations(imported.root(), TRICKY, SEED);
    JsonMutations forReplace = new JsonMutations(draft.root(), TRICKY, SEED + 1);
    Outcomes outcomes = new Outcomes(new RegistryTables(jdbc));

    for (int i = 0; i < MUTANTS_PER_CALL; i++) {
      Mutant mutant = forImport.next();
      // each import under a priority of its own, where the mutations left the seed's name
      String body = mutant.json().replace("\"" + PRIORITY + "\"", "\"" + PRIORITY + " " + mutant.number() + "\"");
      outcomes.check(mutant, esu.post("/api/oaps/import", body), HttpStatus.CREATED,
          created -> created.get("id").asLong());
      Mutant replacement = forReplace.next();
      outcomes.check(replacement, esu.put("/api/oaps/" + draftId, replacement.json()), HttpStatus.OK,
          replaced -> draftId);
    }

    assertThat(outcomes.failures).as(String.join("\n", outcomes.failures.subList(0,
        Math.min(20, outcomes.failures.size())))).isEmpty();
    assertThat(outcomes.accepted).as("mutants accepted, so that writing is tried too").isGreaterThan(40);
    assertThat(outcomes.refused).as("mutants refused").isGreaterThan(MUTANTS_PER_CALL);
  }

  /** What happened to the mutants, and every way one broke the property. */
  private final class Outcomes {
    final List<String> failures = new ArrayList<>();
    int accepted;
    int refused;
    private final RegistryTables tables;
    private Map<String, Long> counts;

    Outcomes(RegistryTables tables) {
      this.tables = tables;
      this.counts = tables.counts();
    }

    /** Counts the answer as accepted or refused, or records how it broke the property. */
    void check(Mutant mutant, ResponseEntity<String> answer, HttpStatus success, Function<JsonNode, Long> oapId) {
      Map<String, Long> after = tables.counts();
      if (answer.getStatusCode().is5xxServerError()) {
        failures.add(answer.getStatusCode() + " for " + mutant.description() + ": " + answer.getBody());
      } else if (answer.getStatusCode().isSameCodeAs(success)) {
        accepted++;
        exportsAgain(mutant, oapId.apply(body(answer)));
      } else {
        refused++;
        if (!after.equals(counts)) {
          failures.add("refused with " + answer.getStatusCode() + " but tables changed from " + counts + " to " + after
              + " for " + mutant.description());
        }
      }
      counts = after;
    }

    private void exportsAgain(Mutant mutant, long oapId) {
      Api esu = Api.as(http, "esu");
      ResponseEntity<String> exported = esu.get("/api/oaps/" + oapId);
      try {
        reader.read(exported.getBody());
      } catch (InvalidOapDocumentException e) {
        failures.add("accepted, but its export " + exported.getStatusCode() + " is refused (" + e.getMessage()
            + ") for " + mutant.description());
      }
      for (String view : List.of("/actions", "/reporting-plan")) {
        ResponseEntity<String> answer = esu.get("/api/oaps/" + oapId + view);
        if (!answer.getStatusCode().is2xxSuccessful()) {
          failures.add("accepted, but " + view + " answers " + answer.getStatusCode() + " for " + mutant.description());
        }
      }
    }
  }

  private JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
    }
  }

  private static List<JsonNode> tricky(Object... values) {
    ObjectMapper mapper = new ObjectMapper();
    return Arrays.stream(values).map(value -> (JsonNode) mapper.valueToTree(value)).toList();
  }
}
