package eu.empact.oap.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (.ci/run installs them); a test class calls {@link #assumeInstalled()} first and is skipped,
 * saying so, where they are missing. Screenshots go to {@code target/screenshots}, and also to the
 * folder named by the system property {@code screenshots.dir} (the README's pictures:
 * {@code -Dscreenshots.dir=docs/screenshots}).
 */
public final class Chromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
  }

  /** A new headless browser, its window as wide as a desktop screen and {@code height} high. */
  public static WebDriver start(int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build();
    return new ChromeDriver(service, options);
  }

  /** Saves what the browser shows as {@code <name>.png}. */
  public static void screenshot(WebDriver browser, String name) {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
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
