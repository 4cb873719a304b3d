package eu.empact.oap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.OapDocuments;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Who reads what of an OAP on {@code /api} (the README's "Who reads what"): every demo user, and a
 * user whose only group is no EMPACT role, against every read endpoint of two OAPs, on H2.
 *
 * <p>OAP A is the demo OAP (Driver DE, 14 leading actors among them DE, FR, IT, PL and Europol), put
 * to the NECs, answered by FR and DE, then adopted. OAP B is imported beside it: Driver NL,
 * Co-Driver BE, one OA led by NL with PL and Europol participating; DE answered on its REV 0 without
 * a consultation; adopted. Both are adopted in December 2023, so their reporting rounds exist.
 */
@ApplicationTest
// one process engine per JVM at a time: Camunda registers engines JVM-wide by name
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:empact-who-reads-what;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhoReadsWhatTest {

  /** The endpoints, relative to {@code /api/oaps/{id}}, in the columns of {@link #EXPECTED}. */
  private static final List<String> ENDPOINTS = List.of("/summary", "", "/versions", "/versions/0", "/actions",
      "/versions/0/nec-answers", "/tasking/FR", "/tasking/PL", "/tasking/EUROPOL", "/reporting-plan", "/rounds/1",
      "/rounds/1/summary", "/rounds/1/report.pdf", "/fact-sheets/2024.pdf", "/escalations", "/participation/FR",
      "/participation/PL", "/participation/EUROPOL", "notifications", "listed");

  /**
   * One row per user and OAP, one column per endpoint of {@link #ENDPOINTS} in that order.
   * 200 read, 403 refused, 404 may read but there is none (FR has no part in B); nec-answers:
   * {@code all} answers or its {@code own} Member State's only; listed: whether {@code GET /api/oaps}
   * names the OAP. Tasking sheets are asked for as JSON and as HTML.
   */
  private static final String EXPECTED = """
      user       OAP  summ doc  vers rev0 acts answ tkFR tkPL tkEU plan rnd1 rsum rpdf fact escl ptFR ptPL ptEU noti list
      demo       A    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  200  200  200  200  yes
      esu        A    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  200  200  200  403  yes
      cosi       A    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  200  200  200  403  yes
      driver     A    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  200  200  200  200  yes
      codriver   A    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  200  200  200  403  yes
      nec-de     A    200  200  200  200  200  own  403  403  403  200  200  200  200  200  403  403  403  403  403  yes
      nec-fr     A    200  200  200  200  200  own  200  403  403  200  200  200  200  200  403  200  403  403  403  yes
      nec-pl     A    200  200  200  200  200  own  403  200  403  200  200  200  200  200  403  403  200  403  403  yes
      nec-se     A    200  200  200  200  200  own  403  403  403  200  200  200  200  200  403  403  403  403  403  yes
      al-it      A    200  200  200  200  200  403  403  403  403  200  200  200  200  200  403  403  403  403  403  yes
      al-europol A    200  200  200  200  200  403  403  403  200  200  200  200  200  200  403  403  403  200  403  yes
      al-fr      A    200  200  200  200  200  403  200  403  403  200  200  200  200  200  403  200  403  403  403  yes
      stranger   A    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403
      demo       B    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  404  200  200  200  yes
      esu        B    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  404  200  200  403  yes
      cosi       B    200  200  200  200  200  all  200  200  200  200  200  200  200  200  200  404  200  200  403  yes
      driver     B    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  no
      codriver   B    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  no
      nec-de     B    200  200  200  200  200  own  403  403  403  200  200  200  200  200  403  403  403  403  403  yes
      nec-fr     B    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  no
      nec-pl     B    200  200  200  200  200  own  403  200  403  200  200  200  200  200  403  403  200  403  403  yes
      nec-se     B    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  no
      al-it      B    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  no
      al-europol B    200  200  200  200  200  403  403  403  200  200  200  200  200  200  403  403  403  200  403  yes
      al-fr      B    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  no
      stranger   B    403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403  403
      """;

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired OapRegistry registry;
  @Autowired NecConsultation consultation;
  @Autowired IdentityService identity;

  private final Map<String, Long> oaps = new HashMap<>();

  @BeforeAll
  void twoOapsAndAStranger() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-12-05T10:00:00Z")));
    try {
      long a = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
      registry.changeStatus(a, 0, VersionStatus.UNDER_NEC_DISCUSSION, "esu", "approved for the NECs");
      consultation.answer(a, 0, "FR", Map.of("2.5", true), "France joins 2.5", "nec-fr");
      consultation.answer(a, 0, "DE", Map.of("2.3", true), "Germany joins 2.3", "nec-de");
      registry.changeStatus(a, 0, VersionStatus.SUBMITTED_TO_COSI, "cosi", "approved for COSI");
      registry.changeStatus(a, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
      oaps.put("A", a);

      OapDocuments other = OapDocuments.oneOa("NL", "BE", "NL", "PL", "Europol");
      ResponseEntity<String> imported = Api.as(http, "esu").post("/api/oaps/import", other.json());
      assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
      long b = body(imported).get("id").asLong();
      // Europol's contact in B as the OAP's directory names it (ADR 0016: per-OAP groups read their OAP only)
      ResponseEntity<String> named = Api.as(http, "esu").put("/api/oaps/" + b + "/people",
          "[{\"role\":\"CONTACT\",\"actor\":\"EUROPOL\",\"userId\":\"al-europol\"}]");
      assertThat(named.getStatusCode().is2xxSuccessful()).as(named.getBody()).isTrue();
      consultation.answer(b, 0, "DE", Map.of("1.1", false), "Germany does not join", "nec-de");
      registry.changeStatus(b, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
      oaps.put("B", b);
    } finally {
      ClockUtil.reset();
    }
    Group canteen = identity.newGroup("canteen");
    canteen.setName("Canteen committee");
    identity.saveGroup(canteen);
    user("stranger", "canteen");
  }

  @TestFactory
  Stream<DynamicTest> everyUserReadsExactlyWhatTheTableSays() {
    List<String[]> rows = EXPECTED.lines().skip(1).map(line -> line.trim().split("\\s+")).toList();
    return rows.stream().flatMap(row -> {
      assertThat(row).as("a row of the table: " + String.join(" ", row)).hasSize(ENDPOINTS.size() + 2);
      String user = row[0];
      long oapId = oaps.get(row[1]);
      return IntStream.range(0, ENDPOINTS.size()).mapToObj(column -> {
        String endpoint = ENDPOINTS.get(column);
        String expected = row[column + 2];
        return DynamicTest.dynamicTest(user + " on OAP " + row[1] + " " + endpoint + ": " + expected,
            () -> check(user, oapId, endpoint, expected));
      });
    });
  }

  @Test
  void onlyEmpactGroupsCountAsRoles() {
    ResponseEntity<String> actors = Api.as(http, "stranger").get("/api/actors");
    assertThat(actors.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(body(actors).get("detail").asText()).isEqualTo("stranger holds no EMPACT role");

    user("any-nec", "necs");
    Api anyNec = Api.as(http, "any-nec");
    assertThat(anyNec.get("/api/actors").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(body(anyNec.get("/api/oaps"))).isEmpty();
    ResponseEntity<String> summary = anyNec.get("/api/oaps/" + oaps.get("A") + "/summary");
    assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(body(summary).get("detail").asText()).startsWith("any-nec may not read OAP " + oaps.get("A")
        + ": it is read by oap-" + oaps.get("A") + "-driver, oap-" + oaps.get("A") + "-co-driver, esu");
  }

  @Test
  void anIdThatIsNoOapIsNotFoundForReadersAndOthersAlike() {
    assertThat(Api.as(http, "esu").get("/api/oaps/999/summary").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(Api.as(http, "nec-fr").get("/api/oaps/999/summary").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- helpers

  private void check(String user, long oapId, String endpoint, String expected) {
    switch (endpoint) {
      case "listed" -> checkListed(user, oapId, expected);
      case "notifications" -> checkStatus(user, "/api/notifications?oapId=" + oapId, expected);
      case "/versions/0/nec-answers" -> checkAnswers(user, oapId, expected);
      default -> {
        String path = "/api/oaps/" + oapId + endpoint;
        checkStatus(user, path, expected);
        if (endpoint.endsWith("/report.pdf")) {
          // the round's report as DOCX is read as its PDF is
          checkStatus(user, path.replace("/report.pdf", "/report.docx"), expected);
        }
        if (endpoint.startsWith("/tasking/")) {
          ResponseEntity<String> page = http.withBasicAuth(user, user)
              .exchange(RequestEntity.get(path).accept(MediaType.TEXT_HTML).build(), String.class);
          assertThat(page.getStatusCode().value()).as("%s GET %s as HTML: %s", user, path, page.getBody())
              .isEqualTo(Integer.parseInt(expected));
        }
      }
    }
  }

  private void checkStatus(String user, String path, String expected) {
    ResponseEntity<String> response = Api.as(http, user).get(path);
    assertThat(response.getStatusCode().value()).as("%s GET %s: %s", user, path, response.getBody())
        .isEqualTo(Integer.parseInt(expected));
    if (expected.equals("403")) {
      assertThat(body(response).get("detail").asText()).as("the reason").startsWith(user + " ");
    }
  }

  private void checkListed(String user, long oapId, String expected) {
    ResponseEntity<String> list = Api.as(http, user).get("/api/oaps");
    if (expected.equals("403")) {
      assertThat(list.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      return;
    }
    assertThat(StreamSupport.stream(body(list).spliterator(), false).map(oap -> oap.get("id").asLong()))
        .as("%s GET /api/oaps names OAP %d: %s", user, oapId, expected)
        .matches(ids -> ids.contains(oapId) == expected.equals("yes"), "listed: " + expected);
  }

  /** {@code all}: every answer on REV 0; {@code own}: those of the NEC's own Member State only. */
  private void checkAnswers(String user, long oapId, String expected) {
    String path = "/api/oaps/" + oapId + "/versions/0/nec-answers";
    if (expected.equals("403")) {
      checkStatus(user, path, expected);
      return;
    }
    List<String> all = consultation.answers(oapId, 0).stream().map(NecConsultation.Answer::memberState).toList();
    String own = user.replace("nec-", "").toUpperCase(Locale.ROOT);
    List<String> readable = expected.equals("all") ? all : all.stream().filter(own::equals).toList();
    checkStatus(user, path, "200");
    assertThat(body(Api.as(http, user).get(path))).as("%s GET %s: %s", user, path, expected)
        .extracting(answer -> answer.get("memberState").asText()).containsExactlyElementsOf(readable);
  }

  /** A user whose only group is the one given; password = user id. */
  private void user(String id, String group) {
    User user = identity.newUser(id);
    user.setPassword(id);
    // password = user id, as the demo users' (a test user: past the password policy)
    ((IdentityServiceImpl) identity).saveUser(user, true);
    identity.createMembership(id, group);
  }

  private JsonNode body(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.getStatusCode() + "): " + response.getBody(), e);
    }
  }
}
