package eu.empact.oap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.exclusion.Escalation;
import eu.empact.oap.exclusion.Escalations;
import eu.empact.oap.registry.EmpactGroups;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.ParticipationStatus;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.OaReport;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundOpener;
import eu.empact.oap.reporting.RoundStage;
import eu.empact.oap.support.Api;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.BrowserSession;
import eu.empact.oap.support.OapDocuments;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The OAP workspace's pages over HTTP, as each role reads them (HTTP Basic, as a script; the
 * webapps' session, as a browser): what each page shows, and that a wrong role is refused as
 * {@code /api} refuses it (403 with the reason, 404 for an OAP that does not exist).
 *
 * <p>OAP A is the demo OAP: put to the NECs (France and Germany answered), then revised as REV 1
 * with OA 2.4 renamed and Austria added to its leaders, and its REV 1 draft with the Driver. OAP B
 * is imported beside it (Driver NL, one OA led by NL with PL and Europol), adopted, and Poland
 * escalated and excluded from it. R is the
 * reporting demo with its first planned round opened and Italy's report on OA 2.4.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "empact.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:empact-workspace-pages;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspacePagesTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired OapRegistry registry;
  @Autowired NecConsultation consultation;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ReportingRounds rounds;
  @Autowired RoundOpener opener;
  @Autowired OaReports reports;
  @Autowired IdentityService identity;
  @Autowired Escalations escalations;
  @Autowired ParticipationStatus participation;

  long a;
  long b;
  long r;
  int round;
  ProcessInstance adoption;

  @BeforeAll
  void oaps() {
    a = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    registry.changeStatus(a, 0, VersionStatus.UNDER_NEC_DISCUSSION, "esu", "approved for the NECs");
    consultation.answer(a, 0, "FR", Map.of("2.5", true, "2.10", true, "2.4", false), "France joins 2.5 and 2.10",
        "nec-fr");
    consultation.answer(a, 0, "DE", Map.of("2.3", true), "Germany joins 2.3", "nec-de");
    registry.createRevision(a, "esu", "the NECs asked to rename OA 2.4");
    OapDocument rev0 = registry.export(a, 0);
    registry.replaceDraft(a, new OapDocument(rev0.priority(), rev0.period(), rev0.title(), rev0.driver(),
        rev0.coDrivers(), rev0.classification(), rev0.councilDocument(), rev0.strategicGoals(),
        rev0.operationalActions().stream().map(oa -> oa.ref().equals("2.4") ? renamed(oa) : oa).toList()), "driver");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    adoption = runtime.startProcessInstanceByKey(AdoptionProcess.KEY, Map.of(AdoptionProcess.OAP_ID, a,
        AdoptionProcess.DRIVER, "DE", AdoptionProcess.NEC_MEETING_DATE, today.plusDays(40).toString(),
        AdoptionProcess.COSI_TARGET_DATE, today.plusDays(70).toString()));

    OapDocuments other = OapDocuments.oneOa("NL", "BE", "NL", "PL", "Europol");
    ResponseEntity<String> imported = Api.as(http, "esu").post("/api/oaps/import", other.json());
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
    b = registry.find(other.priority(), "2024-2025").orElseThrow();
    // Europol's contact in B as the OAP's directory names it (ADR 0016: per-OAP groups read their OAP only)
    ResponseEntity<String> named = Api.as(http, "esu").put("/api/oaps/" + b + "/people",
        "[{\"role\":\"CONTACT\",\"actor\":\"EUROPOL\",\"userId\":\"al-europol\"}]");
    assertThat(named.getStatusCode().is2xxSuccessful()).as(named.getBody()).isTrue();
    registry.changeStatus(b, 0, VersionStatus.ADOPTED, "cosi", "adopted by COSI");
    long escalation = escalations.open(b, "PL", "absent from the meetings of OA 1.1 since March", "driver", null);
    participation.exclude(b, "PL", "its conduct jeopardises the delivery of the OAP", "driver");
    escalations.close(escalation, Escalation.Outcome.EXCLUDED, "driver", "no longer participant");
    User stranger = identity.newUser("stranger");
    stranger.setPassword("stranger");
    ((IdentityServiceImpl) identity).saveUser(stranger, true);
    User coDriver = identity.newUser("codriver-of-b");
    coDriver.setPassword("codriver-of-b");
    ((IdentityServiceImpl) identity).saveUser(coDriver, true);
    identity.createMembership("codriver-of-b", EmpactGroups.coDriver(b));

    r = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    round = rounds.rounds(r).stream().filter(planned -> planned.stage() == RoundStage.PLANNED).findFirst()
        .orElseThrow().number();
    opener.openNow(r, round, "esu");
    reports.submit(r, round, new OaReport("2.4", "DELAYED", "Two operations under way",
        Map.of("a", "4", "b", "1", "c", "2", "d", "one JIT"), null, null, "Waiting for Frontex"), "al-it");
  }

  private static OapDocument.OperationalAction renamed(OapDocument.OperationalAction oa) {
    List<String> leaders = new java.util.ArrayList<>(oa.actionLeaders());
    leaders.add("AT");
    return new OapDocument.OperationalAction(oa.ref(), oa.strategicGoal(), "Central Mediterranean Route (renamed)",
        oa.shortTitle(), oa.description(), oa.target(), leaders, oa.coActionLeaders(), oa.participants(), oa.types(),
        oa.kpis(), oa.activities(), oa.linksToOtherOaps(), oa.jointActionDays(), oa.crossReferencedGoals(),
        oa.crossReferencedActions(), oa.footnotes());
  }

  @Test
  void aBrowserThatIsNotLoggedInIsSentToTheTasklistLoginNotToABasicPrompt() {
    HttpResponse<String> page = BrowserSession.anonymous(root()).get("/oaps/" + a);

    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(page.body()).contains("Log in to Tasklist", "/camunda/app/tasklist/default/");
  }

  @Test
  void theSessionOfTasklistAndBasicOpenTheSamePages() {
    HttpResponse<String> bySession = BrowserSession.loggedIn(root(), "driver").get("/oaps/" + a);
    ResponseEntity<String> byBasic = Api.as(http, "driver").get("/oaps/" + a);

    assertThat(bySession.statusCode()).isEqualTo(200);
    assertThat(bySession.headers().firstValue("Content-Type").orElseThrow()).startsWith(MediaType.TEXT_HTML_VALUE);
    assertThat(bySession.body()).contains("<span class=\"user\">driver</span>",
        "Central Mediterranean Route (renamed)");
    assertThat(byBasic.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byBasic.getBody()).contains("Central Mediterranean Route (renamed)");
  }

  @Test
  void theListShowsTheOapsAUserReadsWithItsOwnOpenTasks() {
    String driver = page("driver", "/oaps");
    assertThat(driver).contains("Migrant smuggling 2024-2025", DemoData.REPORTING_DEMO)
        .doesNotContain(registry.summary(b).priority())
        .contains("Draft OAP Migrant smuggling 2024-2025 REV 1", "/camunda/app/tasklist/default/#/?task=");
    String alIt = page("al-it", "/oaps");
    assertThat(alIt).contains("Report on OA 2.4").doesNotContain("Draft OAP");
    assertThat(page("nec-fr", "/oaps")).doesNotContain(registry.summary(b).priority());
    assertThat(page("esu", "/oaps")).contains(registry.summary(b).priority());
    assertThat(status("stranger", "/oaps")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(http, "stranger").get("/oaps").getBody()).contains("stranger holds no EMPACT role");
  }

  @Test
  void theOapReadsAsADocumentWithEveryOaSheet() {
    String rev0 = page("nec-fr", "/oaps/" + a + "?rev=0");

    assertThat(rev0).contains("<div class=\"banner\">LIMITE</div>", "id=\"goal-2\"", "id=\"oa-2.4\"", "id=\"oa-2.10\"",
        "&quot;Central MED Route&quot;", "REV 0", "SUPERSEDED");
    // OA 2.9's second activity: timing as written and as read, flagged for the Driver
    assertThat(rev0).contains("Q1-Q4 202/25", "INTERPRETED");
    // a KPI with its target, the leaders as written
    assertThat(rev0).contains("<td>At least 5</td>", "Action Leaders", "Joint action days");
    assertThat(page("nec-fr", "/oaps/" + a)).contains("Central Mediterranean Route (renamed)", "REV 1");
  }

  @Test
  void aWrongRoleIsRefusedAsTheApiRefusesIt() {
    assertThat(status("nec-fr", "/oaps/" + b)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Api.as(http, "nec-fr").get("/oaps/" + b).getBody()).contains("nec-fr may not read OAP " + b);
    assertThat(status("esu", "/oaps/999999")).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("esu", "/oaps/" + a + "?rev=9")).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(status("esu", "/oaps/" + a + "/diff?from=x")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("al-it", "/oaps/" + a + "/nec-answers")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("nec-fr", "/oaps/" + a + "/late")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("cosi", "/oaps/" + a + "/late")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("nec-fr", "/oaps/" + r + "/escalations")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("driver", "/oaps/" + a + "/processes")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("al-europol", "/oaps/" + b + "/rounds/1")).isEqualTo(HttpStatus.OK);
    assertThat(status("al-it", "/oaps/" + b + "/timeline")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theCosiSecretariatSeesWhatChangedFromRev0ToRev1PerOaAndField() {
    String diff = page("cosi", "/oaps/" + a + "/diff?from=0&to=1");

    assertThat(diff).contains("What changed from REV 0 to REV 1", "id=\"changed-oa-2.4\"",
        "<div class=\"removed\">&quot;Central MED Route&quot;</div>",
        "<div class=\"added\">Central Mediterranean Route (renamed)</div>", "<div class=\"added\">AT</div>")
        .doesNotContain("changed-oa-2.5");
    assertThat(page("cosi", "/oaps/" + a + "/diff")).contains("What changed from REV 0 to REV 1");
  }

  @Test
  void theNecAnswersAreAMatrixOfMemberStatesAndOasEachNecSeeingItsOwnRow() {
    String all = page("esu", "/oaps/" + a + "/nec-answers");
    assertThat(all).contains("REV 0", "FR France", "DE Germany", "SE Sweden", "France joins 2.5 and 2.10",
        "not answered yet");
    // the OAs in the plan's order, 2.10 after 2.9
    assertThat(all.indexOf("<th>2.9</th>")).isLessThan(all.indexOf("<th>2.10</th>")).isPositive();
    String own = page("nec-fr", "/oaps/" + a + "/nec-answers");
    assertThat(own).contains("FR France", "France joins 2.5 and 2.10").doesNotContain("DE Germany", "Germany joins");
  }

  @Test
  void eachActorReadsItsOwnTaskingSheetAndTheManagersEvery() {
    // Poland is no longer participant in B: no sheet
    assertThat(page("esu", "/oaps/" + b + "/tasking")).contains("id=\"actor-NL\"", "id=\"actor-EUROPOL\"")
        .doesNotContain("actor-PL");
    assertThat(page("al-europol", "/oaps/" + b + "/tasking")).contains("id=\"actor-EUROPOL\"")
        .doesNotContain("actor-NL");
    assertThat(page("nec-fr", "/oaps/" + a + "/tasking")).contains("id=\"actor-FR\"").doesNotContain("actor-IT");
  }

  @Test
  void theManagersReadTheEscalationsAndTheParticipationHistory() {
    String page = page("codriver-of-b", "/oaps/" + b + "/escalations");

    assertThat(page).contains("<h3>PL: EXCLUDED</h3>", "absent from the meetings of OA 1.1 since March",
        "no longer participant", "its conduct jeopardises the delivery of the OAP");
    assertThat(page("esu", "/oaps/" + b + "/timeline")).contains("PL excluded");
    assertThat(page("nec-pl", "/oaps/" + b + "/timeline")).doesNotContain("PL excluded");
    assertThat(status("nec-pl", "/oaps/" + b + "/escalations")).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aRoundShowsEveryOasReportWithIndicatorTargetAndValueAndItsDocuments() {
    String page = page("nec-fr", "/oaps/" + r + "/rounds/" + round);

    assertThat(page).contains("Reporting round " + round, "id=\"oa-2.4\"", "Two operations under way", "delayed",
        "<td>one JIT</td>", "Waiting for Frontex", "/api/oaps/" + r + "/rounds/" + round + "/report.pdf",
        "The Driver's assessment", "no report yet", "OPENED_EARLY");
  }

  @Test
  void theTimelineIsAPictureOfTheCycleWithWhereItStands() {
    String page = page("driver", "/oaps/" + a + "/timeline");

    assertThat(page).contains("<svg class=\"timeline\"", "REV 1 draft", "REV 0: under NEC discussion",
        "today " + LocalDate.now(ZoneOffset.UTC), "Where it stands: ", "REV 1 is draft",
        "Draft OAP Migrant smuggling 2024-2025 REV 1");
    assertThat(page("driver", "/oaps/" + r + "/timeline")).contains("Round " + round + " collecting",
        "/oaps/" + r + "/rounds/" + round);
  }

  @Test
  void theLateViewListsTheOapsOpenTasksPastDueByWhomTheyWaitOn() {
    assertThat(page("driver", "/oaps/" + a + "/late")).contains("Nobody is late");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(40, ChronoUnit.DAYS)));
    try {
      String late = page("codriver", "/oaps/" + a + "/late");
      assertThat(late).contains("<h3>Driver (1)</h3>", "Draft OAP Migrant smuggling 2024-2025 REV 1", " days</td>");
      assertThat(page("esu", "/oaps")).contains("1 late");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theSupportUnitSeesTheOapsProcessesFinishedOnesToo() {
    String timingReview = history.createHistoricProcessInstanceQuery().variableValueEquals("oapId", a)
        .processDefinitionKey("activity-timing-review").list().get(0).getId();
    runtime.deleteProcessInstance(timingReview, "the demo's timings were checked on paper");

    String page = page("esu", "/oaps/" + a + "/processes");
    assertThat(page).contains("id=\"process-" + adoption.getId() + "\"", "ACTIVE",
        "id=\"process-" + timingReview + "\"", "TERMINATED", "the demo&#39;s timings were checked on paper");
  }

  private String page(String user, String path) {
    ResponseEntity<String> page = Api.as(http, user).get(path);
    assertThat(page.getStatusCode()).as(user + " GET " + path + ": " + page.getBody()).isEqualTo(HttpStatus.OK);
    return page.getBody();
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(Api.as(http, user).get(path).getStatusCode().value());
  }

  private String root() {
    return "http://localhost:" + port;
  }
}
