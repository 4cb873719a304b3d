package eu.empact.oap.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests, as a JUnit extension
 * ({@code @RegisterExtension static final Chromium CHROMIUM = new Chromium(1000)}): Debian's
 * {@code chromium} and {@code chromium-driver} (.ci/run installs them); the test class is skipped,
 * saying so, where they are missing, before the application starts. Each test gets a new browser
 * ({@link #browser()}), closed after it. Screenshots go to {@code target/screenshots}, and also to
 * the folder named by the system property {@code screenshots.dir} (the README's pictures:
 * {@code -Dscreenshots.dir=docs/screenshots}).
 */
public final class Chromium implements BeforeAllCallback, AfterEachCallback {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final String MISSING = "Browser test skipped: install Debian's chromium and chromium-driver "
      + "(apt-get install -y chromium chromium-driver)";

  private final int height;
  private final boolean everyTest;
  private WebDriver browser;

  /** Browsers as wide as a desktop screen and {@code height} high, for a class whose every test uses one. */
  public Chromium(int height) {
    this(height, true);
  }

  private Chromium(int height, boolean everyTest) {
    this.height = height;
    this.everyTest = everyTest;
  }

  /**
   * For a class of which only some tests use the browser: those are skipped, saying so, where
   * Chromium is missing; the others run.
   */
  public static Chromium forSomeTests(int height) {
    return new Chromium(height, false);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (everyTest) {
      assumeTrue(installed(), MISSING);
    }
  }

  private static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  /** The test's browser, started when first asked for. */
  public WebDriver browser() {
    if (browser == null) {
      assumeTrue(installed(), MISSING);
      browser = start(height);
    }
    return browser;
  }

  private static WebDriver start(int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Opens Tasklist in the browser and logs in as the demo user (password = user id), as a person
   * does; returns a wait of 30 seconds that passes over elements Tasklist renders again.
   */
  public WebDriverWait logInToTasklist(String root, String user) {
    WebDriverWait wait = logInAt(root + "/camunda/app/tasklist/default/", user);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My group's tasks\"]")));
    return wait;
  }

  /**
   * Opens an address of Tasklist (a task's link, say) as a person not logged in yet and logs in as
   * the demo user on the login it shows; returns a wait of 30 seconds, as {@link #logInToTasklist}.
   */
  public WebDriverWait logInAt(String address, String user) {
    WebDriver browser = browser();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    browser.get(address);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    return wait;
  }

  /** Saves what the browser shows as {@code <name>.png}. */
  public void screenshot(String name) {
    byte[] png = ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES);
    save(Path.of("target", "screenshots"), name, png);
    String folder = System.getProperty("screenshots.dir");
    if (folder != null && !folder.isBlank()) {
      save(Path.of(folder), name, png);
    }
  }

  private static void save(Path folder, String name, byte[] png) {
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
