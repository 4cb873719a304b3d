package eu.empact.oap.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Tasklist as the browser tests drive it (in {@link Chromium}). */
public final class TasklistBrowser {

  private TasklistBrowser() {}

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
