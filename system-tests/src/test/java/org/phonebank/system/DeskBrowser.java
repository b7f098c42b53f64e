// SPDX-License-Identifier: AGPL-3.0-or-later
package org.phonebank.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The officers' console in a real headless Chromium (Debian {@code chromium} and {@code
 * chromium-driver}), driven by Selenium. The demo certificate is accepted as a self-signed
 * certificate would be by an officer told to; every page the test looks at is also written as a
 * screenshot to {@code system-tests/target/screenshots} for a reviewer.
 */
final class DeskBrowser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private DeskBrowser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  static DeskBrowser open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("phonebank.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1400");
    options.setAcceptInsecureCerts(true);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("phonebank.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .usingAnyFreePort()
            .build();
    return new DeskBrowser(new ChromeDriver(service, options));
  }

  void go(String url) {
    driver.get(url);
  }

  void signIn(String user, String password) {
    go(OfficerConsole.ROOT + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("sign-in-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
  }

  /** Waits until the desk is in officer state {@code state} (READY, ...), whatever the language. */
  void waitForState(String... states) {
    wait.until(
        ExpectedConditions.or(
            java.util.Arrays.stream(states)
                .map(
                    state ->
                        ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("body[data-state='" + state + "']")))
                .toArray(org.openqa.selenium.support.ui.ExpectedCondition[]::new)));
  }

  /** The desk's officer state (READY, ...). */
  String state() {
    return driver.findElement(By.tagName("body")).getAttribute("data-state");
  }

  /** Chooses the page's language in its language menu and waits until the page is in it. */
  void language(String language) {
    choose("language", language);
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
  }

  /** The page's direction as the browser lays it out ("rtl" or "ltr"), not as the markup says. */
  String direction() {
    return (String)
        driver.executeScript("return getComputedStyle(document.documentElement).direction;");
  }

  /** Whether the page loaded the web font {@code family} (from the console, as the CSP allows). */
  boolean fontLoaded(String family) {
    return (Boolean)
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "document.fonts.ready.then(() => done([...document.fonts].some("
                + "f => f.family.replace(/[\"']/g, '') === arguments[0] && f.status === 'loaded')));",
            family);
  }

  /** Waits until the element {@code css} selects shows exactly {@code text}. */
  void waitForCss(String css, String text) {
    wait.until(ExpectedConditions.textToBe(By.cssSelector(css), text));
  }

  /** The text of the element {@code css} selects. */
  String cssText(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  /**
   * Signs in as {@code user} and waits for element {@code landmark} of the console they land on.
   */
  void signInTo(String user, String password, String landmark) {
    go(OfficerConsole.ROOT + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("sign-in-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(landmark)));
  }

  /** Chooses {@code file} in the file input {@code id}, as a user picking it would. */
  void attach(String id, Path file) {
    driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
  }

  /**
   * Downloads go to {@code folder} without asking (Chrome DevTools: Browser.setDownloadBehavior).
   */
  void downloadTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        java.util.Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
  }

  /** The value of form field {@code id}. */
  String value(String id) {
    return driver.findElement(By.id(id)).getDomProperty("value");
  }

  /** Waits up to {@code atMost} until element {@code id} shows exactly {@code text}. */
  void waitForText(String id, String text, Duration atMost) {
    new WebDriverWait(driver, atMost).until(ExpectedConditions.textToBe(By.id(id), text));
  }

  /** Waits until the first element {@code css} selects shows something containing {@code text}. */
  void waitForCssContaining(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  /** Clicks the first element {@code css} selects. */
  void clickFirst(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  /** Waits until {@code css} selects at least one element. */
  void waitFor(String css, Duration atMost) {
    new WebDriverWait(driver, atMost)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  void choose(String selectId, String value) {
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(selectId)))
        .selectByValue(value);
  }

  /** Waits until element {@code id} shows exactly {@code text}. */
  void waitForText(String id, String text) {
    wait.until(ExpectedConditions.textToBe(By.id(id), text));
  }

  /** Waits until element {@code id} shows exactly one of {@code texts}. */
  void waitForOneOf(String id, String... texts) {
    wait.until(
        ExpectedConditions.or(
            java.util.Arrays.stream(texts)
                .map(text -> ExpectedConditions.textToBe(By.id(id), text))
                .toArray(org.openqa.selenium.support.ui.ExpectedCondition[]::new)));
  }

  /** Waits until element {@code id} shows something containing {@code text}. */
  void waitForTextContaining(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  void waitVisible(String id, Duration atMost) {
    new WebDriverWait(driver, atMost)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  /** The texts of the elements {@code css} selects. */
  List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** How many elements {@code css} selects (a note rendered as markup would add a script). */
  int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
