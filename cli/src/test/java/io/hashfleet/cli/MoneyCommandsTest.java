package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoneyCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void productionExpected_december2024_matchesTheReportedFigureWithin2Percent() throws Exception {
    CliRun r = CliRun.of("production", "expected", "--hashrate", "30.4EH/s", "--from", "2024-12-01", "--to", "2025-01-01",
        "--fee-btc-per-block", "0.05", "--json", "--store", dir.resolve("none.duckdb").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.path("btc").asDouble()).isCloseTo(569.9, within(569.9 * 0.02));
    assertThat(j.path("days").asDouble()).isEqualTo(31.0);
    assertThat(j.path("blocks_expected").asDouble()).isBetween(170.0, 190.0);
    assertThat(j.path("difficulty_harmonic_mean").asDouble()).isBetween(100e12, 112e12);
    assertThat(j.path("fee_basis").asText()).isEqualTo("fees 0.05 BTC per block (configured)");
    assertThat(j.path("per_day")).hasSize(31);
    assertThat(dir.resolve("none.duckdb")).doesNotExist(); // a constant-rate question creates no store
  }

  @Test
  void laterMonthsReadAnImportedCsvOfEpochs() throws Exception {
    Path csv = dir.resolve("epochs.csv");
    Files.writeString(csv, "height,time,difficulty\n880992,2025-01-27T10:00:00Z,110451907374649\n883008,2025-02-09T00:00:00Z,114166666768738\n");
    String store = dir.resolve("s.duckdb").toString();
    CliRun imported = CliRun.of("chain", "import", csv.toString(), "--store", store);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("2 epochs read, 2 new");

    CliRun feb = CliRun.of("production", "expected", "--hashrate", "30.4EH/s", "--month", "2025-02", "--json", "--store", store);
    JsonNode j = JSON.readTree(feb.out());
    JsonNode feb10 = j.path("per_day").get(9);
    assertThat(feb10.path("day").asText()).isEqualTo("2025-02-10");
    assertThat(feb10.path("difficulty").asLong()).isEqualTo(114166666768738L);
    assertThat(j.path("notes").toString()).contains("chain data ends with the epoch from block 883008");

    // the same through --chain-data, without a store
    CliRun direct = CliRun.of("production", "expected", "--hashrate", "30.4EH/s", "--month", "2025-02", "--json", "--chain-data", csv.toString(),
        "--store", dir.resolve("none.duckdb").toString());
    assertThat(JSON.readTree(direct.out()).path("btc")).isEqualTo(j.path("btc"));
  }

  @Test
  void aBadChainCsvRowNamesItsLineAndImportsNothing() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "height,time,difficulty\n880992,2025-01-27T10:00:00Z,110451907374649\n883008,2025-02-31,114166666768738\n");
    String store = dir.resolve("s.duckdb").toString();
    CliRun r = CliRun.of("chain", "import", csv.toString(), "--store", store);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("hashfleet chain import:").contains("bad.csv:3: bad time '2025-02-31'");
    CliRun show = CliRun.of("chain", "show", "--last", "1", "--json", "--store", store);
    assertThat(show.out()).contains("\"height\":878976").contains("bundled");
  }

  @Test
  void aBadPayoutFileNamesEveryBadLineAndImportsNothing() throws Exception {
    String store = dir.resolve("s.duckdb").toString();
    Path good = dir.resolve("good.csv");
    Files.writeString(good, "payout_id,paid_at,amount_btc,currency,pool\nfp-1,2024-12-02T01:00:00Z,18.2,BTC,Foundry USA\n");
    assertThat(CliRun.of("payouts", "import", good.toString(), "--store", store).exitCode()).isZero();

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, """
        payout_id,paid_at,amount_btc,currency,pool
        fp-2,2024-12-03T01:00:00Z,18.3,BTC,Foundry USA
        fp-3,2024-12-32T01:00:00Z,18.1,BTC,Foundry USA
        fp-4,2024-12-05T01:00:00Z,-0.5,BTC,Foundry USA
        fp-5,2024-12-06T01:00:00Z,18.0,ETH,Foundry USA
        fp-1,2024-12-07T01:00:00Z,18.0,BTC,Foundry USA
        """);
    CliRun r = CliRun.of("payouts", "import", bad.toString(), "--store", store);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv:3:").contains("bad.csv:4:").contains("bad.csv:5:").contains("bad.csv:6:")
        .contains("2024-12-32").contains("-0.5").contains("ETH").contains("fp-1");
    assertThat(r.err()).doesNotContain("bad.csv:2:");

    CliRun list = CliRun.of("payouts", "list", "--json", "--store", store);
    assertThat(list.out().lines()).hasSize(1).first().asString().contains("fp-1");
    CliRun show = CliRun.of("treasury", "book", "receipt", "--id", "r-check", "--at", "2024-12-10", "--btc", "0.00000001", "--store", store);
    assertThat(show.out()).contains("holdings now 18.20000001 BTC"); // only the good file's payout was booked
  }

  @Test
  void eachOwnersPayoutsAndTreasuryAreItsOwnAndAnIdInAnotherOwnersBooksIsRefusedByLine() throws Exception {
    String store = dir.resolve("s.duckdb").toString();
    assertThat(CliRun.of("tenants", "add", "hostco", "--name", "HostCo", "--kind", "operator", "--store", store).exitCode()).isZero();
    assertThat(CliRun.of("tenants", "add", "northwind", "--name", "Northwind", "--kind", "owner", "--store", store).exitCode()).isZero();
    assertThat(CliRun.of("tenants", "add", "bluepeak", "--name", "Bluepeak", "--kind", "owner", "--store", store).exitCode()).isZero();
    assertThat(CliRun.of("tenants", "books", "northwind", "--store", store).exitCode()).isZero();
    Path nw = dir.resolve("nw.csv");
    Files.writeString(nw, "payout_id,paid_at,amount_btc,currency\nnw-1,2024-12-02T01:00:00Z,1.5,BTC\n");
    assertThat(CliRun.of("payouts", "import", nw.toString(), "--store", store).exitCode()).isZero(); // the default books: northwind's
    Path bp = dir.resolve("bp.csv");
    Files.writeString(bp, "payout_id,paid_at,amount_btc,currency\nbp-1,2024-12-02T01:00:00Z,0.25,BTC\nbp-2,2024-12-03T01:00:00Z,0.5,BTC\n");
    CliRun imported = CliRun.of("payouts", "import", bp.toString(), "--owner", "bluepeak", "--store", store);
    assertThat(imported.out()).contains("2 payouts imported (owner bluepeak)");

    assertThat(CliRun.of("payouts", "list", "--owner", "bluepeak", "--store", store).out()).contains("bp-1", "bp-2", "total 0.75000000 BTC")
        .doesNotContain("nw-1");
    assertThat(CliRun.of("payouts", "list", "--store", store).out()).contains("nw-1", "total 1.50000000 BTC").doesNotContain("bp-");
    assertThat(CliRun.of("payouts", "list", "--owner", "northwind", "--store", store).out()).contains("nw-1").doesNotContain("bp-");
    CliRun sale = CliRun.of("treasury", "book", "sale", "--owner", "bluepeak", "--id", "bp-s1", "--at", "2024-12-04", "--btc", "1", "--usd", "95000",
        "--store", store);
    assertThat(sale.exitCode()).as("bluepeak holds 0.75 BTC; northwind's 1.5 are not its to sell").isNotZero();
    assertThat(CliRun.of("treasury", "book", "sale", "--owner", "bluepeak", "--id", "bp-s1", "--at", "2024-12-04", "--btc", "0.5", "--usd", "47500",
        "--store", store).out()).contains("holdings now 0.25000000 BTC");

    Path clash = dir.resolve("clash.csv");
    Files.writeString(clash, "payout_id,paid_at,amount_btc,currency\nbp-3,2024-12-05T01:00:00Z,0.1,BTC\nnw-1,2024-12-06T01:00:00Z,0.1,BTC\n");
    CliRun refused = CliRun.of("payouts", "import", clash.toString(), "--owner", "bluepeak", "--store", store);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("clash.csv:3: payout id 'nw-1' is already in owner northwind's books");
    assertThat(CliRun.of("payouts", "list", "--owner", "bluepeak", "--store", store).out()).doesNotContain("bp-3");

    // The monthly update for one owner reads its own books: bluepeak's 0.75 BTC paid in December, never northwind's 1.5.
    CliRun report = CliRun.of("report", "monthly", "--month", "2024-12", "--hashrate", "1EH/s", "--owner", "bluepeak", "--out",
        dir.resolve("rep-bp").toString(), "--store", store);
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("Production update 2024-12: mined 0.75 BTC").contains("held 0.25 BTC");
    CliRun whole = CliRun.of("report", "monthly", "--month", "2024-12", "--hashrate", "1EH/s", "--out", dir.resolve("rep").toString(), "--store", store);
    assertThat(whole.out()).as("without --owner: the books tenant's, as `payouts list` shows").contains("mined 1.50 BTC").contains("held 1.50 BTC");
    assertThat(CliRun.of("production", "reconcile", "--from", "2024-12-01", "--to", "2025-01-01", "--hashrate", "1EH/s", "--json", "--store", store)
        .out()).contains("\"actual_btc\" : 1.50000000");

    CliRun operator = CliRun.of("payouts", "list", "--owner", "hostco", "--store", store);
    assertThat(operator.exitCode()).isNotZero();
    assertThat(operator.err()).contains("tenant hostco is the operator");
    assertThat(CliRun.of("treasury", "show", "--owner", "nobody", "--store", store).err()).contains("no tenant 'nobody'");
  }

  @Test
  void reconcileFlagsTheDayThePoolPaidShort() throws Exception {
    String store = dir.resolve("s.duckdb").toString();
    StringBuilder csv = new StringBuilder("payout_id,paid_at,amount_btc,currency\n");
    for (int d = 2; d <= 11; d++) csv.append("p").append(d).append(",2024-12-").append(String.format("%02d", d)).append("T01:00:00Z,")
        .append(d == 6 ? "9.0" : "18.6").append(",BTC\n");
    Path file = dir.resolve("pay.csv");
    Files.writeString(file, csv);
    assertThat(CliRun.of("payouts", "import", file.toString(), "--store", store).exitCode()).isZero();
    CliRun r = CliRun.of("production", "reconcile", "--hashrate", "30.4EH/s", "--from", "2024-12-01", "--to", "2024-12-11", "--json",
        "--store", store);
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.path("actual_btc").decimalValue()).isEqualByComparingTo("176.4"); // 9 × 18.6 + 9.0
    assertThat(j.path("flagged_days").asInt()).isEqualTo(1);
    JsonNode dec5 = j.path("per_day").get(4);
    assertThat(dec5.path("day").asText()).isEqualTo("2024-12-05");
    assertThat(dec5.path("flagged").asBoolean()).isTrue();
    assertThat(dec5.path("shortfall_pct").asDouble()).isBetween(50.0, 53.0);
  }

  @Test
  void treasuryValuesHoldingsAndRefusesASaleOfCoinsNotYetHeld() throws Exception {
    String store = dir.resolve("s.duckdb").toString();
    Path pay = dir.resolve("pay.csv");
    Files.writeString(pay, "payout_id,paid_at,amount_btc,currency\na,2024-12-02T01:00:00Z,10,BTC\nb,2024-12-03T01:00:00Z,10,BTC\n");
    Path prices = dir.resolve("prices.csv");
    Files.writeString(prices, "date,price_usd\n2024-12-01,95000\n2024-12-02,96000\n2024-12-03,98000\n2024-12-04,100000\n");
    assertThat(CliRun.of("payouts", "import", pay.toString(), "--store", store).exitCode()).isZero();
    assertThat(CliRun.of("treasury", "prices", prices.toString(), "--store", store).exitCode()).isZero();

    CliRun early = CliRun.of("treasury", "book", "sale", "--id", "s1", "--at", "2024-12-02T12:00:00Z", "--btc", "15", "--usd", "1440000",
        "--store", store);
    assertThat(early.exitCode()).isEqualTo(2);
    assertThat(early.err()).contains("exceeds holdings 10.00000000 BTC");

    assertThat(CliRun.of("treasury", "book", "sale", "--id", "s1", "--at", "2024-12-04", "--btc", "5", "--usd", "500000",
        "--store", store).exitCode()).isZero();
    JsonNode v = JSON.readTree(CliRun.of("treasury", "show", "--date", "2024-12-04", "--json", "--store", store).out());
    assertThat(v.path("holdings_btc").decimalValue()).isEqualByComparingTo("15");
    assertThat(v.path("market_value_usd").decimalValue()).isEqualByComparingTo("1500000");
    // FIFO: the 5 BTC sold came from the lot booked at 96,000
    assertThat(v.path("realised_pnl_usd").decimalValue()).isEqualByComparingTo("20000");
    assertThat(v.path("unrealised_pnl_usd").decimalValue()).isEqualByComparingTo("40000"); // 1.5M - (5×96k + 10×98k)

    JsonNode sim = JSON.readTree(CliRun.of("treasury", "simulate", "--policy", "share:0.5", "--from", "2024-12-01", "--to", "2024-12-04",
        "--json", "--store", store).out());
    assertThat(sim.path("sold_btc").decimalValue()).isEqualByComparingTo("10");
    assertThat(sim.path("proceeds_usd").decimalValue()).isEqualByComparingTo("970000");
  }

  @Test
  void tranchesAndHashpriceUseTheStoredPrices() throws Exception {
    String store = dir.resolve("s.duckdb").toString();
    StringBuilder prices = new StringBuilder("date,price_usd\n");
    for (int d = 1; d <= 31; d++) prices.append(String.format("2024-12-%02d,100000%n", d));
    Path p = dir.resolve("prices.csv");
    Files.writeString(p, prices);
    assertThat(CliRun.of("treasury", "prices", p.toString(), "--store", store).exitCode()).isZero();

    JsonNode hp = JSON.readTree(CliRun.of("costs", "hashprice", "--month", "2024-12", "--json", "--store", store).out());
    double btcPerPhDay = hp.path("average_btc_per_ph_day").asDouble();
    assertThat(btcPerPhDay).isBetween(0.00055, 0.00065); // December 2024: about 0.0006 BTC per PH/s per day
    assertThat(hp.path("average_usd_per_ph_day").asDouble()).isCloseTo(btcPerPhDay * 100_000, within(0.01));
    assertThat(hp.path("breakeven").toString()).contains("\"model\":\"s19xp\"");

    Path t = dir.resolve("tranches.csv");
    Files.writeString(t, "tranche,date,hashrate,price_usd,paid_in\ncash,2024-12-01,32EH/s,256000000,cash\n");
    CliRun r = CliRun.of("costs", "tranches", t.toString(), "--as-of", "2024-12-31", "--json", "--store", store);
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode cash = JSON.readTree(r.out()).path("tranches").get(0);
    assertThat(cash.path("usd_per_th").decimalValue()).isEqualByComparingTo("8.00");
    // 31 days × 32e6 TH × (hashprice/1000 − 21.5 × 0.024 × 0.076) per TH-day
    double expected = 31 * 32e6 * (btcPerPhDay * 100_000 / 1000 - 21.5 * 0.024 * 0.076);
    assertThat(cash.path("net_earned_usd").asDouble()).isCloseTo(expected, within(expected * 0.001));
    assertThat(cash.path("payback_date").isNull()).isTrue();
  }

  @Test
  void payoutsFetchAntpoolSignsWithKeyAndSecretAndBooksEachDayForTheOwnerGiven() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.List<String> forms = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.createContext("/api/paymentHistoryV2.htm", ex -> {
      String form = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      forms.add(form);
      byte[] b = (form.contains("key=ap-key") ? """
          {"code":0,"message":"ok","data":{"page":1,"totalPage":1,"rows":[
            {"timestamp":"2024-12-02 00:00:00","fppsBlockAmount":"17.6","fppsFeeAmount":"0.9"},
            {"timestamp":"2024-12-01 00:00:00","fppsBlockAmount":"17.5","fppsFeeAmount":"1.0"}]}}"""
          : "{\"code\":1,\"message\":\"sign error\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      String store = dir.resolve("s.duckdb").toString();
      Path token = dir.resolve("antpool.token");
      Files.writeString(token, "ap-key:ap-secret\n");
      assertThat(CliRun.of("tenants", "add", "bluepeak", "--name", "Bluepeak", "--kind", "owner", "--store", store).exitCode()).isZero();
      CliRun run = CliRun.of("payouts", "fetch", "antpool", "--account", "bluepeak01", "--from", "2024-12-01", "--to", "2024-12-02", "--token-file",
          token.toString(), "--base-url", "http://127.0.0.1:" + server.getAddress().getPort(), "--owner", "bluepeak", "--store", store);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Antpool bluepeak01 2024-12-01..2024-12-02: 2 daily credits, 2 new (37.00000000 BTC), 0 already imported");
      assertThat(forms).singleElement().asString().contains("type=recv", "coin=BTC").doesNotContain("ap-secret");
      assertThat(CliRun.of("payouts", "list", "--json", "--owner", "bluepeak", "--store", store).out())
          .contains("\"payout_id\":\"antpool:bluepeak01:2024-12-01\"").contains("\"paid_at\":\"2024-12-02T00:00:00Z\"");
      assertThat(CliRun.of("payouts", "list", "--store", store).out()).as("not in the default books").contains("total 0.00000000 BTC");

      Files.writeString(token, "ap-key-without-secret");
      CliRun bad = CliRun.of("payouts", "fetch", "antpool", "--account", "bluepeak01", "--from", "2024-12-01", "--token-file", token.toString(),
          "--store", store);
      assertThat(bad.exitCode()).isNotZero();
      assertThat(bad.err()).contains("antpool's token is KEY:SECRET");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void payoutsFetchLuxorStoresEachSubaccountDayOnce() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v2/pool/revenue/BTC", ex -> {
      boolean keyOk = "key-1".equals(ex.getRequestHeaders().getFirst("authorization"));
      byte[] b = (keyOk ? """
          {"revenue":[{"date_time":"2025-01-01T00:00:00Z","revenue":{"currency_type":"BTC","revenue_type":"MINING","revenue":0.00066154}}]}"""
          : "{\"error\":{\"code\":\"invalid_request\",\"message\":\"Invalid or missing API key\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(keyOk ? 200 : 401, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      String store = dir.resolve("s.duckdb").toString();
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      Path key = dir.resolve("luxor.key");
      Files.writeString(key, "key-1\n");
      String[] fetch = {"payouts", "fetch", "luxor", "--account", "site_a", "--from", "2025-01-01", "--to", "2025-01-01", "--token-file", key.toString(),
          "--base-url", url, "--store", store};
      CliRun first = CliRun.of(fetch);
      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(first.out()).contains("Luxor site_a 2025-01-01..2025-01-01: 1 daily credits, 1 new (0.00066154 BTC), 0 already imported");
      assertThat(CliRun.of(fetch).out()).contains("1 daily credits, 0 new (0.00000000 BTC), 1 already imported");
      assertThat(CliRun.of("payouts", "list", "--json", "--store", store).out())
          .contains("\"payout_id\":\"luxor:site_a:2025-01-01\"").contains("\"paid_at\":\"2025-01-02T00:00:00Z\"");

      // Another owner's fetch of the same subaccount day: ids are unique across the store, so it is refused by name.
      assertThat(CliRun.of("tenants", "add", "bluepeak", "--name", "Bluepeak", "--kind", "owner", "--store", store).exitCode()).isZero();
      String[] theirs = java.util.stream.Stream.concat(java.util.Arrays.stream(fetch), java.util.stream.Stream.of("--owner", "bluepeak"))
          .toArray(String[]::new);
      CliRun clash = CliRun.of(theirs);
      assertThat(clash.exitCode()).isNotZero();
      assertThat(clash.err()).contains("luxor:site_a:2025-01-01 (in the default books)").contains("nothing imported");
      assertThat(CliRun.of("payouts", "list", "--owner", "bluepeak", "--store", store).out()).contains("total 0.00000000 BTC");

      Files.writeString(key, "stale");
      CliRun refused = CliRun.of(fetch);
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.err()).contains("Luxor: the API key was refused (HTTP 401): Invalid or missing API key");

      CliRun noAccount = CliRun.of("payouts", "fetch", "f2pool", "--from", "2025-01-01", "--token-file", key.toString(), "--store", store);
      assertThat(noAccount.exitCode()).isEqualTo(2);
      assertThat(noAccount.err()).contains("f2pool needs --account (the mining account name)");
    } finally {
      server.stop(0);
    }
  }
}
