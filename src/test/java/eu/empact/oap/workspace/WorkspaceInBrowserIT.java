package eu.empact.oap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapDocument;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.reporting.OaReport;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundOpener;
import eu.empact.oap.reporting.RoundStage;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.Chromium;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The workspace in a real browser, on the one login of the webapps: a Driver logs in to Tasklist
 * once, opens an OAP's workspace page and lands on it without a second login, goes from the list's
 * task link back to its task in Tasklist, and logs out of both with the workspace's button; the
 * COSI secretariat opens the differences between REV 0 and REV 1. Saves screenshots of the main
 * pages (README, "The OAP workspace"). Skipped, saying so, where Debian's chromium is missing.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-workspace-browser;DB_CLOSE_DELAY=-1")
class WorkspaceInBrowserIT {

  static final String DRAFT = "Draft OAP Migrant smuggling 2024-2025 REV 0";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired OapRegistry registry;
  @Autowired NecConsultation consultation;
  @Autowired ReportingRounds rounds;
  @Autowired RoundOpener opener;
  @Autowired OaReports reports;

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium(1000);

  WebDriver browser;

  @Test
  void oneLoginFromTasklistToTheWorkspaceAndBack() {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    runtime.startProcessInstanceByKey(AdoptionProcess.KEY, Map.of(AdoptionProcess.OAP_ID, oapId,
        AdoptionProcess.DRIVER, "DE", AdoptionProcess.NEC_MEETING_DATE, today.plusDays(30).toString(),
        AdoptionProcess.COSI_TARGET_DATE, today.plusDays(60).toString()));
    long reporting = reportingDemoWithAReport();
    WebDriverWait wait = logInToTasklist("driver");

    // the OAP's page in the workspace: no login page, no Basic prompt, the Tasklist user
    browser.get(root() + "/oaps/" + oapId + "#oa-2.4");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oa-2.4")));
    assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo("driver");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Operational Action Plan 2024-2025: Migrant smuggling");
    assertThat(browser.findElement(By.cssSelector(".banner")).getText()).isEqualTo("LIMITE");
    assertThat(browser.findElement(By.id("oa-2.4")).getText()).contains("Central MED Route", "At least 5", "IT");
    CHROMIUM.screenshot("workspace-oap");

    browser.get(root() + "/oaps");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.oaps")));
    CHROMIUM.screenshot("workspace-list");
    browser.get(root() + "/oaps/" + reporting + "/timeline");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.timeline")));
    CHROMIUM.screenshot("workspace-timeline");
    int round = rounds.rounds(reporting).stream().filter(r -> r.stage() == RoundStage.COLLECTING).findFirst()
        .orElseThrow().number();
    browser.get(root() + "/oaps/" + reporting + "/rounds/" + round + "#oa-2.4");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oa-2.4")));
    CHROMIUM.screenshot("workspace-round");
    // 45 days on, the 30-day draft and the 14-day timing check are late
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(45, ChronoUnit.DAYS)));
    try {
      browser.get(root() + "/oaps/" + oapId + "/late");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), DRAFT));
      CHROMIUM.screenshot("workspace-late");
    } finally {
      ClockUtil.reset();
    }

    // back to Tasklist from the list's link of the driver's own task: the task opens, no login
    browser.get(root() + "/oaps");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText(DRAFT))).click();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.claim")));
    assertThat(browser.getCurrentUrl()).contains("task=");

    // one logout: the workspace's button logs out of the webapps, and so of the workspace
    browser.get(root() + "/oaps/" + oapId);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    browser.get(root() + "/oaps/" + oapId);
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("You are not logged in");
  }

  @Test
  void theCosiSecretariatOpensTheDifferencesBetweenRev0AndRev1() {
    OapDocument demo = registry.export(registry.find("Migrant smuggling", "2024-2025").orElseThrow(), 0);
    long oapId = registry.importDocument(new OapDocument(new OapDocument.Priority("Migrant smuggling (revised)",
            demo.priority().aim()), demo.period(), demo.title(), demo.driver(), demo.coDrivers(), demo.classification(),
        demo.councilDocument(), demo.strategicGoals(), demo.operationalActions()), "esu").id();
    registry.changeStatus(oapId, 0, VersionStatus.UNDER_NEC_DISCUSSION, "esu", "approved for the NECs");
    consultation.answer(oapId, 0, "FR", Map.of("2.4", true, "2.5", true, "2.10", true), "France joins three OAs",
        "nec-fr");
    consultation.answer(oapId, 0, "DE", Map.of("2.3", true, "2.4", true), "Germany joins 2.3 and 2.4", "nec-de");
    consultation.answer(oapId, 0, "IT", Map.of("2.4", true), null, "nec-it");
    consultation.closeWithoutAnswers(oapId, 0);
    registry.createRevision(oapId, "esu", "the NECs asked for a second leader on OA 2.4");
    OapDocument rev0 = registry.export(oapId, 0);
    registry.replaceDraft(oapId, new OapDocument(rev0.priority(), rev0.period(), rev0.title(), rev0.driver(),
        rev0.coDrivers(), rev0.classification(), "14541/1/23 REV 1", rev0.strategicGoals(),
        rev0.operationalActions().stream().map(oa -> oa.ref().equals("2.4") ? withLeader(oa, "AT") : oa).toList()),
        "driver");
    WebDriverWait wait = logInToTasklist("cosi");

    browser.get(root() + "/oaps/" + oapId + "/diff?from=0&to=1");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changed-oa-2.4")));
    assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo("cosi");
    assertThat(browser.findElement(By.id("changed-oa-2.4")).getText()).contains("Action Leaders", "AT");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("14541/1/23 REV 1")
        .doesNotContain("OA 2.5");
    CHROMIUM.screenshot("workspace-diff");

    browser.get(root() + "/oaps/" + oapId + "/nec-answers?rev=0");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.matrix")));
    assertThat(browser.findElement(By.cssSelector("table.matrix")).getText()).contains("FR France", "no answer");
    CHROMIUM.screenshot("workspace-nec-answers");
  }

  private static OapDocument.OperationalAction withLeader(OapDocument.OperationalAction oa, String leader) {
    List<String> leaders = new ArrayList<>(oa.actionLeaders());
    leaders.add(leader);
    return new OapDocument.OperationalAction(oa.ref(), oa.strategicGoal(), oa.title(), oa.shortTitle(),
        oa.description(), oa.target(), leaders, oa.coActionLeaders(), oa.participants(), oa.types(), oa.kpis(),
        oa.activities(), oa.linksToOtherOaps(), oa.jointActionDays(), oa.crossReferencedGoals(),
        oa.crossReferencedActions(), oa.footnotes());
  }

  /** The reporting demo with its first planned round opened and Italy's report on OA 2.4 in it. */
  private long reportingDemoWithAReport() {
    long oapId = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    int round = rounds.rounds(oapId).stream().filter(r -> r.stage() == RoundStage.PLANNED).findFirst().orElseThrow()
        .number();
    opener.openNow(oapId, round, "esu");
    reports.submit(oapId, round, new OaReport("2.4", "DELAYED", "Two operations under way; the JIT waits for Malta",
        Map.of("a", "4", "b", "1", "c", "2", "d", "one JIT"), "3", null, null), "al-it");
    return oapId;
  }

  /** Opens Tasklist and logs in as the demo user, once. */
  private WebDriverWait logInToTasklist(String user) {
    WebDriverWait wait = CHROMIUM.logInToTasklist(root(), user);
    browser = CHROMIUM.browser();
    return wait;
  }

  private String root() {
    return "http://localhost:" + port;
  }
}
