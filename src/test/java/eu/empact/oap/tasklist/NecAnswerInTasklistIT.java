package eu.empact.oap.tasklist;

import static eu.empact.oap.adoption.AdoptionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import eu.empact.oap.registry.NecConsultation;
import eu.empact.oap.registry.OapRegistry;
import eu.empact.oap.support.ApplicationTest;
import eu.empact.oap.support.Chromium;
import eu.empact.oap.support.ProcessTasks;
import eu.empact.oap.support.TasklistBrowser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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
 * An NEC answers in a real Tasklist: the checklist offers the version's OAs (the list kept once on
 * the adoption's instance for the 27 NEC tasks), starts empty, and what the NEC ticks becomes its
 * answer in the registry. Needs Debian's chromium and chromium-driver; skipped, saying so, without.
 */
@ApplicationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "empact.demo.enabled=true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:empact-nec-answer;DB_CLOSE_DELAY=-1")
class NecAnswerInTasklistIT {

  @RegisterExtension
  static final Chromium CHROMIUM = new Chromium(1600);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired OapRegistry registry;
  @Autowired NecConsultation consultation;

  @Test
  void theNecTicksTheOasItsMemberStateJoinsAndTheyBecomeItsAnswer() {
    long oapId = registry.find("Migrant smuggling", "2024-2025").orElseThrow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ProcessInstance adoption = runtime.startProcessInstanceByKey(KEY, Map.of(OAP_ID, oapId, DRIVER, "DE",
        NEC_MEETING_DATE, today.plusDays(30).toString(), COSI_TARGET_DATE, today.plusDays(60).toString()));
    ProcessTasks steps = new ProcessTasks(tasks, adoption.getId());
    steps.complete(steps.single(TASK_DRAFT), Map.of());
    steps.all(TASK_CONFIRM_LEADERSHIP).forEach(task -> steps.complete(task, Map.of(DECISION, "accept")));
    steps.complete(steps.single(TASK_REVIEW_DRAFT), Map.of(DECISION, "approve"));
    Task france = steps.all(TASK_STATE_PARTICIPATION).stream()
        .filter(task -> task.getName().startsWith("State participation of FR ")).findFirst().orElseThrow();

    WebDriverWait wait = CHROMIUM.logInToTasklist("http://localhost:" + port, "nec-fr");
    WebDriver browser = CHROMIUM.browser();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + france.getId());
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

    // every OA of the version is offered, none ticked
    wait.until(driver -> driver.findElements(By.cssSelector(".fjs-form-field-checklist input[type=checkbox]"))
        .size() == registry.overview(oapId).actions().size());
    assertThat(browser.findElements(By.cssSelector(".fjs-form-field-checklist input[type=checkbox]")))
        .noneMatch(WebElement::isSelected);
    tick(wait, "OA 2.4 ");
    tick(wait, "OA 1.1 ");
    TasklistBrowser.complete(browser, wait);

    wait.until(driver -> consultation.answers(oapId, 0).stream().anyMatch(answer -> answer.memberState().equals("FR")
        && answer.status() == NecConsultation.Status.ANSWERED));
    assertThat(consultation.answers(oapId, 0)).filteredOn(answer -> answer.memberState().equals("FR"))
        .singleElement().satisfies(answer -> assertThat(answer.participatesIn()).containsExactly("1.1", "2.4"));
  }

  /** Ticks the OA whose label starts so, brought into the middle of the window first. */
  private static void tick(WebDriverWait wait, String label) {
    wait.until(driver -> {
      WebElement choice = driver.findElement(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]"
          + "//label[starts-with(normalize-space(.), '" + label + "')]"));
      WebElement box = choice.findElement(By.xpath(".//input[@type='checkbox'] | preceding-sibling::input[@type='checkbox']"
          + " | following-sibling::input[@type='checkbox']"));
      if (!box.isSelected()) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
        choice.click();
      }
      return box.isSelected();
    });
  }
}
