package eu.empact.oap.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.empact.oap.adoption.AdoptionProcess;
import eu.empact.oap.adoption.AdoptionVariables;
import eu.empact.oap.registry.OapRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A Driver in a real browser: logs in to Tasklist, opens the draft of the demo OAP, sees the
 * form with its OAs, fills it and completes it. Needs Debian's chromium and chromium-driver
 * (.ci/run installs them); skipped, saying so, where they are missing.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-browser;DB_CLOSE_DELAY=-1")
class DriverDraftsInTasklistIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String DRAFT = "Draft OAP Migrant smuggling 2024-2025 REV 0";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired OapRegistry registry;

  WebDriver browser;

  @BeforeAll
  static void browserInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theDriverCompletesTheDraftInTasklist() {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ProcessInstance adoption = runtime.startProcessInstanceByKey(AdoptionProcess.KEY, Map.of(
        AdoptionVariables.OAP_ID, oapId, AdoptionVariables.DRIVER, "DE",
        AdoptionVariables.NEC_MEETING_DATE, today.plusDays(30).toString(),
        AdoptionVariables.COSI_TARGET_DATE, today.plusDays(60).toString()));
    browser = chromium();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("driver");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("driver");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My group's tasks\"]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='" + DRAFT + "']"))).click();

    WebElement overview = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("textarea[id$='Field_OapOverview']")));
    assertThat(overview.getDomProperty("value")).contains("26 operational action(s)").contains("OA 2.4");
    WebElement leaders = browser.findElement(By.cssSelector("textarea[id$='Field_ActionLeaders']"));
    assertThat(leaders.getDomProperty("value")).startsWith("OA 1.1 | Situational picture of migrant smuggling | EUROPOL")
        .hasLineCount(26);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    // the Tasklist may render the form again once the task is claimed: type into the form that
    // stands, until it holds the comment
    wait.until(driver -> {
      WebElement comments = driver.findElement(By.cssSelector("textarea[id$='Field_Comments']"));
      if (comments.getDomProperty("value").isEmpty()) {
        comments.sendKeys("Ready for the Action Leaders");
      }
      return "Ready for the Action Leaders".equals(comments.getDomProperty("value"));
    });
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();

    wait.until(driver -> tasks.createTaskQuery().processInstanceId(adoption.getId())
        .taskDefinitionKey(AdoptionProcess.TASK_CONFIRM_LEADERSHIP).count() == 14);
    assertThat(tasks.createTaskQuery().processInstanceId(adoption.getId())
        .taskDefinitionKey(AdoptionProcess.TASK_DRAFT).count()).isZero();
    assertThat(registry.version(oapId, 0).history()).anySatisfy(event -> {
      assertThat(event.event()).isEqualTo("DRAFT_SUBMITTED");
      assertThat(event.user()).isEqualTo("driver");
      assertThat(event.comment()).isEqualTo("Ready for the Action Leaders");
    });
  }

  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1600");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build();
    return new ChromeDriver(service, options);
  }
}
