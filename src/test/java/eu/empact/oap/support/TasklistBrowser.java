package eu.empact.oap.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Tasklist in headless Chromium, as the browser tests drive it (Debian's chromium and chromium-driver). */
public final class TasklistBrowser {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final String MISSING = "Browser test skipped: install Debian's chromium and chromium-driver "
      + "(apt-get install -y chromium chromium-driver)";

  private TasklistBrowser() {}

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1600");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Clicks Complete. The form is longer than the window: the button comes up from under the
   * Tasklist's footer; a notification of an earlier refusal that stands over it is closed first.
   */
  public static void complete(WebDriver browser, WebDriverWait wait) {
    browser.findElements(By.cssSelector(".page-notifications .close")).forEach(close -> {
      if (close.isDisplayed()) {
        close.click();
      }
    });
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='complete()']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    complete.click();
  }
}
