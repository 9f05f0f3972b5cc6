package io.hashfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.console.demo.DemoAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless browser: Debian's chromium, driven through Debian's chromedriver
 * (found on the PATH; never downloaded). Logs in as each owner and checks what a person would look at.
 */
class ConsoleBrowserTest {
  static ConsoleFixture fx;
  Browser session;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void start() {
    fx = new ConsoleFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void openBrowser() {
    session = Browser.open();
    browser = session.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (session != null) session.close();
  }

  private void logIn(String user, String password) {
    session.logIn(fx.base(), user, password);
  }

  /** With -Dconsole.screenshots=DIR, keeps what the browser showed (for docs and for looking). */
  private void shot(String name) {
    String dir = System.getProperty("console.screenshots");
    if (dir == null) return;
    try {
      Files.createDirectories(Path.of(dir));
      Files.write(Path.of(dir, name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String dataOf(By by, String attribute) {
    wait.until(d -> d.findElement(by).getAttribute("data-" + attribute) != null);
    return browser.findElement(by).getAttribute("data-" + attribute);
  }

  @Test
  void owner_reads_the_overview_opens_a_site_heatmap_and_a_miners_chart() {
    logIn("northwind", "northwind-demo");
    List<String> mine = fx.byOwner.get(DemoAccounts.OWNER_A);
    assertThat(dataOf(By.id("kpi-miners"), "value")).isEqualTo(Integer.toString(mine.size()));
    assertThat(dataOf(By.id("kpi-hashrate"), "value")).isEqualTo(Long.toString(fx.ownerMhs(DemoAccounts.OWNER_A)));
    assertThat(browser.findElement(By.id("kpi-hashrate")).getText()).endsWith("PH/s");
    assertThat(browser.findElement(By.id("who")).getText()).contains("northwind", "Northwind Digital Assets");
    wait.until(d -> !d.findElements(By.cssSelector("#chart .uplot canvas")).isEmpty());
    List<String> sites = browser.findElements(By.cssSelector("#sites tbody tr")).stream().map(tr -> tr.getAttribute("data-site")).toList();
    assertThat(sites).containsExactly("dallas", "odessa");
    shot("overview");

    browser.findElement(By.linkText("dallas")).click();
    wait.until(ExpectedConditions.urlContains("/site.html?site=dallas"));
    assertThat(dataOf(By.id("heatmap"), "miners")).isEqualTo("20");
    WebElement canvas = browser.findElement(By.id("heatmap"));
    wait.until(d -> !d.findElements(By.cssSelector("#chart .uplot canvas")).isEmpty());
    shot("site");
    assertThat(canvas.getSize().getWidth()).isGreaterThan(0);
    // The first cell (first rack, position 1) sits in the top-left corner; clicking it opens that miner.
    new Actions(browser).moveToElement(canvas, -canvas.getSize().getWidth() / 2 + 3, -canvas.getSize().getHeight() / 2 + 3).click().perform();
    wait.until(ExpectedConditions.urlContains("/miner.html?address="));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facts"), "Owner"));
    assertThat(browser.findElement(By.id("facts")).getText()).contains("northwind", "dallas", "Antminer S19 XP");
    wait.until(d -> !d.findElements(By.cssSelector("#chart .uplot canvas")).isEmpty());
    assertThat(Integer.parseInt(dataOf(By.id("chart"), "points"))).isPositive();
    shot("miner");
    String address = browser.getCurrentUrl().replaceAll(".*address=", "").replace("%3A", ":");
    assertThat(mine).contains(address);

    // Its books: payouts against expected production, and the treasury they filled.
    browser.findElement(By.linkText("Production")).click();
    assertThat(dataOf(By.id("kpi-actual"), "value")).isEqualTo(Long.toString(3 * ConsoleFixture.PAYOUT_SATS));
    wait.until(d -> !d.findElements(By.cssSelector("#chart .uplot canvas")).isEmpty());
    shot("production");
    browser.findElement(By.linkText("Treasury")).click();
    assertThat(dataOf(By.id("kpi-holdings"), "value")).isEqualTo(Long.toString(3 * ConsoleFixture.PAYOUT_SATS));
    assertThat(browser.findElement(By.id("kpi-value")).getText()).isEqualTo("$36,296.29");
    assertThat(browser.findElements(By.cssSelector("#entries tbody tr"))).hasSize(3);
    shot("treasury");

    // The monthly report opens on the last complete month; this month is where the fixture's telemetry is.
    browser.findElement(By.linkText("Report")).click();
    wait.until(d -> YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString().equals(d.findElement(By.id("month")).getAttribute("value")));
    String month = YearMonth.from(fx.now.atZone(ZoneOffset.UTC)).toString();
    browser.get(fx.base() + "/report.html?month=" + month);
    assertThat(dataOf(By.id("kpi-miners"), "value")).isEqualTo(Integer.toString(mine.size()));
    assertThat(browser.findElement(By.id("kpi-miners")).getText()).isEqualTo(mine.size() + " miners");
    assertThat(Long.parseLong(dataOf(By.id("kpi-operating"), "value"))).isPositive();
    assertThat(Long.parseLong(dataOf(By.id("kpi-holdings"), "value"))).isPositive();
    assertThat(browser.findElement(By.id("kpi-value")).getText()).startsWith("$").endsWith("at $98,000.00/BTC");
    assertThat(browser.findElements(By.cssSelector("#sites tbody tr")).stream().map(tr -> tr.getAttribute("data-site")).toList())
        .containsExactly("dallas", "odessa");
    assertThat(browser.findElement(By.id("download-md")).getAttribute("href")).endsWith("/api/reports/monthly.md?month=" + month);
    assertThat(orangePixels("#chart-hashrate")).as("hashrate bars drawn").isPositive();
    assertThat(dataOf(By.id("chart-btc"), "points")).isEqualTo(Integer.toString(fx.now.atZone(ZoneOffset.UTC).getDayOfMonth()));
    shot("report");
  }

  /** Pixels of the bitcoin-orange series colour on a chart's canvas: zero unless bars were drawn. */
  private long orangePixels(String chart) {
    wait.until(d -> !d.findElements(By.cssSelector(chart + " .uplot canvas")).isEmpty());
    return ((Number) ((JavascriptExecutor) browser).executeScript("""
        const c = document.querySelector(arguments[0] + ' .uplot canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (px[i + 3] > 0 && px[i] > 230 && px[i + 1] > 130 && px[i + 1] < 165 && px[i + 2] < 50) n++;
        }
        return n;""", chart)).longValue();
  }

  @Test
  void an_owner_cannot_reach_another_owners_miners_through_the_pages_or_the_api() {
    logIn("bluepeak", "bluepeak-demo");
    String theirs = fx.byOwner.get(DemoAccounts.OWNER_A).get(0);

    browser.get(fx.base() + "/miner.html?address=" + theirs);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "Miner not found."));
    assertThat(browser.findElement(By.id("facts")).getText()).doesNotContain(theirs);
    browser.get(fx.base() + "/site.html?site=austin");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "Site not found."));

    // The same session's cookie, from the page itself, against the API.
    browser.get(fx.base() + "/index.html");
    wait.until(d -> d.findElement(By.id("kpi-miners")).getAttribute("data-value") != null);
    for (String path : List.of("/api/miners/" + theirs, "/api/miners/" + theirs + "/series", "/api/sites/austin/heatmap")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0]).then(async r => done({status: r.status, body: await r.text()}));", path);
      assertThat(((Number) r.get("status")).intValue()).as(path).isEqualTo(404);
      assertThat((String) r.get("body")).as(path).doesNotContain("\"hashrate_mhs\"");
    }
    // Another owner's books stay out of sight.
    browser.get(fx.base() + "/treasury.html");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "keeps no treasury for your tenant"));
    browser.get(fx.base() + "/production.html");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("kpi-books"), "no payouts kept here"));
    browser.get(fx.base() + "/report.html?month=" + YearMonth.from(fx.now.atZone(ZoneOffset.UTC)));
    assertThat(dataOf(By.id("kpi-miners"), "value")).isEqualTo(Integer.toString(fx.byOwner.get(DemoAccounts.OWNER_B).size()));
    assertThat(browser.findElement(By.id("kpi-holdings")).getText()).isEqualTo("–");
    assertThat(browser.findElement(By.id("kpi-value")).getText()).isEqualTo("not shown: see notes");

    // Its own shared site shows its machines only.
    browser.get(fx.base() + "/site.html?site=dallas");
    assertThat(dataOf(By.id("heatmap"), "miners")).isEqualTo("20");
  }

  @Test
  void the_overview_updates_itself_from_the_live_stream() {
    logIn("ops", "hostco-ops-demo");
    wait.until(d -> !d.findElement(By.id("updated")).getText().isEmpty());
    String first = browser.findElement(By.id("updated")).getText();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
      String now = d.findElement(By.id("updated")).getText();
      return !now.isEmpty() && !now.equals(first);
    });
    assertThat(dataOf(By.id("kpi-miners"), "value")).isEqualTo(Integer.toString(fx.miners.size()));
  }
}
