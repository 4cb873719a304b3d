package eu.empact.oap.tasklist;

import static eu.empact.oap.adoption.AdoptionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.registry.VersionStatus;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.Chromium;
import eu.empact.oap.support.EngineChannel;
import eu.empact.oap.support.ProcessTasks;
import eu.empact.oap.support.TasklistBrowser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The forms that decide, as their users meet them: the COSI secretariat's review of the demo OAP
 * shows the NEC meeting's outcome and the OA sheets; a refusal names the field by its label in
 * plain words on {@code /engine-rest} and on Tasklist's engine API; and in a real Tasklist, after a
 * refused *Return* without comments, switching to *Approve* completes the task (form-js keeps the
 * error of a field it hides, so a rule on such a field kept Complete disabled: docs/adr/0019). The
 * browser test needs Debian's chromium and chromium-driver and is skipped, saying so, without them.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-decision-forms;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionFormsIT {

  static final String NEC_COMMENTS = "Endorsed; Italy asks to align OA 2.4 with the THB OAP";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired OapRegistry registry;
  @Autowired TestRestTemplate http;

  long oapId;
  WebDriver browser;

  /** The demo OAP's adoption up to the COSI secretariat's review, the NECs having endorsed it with comments. */
  @BeforeEach
  void toTheCosiReview() {
    oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    if (registry.summary(oapId).status() != VersionStatus.DRAFT) {
      return;
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ProcessInstance adoption = runtime.startProcessInstanceByKey(KEY, Map.of(OAP_ID, oapId, DRIVER, "DE",
        NEC_MEETING_DATE, today.plusDays(30).toString(), COSI_TARGET_DATE, today.plusDays(60).toString()));
    ProcessTasks steps = new ProcessTasks(tasks, adoption.getId());
    steps.complete(steps.single(TASK_DRAFT), Map.of(COMMENTS, "Ready for the Action Leaders"));
    steps.all(TASK_CONFIRM_LEADERSHIP).forEach(task -> steps.complete(task, Map.of(DECISION, "accept")));
    steps.complete(steps.single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    steps.all(TASK_STATE_PARTICIPATION).forEach(task -> steps.complete(task, Map.of()));
    steps.complete(steps.single(TASK_RECORD_NEC_OUTCOME), Map.of(DECISION, "endorse", COMMENTS, NEC_COMMENTS));
  }

  @RegisterExtension
  static final Chromium CHROMIUM = Chromium.forSomeTests(1600);

  String reviewTask() {
    return tasks.createTaskQuery().taskDefinitionKey(TASK_REVIEW_FOR_COSI).singleResult().getId();
  }

  @Test
  @Order(1)
  void theCosiReviewShowsTheNecOutcomeAndTheSheetsAndLinksToTheWorkspace() {
    Object value = tasks.getVariableLocal(reviewTask(), BRIEFING);
    String briefing = value instanceof SpinJsonNode json ? json.stringValue() : (String) value;
    // the endorsement says first what it made of the answers, then the meeting's comments
    assertThat(briefing).contains(NEC_COMMENTS)
        .contains("The NEC meeting's outcome (").contains("##### OA 2.4 ").contains("| KPI | Indicator | Target |")
        .contains("(http://").contains("/oaps/" + oapId + "?rev=0)").contains("/oaps/" + oapId + "?rev=0#oa-2.4)");
  }

  @Order(2)
  @ParameterizedTest
  @EnumSource(EngineChannel.class)
  void aRefusalNamesTheFieldByItsLabelInPlainWords(EngineChannel channel) throws Exception {
    ResponseEntity<String> refused = channel.call(http, "cosi", HttpMethod.POST, "/task/" + reviewTask()
        + "/submit-form", "{\"variables\": {\"decision\": {\"value\": \"return\"}}}");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    JsonNode problem = new ObjectMapper().readTree(refused.getBody());
    assertThat(problem.path("message").asText())
        .isEqualTo("Comments for the Driver: say why the OAP goes back to the Driver");
    assertThat(problem.path("problems").get(0).path("label").asText()).isEqualTo("Comments for the Driver");
    assertThat(refused.getBody()).doesNotContain("ENGINE-").doesNotContain("comments:");

    ResponseEntity<String> badNumber = channel.call(http, "cosi", HttpMethod.POST, "/task/" + reviewTask()
        + "/submit-form", "{\"variables\": {\"decision\": {\"value\": \"approve\"}, \"councilDocument\": "
        + "{\"value\": \"soon\"}}}");
    assertThat(new ObjectMapper().readTree(badNumber.getBody()).path("message").asText())
        .startsWith("Council document number: 'soon'");
    assertThat(registry.summary(oapId).status()).isEqualTo(VersionStatus.UNDER_NEC_DISCUSSION);
  }

  @Test
  @Order(3)
  void afterARefusedReturnSwitchingToApproveCompletesInTasklist() {
    String task = reviewTask();
    WebDriverWait wait = CHROMIUM.logInToTasklist("http://localhost:" + port, "cosi");
    browser = CHROMIUM.browser();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);

    // the form shows what the secretariat decides on: the NEC outcome, the OA sheets as tables
    wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains(NEC_COMMENTS));
    assertThat(browser.findElements(By.cssSelector(".fjs-form table"))).isNotEmpty();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

    choose(wait, "Return to the Driver");
    TasklistBrowser.complete(browser, wait);
    wait.until(driver -> driver.findElement(By.tagName("body")).getText()
        .contains("Comments for the Driver: say why the OAP goes back to the Driver"));
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("ENGINE-");

    choose(wait, "Approve for COSI");
    wait.until(driver -> {
      WebElement number = driver.findElement(By.cssSelector("input[id$='Field_CouncilDocument']"));
      if (!"14541/24".equals(number.getDomProperty("value"))) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", number);
        number.clear();
        number.sendKeys("14541/24");
      }
      return "14541/24".equals(number.getDomProperty("value"));
    });
    TasklistBrowser.complete(browser, wait);

    wait.until(driver -> registry.summary(oapId).status() == VersionStatus.SUBMITTED_TO_COSI);
    assertThat(registry.summary(oapId).councilDocument()).isEqualTo("14541/24");
  }

  /**
   * Clicks a choice of the decision until the form holds it (Tasklist may render the form again),
   * brought into the middle of the window first: the form is longer than the window.
   */
  private static void choose(WebDriverWait wait, String label) {
    wait.until(driver -> {
      WebElement choice = driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
      WebElement input = driver.findElement(By.id(choice.getDomAttribute("for")));
      if (!input.isSelected()) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
        choice.click();
      }
      return input.isSelected();
    });
  }
}
