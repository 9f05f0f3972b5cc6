package io.hashfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.console.demo.DemoAccounts;
import io.hashfleet.domain.ModelCatalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly report over the console fixture's hosted fleet, for this month (the fixture's
 * telemetry is its last ten minutes). Northwind keeps its books here; bluepeak does not; HostCo
 * runs the sites.
 */
class ReportApiTest {
  static ConsoleFixture fx;
  static String month;
  static ApiClient northwind;
  static ApiClient bluepeak;
  static ApiClient ops;

  @BeforeAll
  static void start() {
    fx = new ConsoleFixture();
    month = YearMonth.from(fx.now.atZone(ZoneOffset.UTC)).toString();
    northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    bluepeak = ApiClient.loggedIn(fx.base(), "bluepeak", "bluepeak-demo");
    ops = ApiClient.loggedIn(fx.base(), "ops", "hostco-ops-demo");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static JsonNode report(ApiClient who) {
    ApiClient.Reply r = who.get("/api/reports/monthly?month=" + month);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void an_owners_report_counts_only_its_miners_and_never_another_owners_figures() {
    JsonNode a = report(northwind);
    JsonNode b = report(bluepeak);
    JsonNode all = report(ops);
    List<String> mine = fx.byOwner.get(DemoAccounts.OWNER_A);
    long nominal = ModelCatalog.bundled().byId("s19xp").orElseThrow().nominal().mhs();
    assertThat(a.get("scope").asText()).isEqualTo("owner");
    assertThat(a.get("miners_deployed").asLong()).isEqualTo(mine.size());
    assertThat(a.get("deployed_mhs").asLong()).isEqualTo(mine.size() * nominal);
    assertThat(sites(a)).containsExactly(Map.entry("dallas", fx.minersAt("dallas", DemoAccounts.OWNER_A)),
        Map.entry("odessa", fx.minersAt("odessa", DemoAccounts.OWNER_A)));
    long offline = mine.stream().filter(x -> fx.healthByAddress.get(x).code().equals("offline")).count();
    assertThat(a.get("uptime_pct").asDouble()).isCloseTo(100.0 * (mine.size() - offline) / mine.size(), Offset.offset(0.01));

    // Every scope is measured over the same minutes, so each one's hashrate is its machines' share.
    long fleetMhs = fx.mhsByAddress.values().stream().mapToLong(Long::longValue).sum();
    double fleetAverage = all.get("average_operating_mhs").asDouble();
    assertThat(fleetAverage).isPositive();
    assertThat(a.get("average_operating_mhs").asDouble() / fleetAverage)
        .isCloseTo((double) fx.ownerMhs(DemoAccounts.OWNER_A) / fleetMhs, Percentage.withPercentage(0.1));
    assertThat(b.get("average_operating_mhs").asDouble() / fleetAverage)
        .isCloseTo((double) fx.ownerMhs(DemoAccounts.OWNER_B) / fleetMhs, Percentage.withPercentage(0.1));
    // Dallas is shared: northwind's line is its own machines there, not the site's.
    long aDallasMhs = fx.byOwner.get(DemoAccounts.OWNER_A).stream()
        .filter(x -> fx.miners.stream().anyMatch(m -> m.address().toString().equals(x) && "dallas".equals(m.location().site())))
        .mapToLong(fx.mhsByAddress::get).sum();
    assertThat(site(a, "dallas").get("hashrate_mhs").asDouble() / a.get("average_operating_mhs").asDouble())
        .isCloseTo((double) aDallasMhs / fx.ownerMhs(DemoAccounts.OWNER_A), Percentage.withPercentage(0.1));
    assertThat(site(a, "dallas").get("hashrate_mhs").asLong()).isLessThan(site(all, "dallas").get("hashrate_mhs").asLong());

    // Nothing of bluepeak's: not its hashrate, not its site lines, not the unowned austin machines.
    for (String field : List.of("average_operating_mhs", "expected_sats")) {
      assertThat(a.toString()).as(field).doesNotContain(":" + b.get(field).asText() + ",");
    }
    assertThat(a.toString()).doesNotContain(site(b, "dallas").get("hashrate_mhs").asText()).doesNotContain("austin");
    assertThat(all.get("miners_deployed").asLong()).isEqualTo(fx.miners.size());
    assertThat(sites(all)).containsKey("austin");
  }

  @Test
  void the_operator_sees_the_whole_fleet_but_not_the_books() {
    JsonNode r = report(ops);
    assertThat(r.get("scope").asText()).isEqualTo("fleet");
    assertThat(r.get("books").asBoolean()).isFalse();
    assertThat(r.get("actual_sats").isNull()).isTrue();
    assertThat(r.get("holdings_sats").isNull()).isTrue();
    assertThat(r.get("holdings_value_usd").isNull()).isTrue();
    assertThat(r.get("shortfall_pct").isNull()).isTrue();
    assertThat(r.get("days")).allSatisfy(d -> assertThat(d.get("actual_sats").isNull()).isTrue());
    assertThat(texts(r.get("notes"))).anyMatch(n -> n.contains("not shown to the operator"));
    assertThat(r.toString()).doesNotContain(Long.toString(ConsoleFixture.PAYOUT_SATS));
    assertThat(r.get("expected_sats").asLong()).isPositive();
  }

  @Test
  void the_books_owner_sees_payouts_holdings_and_their_value_and_the_other_owner_does_not() {
    JsonNode a = report(northwind);
    assertThat(a.get("books").asBoolean()).isTrue();
    long holdings = a.get("holdings_sats").asLong();
    // Holdings are every payout booked up to now: all three, unless the test runs before today's 02:00.
    assertThat(holdings).isPositive().isLessThanOrEqualTo(3 * ConsoleFixture.PAYOUT_SATS);
    assertThat(holdings % ConsoleFixture.PAYOUT_SATS).isZero();
    // Valued at today's close, $98,000.00.
    assertThat(a.get("usd_per_btc").decimalValue()).isEqualByComparingTo("98000.00");
    assertThat(a.get("holdings_value_usd").decimalValue())
        .isEqualByComparingTo(BigDecimal.valueOf(holdings, 8).multiply(new BigDecimal("98000")).setScale(2, RoundingMode.HALF_EVEN));
    // The fixture's payouts (today and the two days before, at 02:00) pay for the day before each;
    // on the 1st none of them pays for a day of this month.
    if (fx.now.atZone(ZoneOffset.UTC).getDayOfMonth() > 1) assertThat(a.get("actual_sats").asLong()).isPositive();

    JsonNode b = report(bluepeak);
    assertThat(b.get("books").asBoolean()).isFalse();
    assertThat(b.get("actual_sats").isNull()).isTrue();
    assertThat(b.get("holdings_sats").isNull()).isTrue();
    assertThat(b.get("holdings_value_usd").isNull()).isTrue();
    assertThat(texts(b.get("notes"))).anyMatch(n -> n.contains("no books for " + DemoAccounts.OWNER_B));
    assertThat(b.toString()).doesNotContain(Long.toString(ConsoleFixture.PAYOUT_SATS)).doesNotContain(Long.toString(holdings));
  }

  @Test
  void downloads_are_the_same_report_as_markdown_and_csv() {
    ApiClient.Reply md = northwind.get("/api/reports/monthly.md?month=" + month);
    assertThat(md.status()).isEqualTo(200);
    assertThat(md.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
    assertThat(md.raw().headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"production-" + month + "-" + DemoAccounts.OWNER_A + ".md\"");
    assertThat(md.body()).contains("# Production update:").contains("(" + fx.byOwner.get(DemoAccounts.OWNER_A).size() + " miners)")
        .contains("![Operating hashrate by day](data:image/png;base64,");

    ApiClient.Reply theirs = bluepeak.get("/api/reports/monthly.md?month=" + month);
    assertThat(theirs.body()).contains("| BTC held at month end | n/a |").contains("no books for " + DemoAccounts.OWNER_B);

    ApiClient.Reply csv = ops.get("/api/reports/monthly.csv?month=" + month);
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("day,operating_ehs,expected_btc,paid_btc");
    assertThat(lines).hasSize(1 + fx.now.atZone(ZoneOffset.UTC).getDayOfMonth());
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.endsWith(","), "no paid BTC for the operator");
  }

  @Test
  void a_bad_or_future_month_is_a_400_that_names_the_parameter() {
    for (String path : List.of("/api/reports/monthly?month=2024-13", "/api/reports/monthly.md?month=last", "/api/reports/monthly.csv?month=12-2024")) {
      ApiClient.Reply r = northwind.get(path);
      assertThat(r.status()).as(path).isEqualTo(400);
      assertThat(r.json().get("error").asText()).as(path).contains("?month=").contains("expected YYYY-MM");
    }
    ApiClient.Reply future = northwind.get("/api/reports/monthly?month=" + YearMonth.now(ZoneOffset.UTC).plusMonths(2));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("error").asText()).contains("has not started");
  }

  @Test
  void without_a_month_the_last_complete_month_is_reported() {
    JsonNode r = report(ops, "/api/reports/monthly");
    assertThat(r.get("month").asText()).isEqualTo(YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString());
    assertThat(r.get("days")).hasSize(YearMonth.now(ZoneOffset.UTC).minusMonths(1).lengthOfMonth());
  }

  private static JsonNode report(ApiClient who, String path) {
    ApiClient.Reply r = who.get(path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static Map<String, Long> sites(JsonNode report) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    report.get("sites").forEach(s -> out.put(s.get("site").asText(), s.get("miners").asLong()));
    return out;
  }

  private static JsonNode site(JsonNode report, String name) {
    return StreamSupport.stream(report.get("sites").spliterator(), false).filter(s -> s.get("site").asText().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
