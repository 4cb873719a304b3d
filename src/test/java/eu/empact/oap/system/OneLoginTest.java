package eu.empact.oap.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.demo.DemoData;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.BrowserSession;
import eu.empact.oap.support.OapDocuments;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * One login: a browser logged in to Tasklist calls {@code /api} with its session cookie alone, with
 * the same rights as its user has with HTTP Basic; its state-changing calls carry the webapps' CSRF
 * token; the webapps' logout logs it out of {@code /api} too. HTTP Basic still serves scripts.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:empact-one-login;DB_CLOSE_DELAY=-1"})
class OneLoginTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired OapRegistry registry;
  @Autowired IdentityService identity;

  String root;
  long draft;
  long reporting;

  @BeforeEach
  void demoOaps() {
    root = "http://localhost:" + port;
    draft = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    reporting = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
  }

  @Test
  void aTasklistLoginReadsTheApiWithItsSessionAlone() {
    BrowserSession driver = BrowserSession.loggedIn(root, "driver");

    HttpResponse<String> oap = driver.get("/api/oaps/" + draft);
    assertThat(oap.statusCode()).as(oap.body()).isEqualTo(200);
    assertThat(oap.body()).contains("\"driver\":\"DE\"");
    assertThat(oap.headers().firstValue("WWW-Authenticate")).isEmpty();
    HttpResponse<String> pdf = driver.get("/api/oaps/" + reporting + "/rounds/1/report.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PDF_VALUE);

    HttpResponse<String> nobody = BrowserSession.anonymous(root).get("/api/oaps/" + draft);
    assertThat(nobody.statusCode()).isEqualTo(401);
  }

  @Test
  void aChangeWithTheSessionNeedsTheWebappsCsrfTokenAndNothingElse() {
    BrowserSession esu = BrowserSession.loggedIn(root, "esu");
    String document = OapDocuments.demoUnderNewPriority().json();

    HttpResponse<String> without = esu.post("/api/oaps/import", document, null);
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(without.body()).contains("X-XSRF-TOKEN");
    assertThat(esu.post("/api/oaps/import", document, "0123456789ABCDEF0123456789ABCDEF").statusCode())
        .isEqualTo(403);
    // a refused call does not end the session
    HttpResponse<String> read = esu.get("/api/oaps");
    assertThat(read.statusCode()).isEqualTo(200);

    // one token for both: the one /api hands out is the webapps', and the other way round
    String token = read.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    assertThat(esu.webappToken()).isEqualTo(token);
    assertThat(esu.cookie("XSRF-TOKEN")).contains(token);
    HttpResponse<String> imported = esu.post("/api/oaps/import", document, token);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
  }

  /** Right after the login the session has no token yet: /api hands out one the webapps accept. */
  @Test
  void theTokenApiHandsOutFirstServesTheWebappsToo() {
    BrowserSession driver = BrowserSession.loggedIn(root, "driver");

    HttpResponse<String> first = driver.get("/api/oaps");
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).startsWith("XSRF-TOKEN=" + token + ";").containsIgnoringCase("Path=/camunda"));
    HttpResponse<String> tasklistQuery = driver.post("/camunda/api/engine/engine/default/task/count", "{}", token);
    assertThat(tasklistQuery.statusCode()).as(tasklistQuery.body()).isEqualTo(200);
  }

  @Test
  void theWebappsLogoutLogsOutOfTheApi() {
    BrowserSession driver = BrowserSession.loggedIn(root, "driver");
    assertThat(driver.get("/api/oaps/" + draft).statusCode()).isEqualTo(200);

    assertThat(driver.logOutOfTheWebapps().statusCode()).isEqualTo(200);

    assertThat(driver.get("/api/oaps/" + draft).statusCode()).isEqualTo(401);
    assertThat(driver.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
  }

  @Test
  void aUserDeletedInAdminLosesTheSession() {
    User leaver = identity.newUser("leaver");
    leaver.setPassword("leaver");
    ((IdentityServiceImpl) identity).saveUser(leaver, true);
    identity.createMembership("leaver", "esu");
    BrowserSession session = BrowserSession.loggedIn(root, "leaver");
    assertThat(session.get("/api/oaps").statusCode()).isEqualTo(200);

    identity.deleteUser("leaver");

    assertThat(session.get("/api/oaps").statusCode()).isEqualTo(401);
  }

  /** Reads and refusals alike: a session user has exactly the rights its user has with HTTP Basic. */
  @Test
  void aSessionHasTheRightsOfItsUserWithBasic() {
    List<String> paths = List.of("/api/actors", "/api/oaps", "/api/oaps/" + draft, "/api/oaps/" + draft + "/summary",
        "/api/oaps/" + draft + "/versions/0/nec-answers", "/api/oaps/" + draft + "/tasking/FR",
        "/api/oaps/" + reporting + "/escalations", "/api/oaps/" + reporting + "/participation/IT",
        "/api/oaps/" + reporting + "/rounds/1", "/api/notifications", "/api/notifications?oapId=" + draft,
        "/api/fact-sheets/2024.pdf");
    List<String> users = List.of("demo", "esu", "cosi", "driver", "codriver", "nec-fr", "nec-it", "al-it",
        "al-europol");
    for (String user : users) {
      BrowserSession session = BrowserSession.loggedIn(root, user);
      for (String path : paths) {
        ResponseEntity<String> basic = Api.as(http, user).get(path);
        HttpResponse<String> viaSession = session.get(path);
        assertThat(viaSession.statusCode()).as("%s GET %s", user, path).isEqualTo(basic.getStatusCode().value());
        MediaType type = basic.getHeaders().getContentType();
        if (type != null && type.getSubtype().endsWith("json")) {
          assertThat(viaSession.body()).as("%s GET %s", user, path).isEqualTo(basic.getBody());
        }
      }
      if (!List.of("demo", "esu").contains(user)) {
        // a change refused for the role is refused alike, with the session's token
        String round = "/api/oaps/" + reporting + "/rounds/2/open";
        HttpResponse<String> viaSession = session.post(round, "{}", session.webappToken());
        ResponseEntity<String> basic = Api.as(http, user).post(round, "{}");
        assertThat(viaSession.statusCode()).as("%s opens a round", user).isEqualTo(403)
            .isEqualTo(basic.getStatusCode().value());
        assertThat(viaSession.body()).as(user).isEqualTo(basic.getBody());
      }
    }
  }

  @Test
  void theWrongRoleWithASessionIsRefusedAsWithBasic() {
    BrowserSession nec = BrowserSession.loggedIn(root, "nec-fr");
    String document = OapDocuments.demoUnderNewPriority().json();

    HttpResponse<String> imported = nec.post("/api/oaps/import", document, nec.webappToken());

    assertThat(imported.statusCode()).isEqualTo(403);
    assertThat(imported.body()).contains("nec-fr may not import OAPs");
    assertThat(Api.as(http, "nec-fr").post("/api/oaps/import", document).getStatusCode().value()).isEqualTo(403);
  }

  /** Scripts: Basic needs no token; a browser's Basic call from another site's page is refused. */
  @Test
  void basicNeedsNoTokenUnlessAnotherSitesPageSendsIt() {
    ResponseEntity<String> script = Api.as(http, "esu").post("/api/oaps/import",
        OapDocuments.demoUnderNewPriority().json());
    assertThat(script.getStatusCode().value()).as(script.getBody()).isEqualTo(201);

    HttpHeaders crossSite = new HttpHeaders();
    crossSite.setContentType(MediaType.APPLICATION_JSON);
    crossSite.set("Sec-Fetch-Site", "cross-site");
    ResponseEntity<String> forged = Api.as(http, "esu").send(HttpMethod.POST, "/api/oaps/import", crossSite,
        OapDocuments.demoUnderNewPriority().json());
    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(forged.getBody()).contains("another site");
    crossSite.set("Sec-Fetch-Site", "same-origin");
    assertThat(Api.as(http, "esu").send(HttpMethod.POST, "/api/oaps/import", crossSite,
        OapDocuments.demoUnderNewPriority().json()).getStatusCode().value()).isEqualTo(201);
  }

}
