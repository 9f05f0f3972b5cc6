package io.hashfleet.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by Debian's chromedriver, both found on the PATH: Selenium is
 * told exactly where they are, so it never looks for (or downloads) a browser of its own.
 */
record Browser(WebDriver driver) implements AutoCloseable {
  static Browser open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(onPath("chromium").toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(onPath("chromedriver").toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options));
  }

  static Path onPath(String program) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) return p;
    }
    throw new AssertionError(program + " not found on PATH: install Debian's chromium and chromium-driver (the build does so where it may)");
  }

  /** Opens the console, is sent to the login page, logs in and waits to leave it. */
  void logIn(String base, String user, String password) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(base + "/");
    wait.until(ExpectedConditions.urlContains("/login.html"));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login.html")));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
