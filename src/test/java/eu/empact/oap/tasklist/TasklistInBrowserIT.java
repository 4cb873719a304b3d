package eu.empact.oap.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.demo.DemoData;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.reporting.OaReports;
import eu.empact.oap.reporting.RecordedReport;
import eu.empact.oap.reporting.ReportingRounds;
import eu.empact.oap.reporting.RoundOpener;
import eu.empact.oap.reporting.RoundStage;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.Chromium;
import eu.empact.oap.support.TasklistBrowser;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Users in a real browser: a Driver logs in to Tasklist, opens the draft of the demo OAP, follows
 * its link to the drafting page (no second login), edits an OA sheet there (a refusal shown next to
 * its field, then saved; the page's screenshot is {@code drafting.png}, see {@link Chromium}), submits
 * the draft in Tasklist, and the OA's Action Leader sees the edited sheet in its leadership form; an
 * Action Leader reports on its OA in a round of the reporting demo (a status in its own words,
 * progress, KPI lines) and completes. Needs Debian's chromium and chromium-driver
 * (.ci/run installs them); skipped, saying so, where they are missing.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-browser;DB_CLOSE_DELAY=-1")
class TasklistInBrowserIT {

  static final String DRAFT = "Draft OAP Migrant smuggling 2024-2025 REV 0";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired OapRegistry registry;
  @Autowired ReportingRounds rounds;
  @Autowired OaReports reports;
  @Autowired RoundOpener opener;

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium(1600);

  WebDriver browser;

  @Test
  void theDriverEditsAnOaSheetOnTheDraftingPageSubmitsTheDraftAndTheActionLeaderSeesIt() {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ProcessInstance adoption = runtime.startProcessInstanceByKey(AdoptionProcess.KEY, Map.of(
        AdoptionProcess.OAP_ID, oapId, AdoptionProcess.DRIVER, "DE",
        AdoptionProcess.NEC_MEETING_DATE, today.plusDays(30).toString(),
        AdoptionProcess.COSI_TARGET_DATE, today.plusDays(60).toString()));
    WebDriverWait wait = logIn("driver");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='" + DRAFT + "']"))).click();

    // the draft form links to the drafting page, which opens with the Tasklist login
    WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//a[contains(@href, '/oaps/" + oapId + "/draft')]")));
    assertThat(link.getDomAttribute("href")).endsWith("/oaps/" + oapId + "/draft");
    String tasklist = browser.getCurrentUrl();
    browser.get("http://localhost:" + port + URI.create(link.getDomAttribute("href")).getPath());
    By sheet = By.xpath("//article[@id='oa-2.4']");
    By title = By.xpath("//article[@id='oa-2.4']//input[@name='title']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(title)).clear();
    browser.findElement(sheet).findElement(By.cssSelector("button.save")).click();

    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//article[@id='oa-2.4']//input[@name='title']/following-sibling::p[@class='problem']")));
    assertThat(refusal.getText()).isEqualTo("Title: must be at least 1 characters long");
    assertThat(registry.operationalAction(oapId, 0, "2.4").orElseThrow().title()).isEqualTo("\"Central MED Route\"");
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
        browser.findElement(sheet));
    CHROMIUM.screenshot("drafting");

    browser.findElement(title).sendKeys("Central MED Route, with Libya");
    browser.findElement(sheet).findElement(By.cssSelector("button.save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.saved"), "OA 2.4 saved."));
    assertThat(registry.operationalAction(oapId, 0, "2.4").orElseThrow().title())
        .isEqualTo("Central MED Route, with Libya");

    // back in Tasklist, the draft task is only "submit"
    browser.get(tasklist);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    assertThat(browser.findElements(By.cssSelector("textarea[id$='Field_ActionLeaders']"))).isEmpty();
    // the Tasklist may render the form again once the task is claimed: type into the form that
    // stands, until it holds the comment
    wait.until(driver -> {
      WebElement comments = driver.findElement(By.cssSelector("textarea[id$='Field_Comments']"));
      if (comments.getDomProperty("value").isEmpty()) {
        comments.sendKeys("Ready for the Action Leaders");
      }
      return "Ready for the Action Leaders".equals(comments.getDomProperty("value"));
    });
    complete(wait);

    wait.until(driver -> tasks.createTaskQuery().processInstanceId(adoption.getId())
        .taskDefinitionKey(AdoptionProcess.TASK_CONFIRM_LEADERSHIP).count() == 14);
    assertThat(registry.version(oapId, 0).history()).anySatisfy(event -> {
      assertThat(event.event()).isEqualTo("DRAFT_SUBMITTED");
      assertThat(event.user()).isEqualTo("driver");
      assertThat(event.comment()).isEqualTo("Ready for the Action Leaders");
    });

    // the Action Leader of OA 2.4 decides on the sheet as edited (the Driver's session gone)
    browser.manage().deleteAllCookies();
    WebDriverWait italy = logIn("al-it");
    italy.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//a[normalize-space(.)='Confirm action leadership of IT in OAP Migrant smuggling 2024-2025 REV 0']"))).click();
    italy.until(driver -> String.valueOf(((JavascriptExecutor) driver).executeScript(
        "return document.body.innerText + [...document.querySelectorAll('textarea')].map(t => t.value).join('\\n')"))
        .contains("OA 2.4 Central MED Route, with Libya"));
  }

  @Test
  void anActionLeaderReportsOnItsOaInTasklist() {
    long oapId = registry.list().stream().filter(oap -> oap.priority().equals(DemoData.REPORTING_DEMO)).findFirst()
        .orElseThrow().id();
    int round = rounds.rounds(oapId).stream().filter(r -> r.stage() == RoundStage.PLANNED).findFirst().orElseThrow()
        .number();
    opener.openNow(oapId, round, "esu");
    WebDriverWait wait = logIn("al-it");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[starts-with(normalize-space(.), 'Report on OA 2.4:')]")))
        .click();

    WebElement oa = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_OaOverview']")));
    assertThat(oa.getDomProperty("value")).startsWith("OA 2.4 ").contains("[a count: e.g. 1200, 10.000 or 10 000; or not available]");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    // the status in the Action Leader's words: kept as written, read by the table
    type(wait, "input[id$='Field_ReportStatus']", "On schedule");
    WebElement kpis = browser.findElement(By.cssSelector("textarea[id$='Field_KpiValues']"));
    assertThat(kpis.getDomProperty("value")).startsWith("a: \nb: ");
    type(wait, "textarea[id$='Field_KpiValues']", "a: 4\nb: 1\nc: 2\nd: one JIT");

    // a placeholder left from the template: Tasklist shows the refusal in plain words, naming the field
    type(wait, "textarea[id$='Field_Progress']", "XXX");
    complete(wait);
    wait.until(driver -> driver.findElement(By.tagName("body")).getText()
        .contains("Progress toward the target: 'XXX' is a placeholder left from the template"));
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("ENGINE-");
    assertThat(reports.reports(oapId, round)).doesNotContainKey("2.4");

    type(wait, "textarea[id$='Field_Progress']", "Two operations under way");
    complete(wait);

    wait.until(driver -> reports.reports(oapId, round).containsKey("2.4"));
    RecordedReport report = reports.reports(oapId, round).get("2.4");
    assertThat(report.status()).isEqualTo("ONGOING");
    assertThat(report.writtenStatus()).isEqualTo("On schedule");
    assertThat(report.recordedBy()).isEqualTo("al-it");
    assertThat(report.kpiValues()).containsEntry("a", "4").containsEntry("d", "one JIT");
  }

  private void complete(WebDriverWait wait) {
    TasklistBrowser.complete(browser, wait);
  }

  /** Opens Tasklist, logs in as the demo user and opens "My group's tasks". */
  private WebDriverWait logIn(String user) {
    WebDriverWait wait = CHROMIUM.logInToTasklist("http://localhost:" + port, user);
    browser = CHROMIUM.browser();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My group's tasks\"]"))).click();
    return wait;
  }

  /**
   * Replaces what the field of the form that stands holds (the Tasklist may render the form again)
   * until it holds the text: keys, as a user types, so that the form sees every change.
   */
  private static void type(WebDriverWait wait, String css, String text) {
    wait.until(driver -> {
      WebElement field = driver.findElement(By.cssSelector(css));
      if (!text.equals(field.getDomProperty("value"))) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
      }
      return text.equals(field.getDomProperty("value"));
    });
  }
}
