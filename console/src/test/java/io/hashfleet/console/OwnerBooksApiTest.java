package io.hashfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.console.demo.DemoAccounts;
import io.hashfleet.domain.Btc;
import io.hashfleet.money.payout.Payout;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.money.treasury.Sale;
import io.hashfleet.money.treasury.TreasuryStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fixture's store with books for both owners (V9): northwind keeps the default books (it is the
 * books tenant), bluepeak its own two payouts and a sale. Each owner's people see their own books
 * and never the other's; the operator sees none.
 */
class OwnerBooksApiTest {
  static final long BP_SATS = 7_654_321L;
  static final long BP_SOLD = 1_111_111L;
  static ConsoleFixture fx;
  static String month;
  static ApiClient northwind;
  static ApiClient bluepeak;
  static ApiClient ops;

  @BeforeAll
  static void start() {
    fx = new ConsoleFixture();
    month = YearMonth.from(fx.now.atZone(ZoneOffset.UTC)).toString();
    Books bp = fx.accounts.booksOf(DemoAccounts.OWNER_B);
    assertThat(bp.includesDefault()).as("bluepeak is not the books tenant").isFalse();
    LocalDate today = LocalDate.ofInstant(fx.now, ZoneOffset.UTC);
    new PayoutStore(fx.store, bp).importAll(List.of(
        new Payout("bp-2", today.minusDays(2).atStartOfDay(ZoneOffset.UTC).plusHours(2).toInstant(), Btc.ofSats(BP_SATS), "Luxor"),
        new Payout("bp-1", today.minusDays(1).atStartOfDay(ZoneOffset.UTC).plusHours(2).toInstant(), Btc.ofSats(BP_SATS), "Luxor")), "bluepeak.csv");
    new TreasuryStore(fx.store, bp).append(new Sale("bp-sale", today.minusDays(1).atStartOfDay(ZoneOffset.UTC).plusHours(6).toInstant(),
        Btc.ofSats(BP_SOLD), new BigDecimal("1088.89"), Btc.ZERO));
    northwind = ApiClient.loggedIn(fx.base(), "northwind", "northwind-demo");
    bluepeak = ApiClient.loggedIn(fx.base(), "bluepeak", "bluepeak-demo");
    ops = ApiClient.loggedIn(fx.base(), "ops", "hostco-ops-demo");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void each_owner_sees_its_own_treasury_and_the_operator_none() {
    JsonNode b = bluepeak.get("/api/treasury").json();
    assertThat(b.get("holdings_sats").asLong()).isEqualTo(2 * BP_SATS - BP_SOLD);
    assertThat(b.get("latest_entries").findValuesAsText("id")).containsExactly("bp-sale", "payout:bp-1", "payout:bp-2");
    assertThat(b.toString()).doesNotContain("fpps-").doesNotContain(Long.toString(ConsoleFixture.PAYOUT_SATS));

    JsonNode a = northwind.get("/api/treasury").json();
    assertThat(a.get("holdings_sats").asLong()).isEqualTo(3 * ConsoleFixture.PAYOUT_SATS);
    assertThat(a.toString()).doesNotContain("bp-").doesNotContain(Long.toString(BP_SATS));

    assertThat(ops.get("/api/treasury").status()).as("the operator hosts the machines, not the coins").isEqualTo(404);
  }

  @Test
  void each_owners_production_pairs_its_hashrate_with_its_own_payouts() {
    JsonNode b = bluepeak.get("/api/production").json();
    assertThat(b.get("books").asBoolean()).isTrue();
    assertThat(b.get("actual_sats").isNull()).isFalse();
    // Both payouts (paid the 2 days before today at 02:00, for the day before each) fall in this month from the 4th on.
    if (fx.now.atZone(ZoneOffset.UTC).getDayOfMonth() > 3) assertThat(b.get("actual_sats").asLong()).isEqualTo(2 * BP_SATS);
    assertThat(b.toString()).doesNotContain(Long.toString(ConsoleFixture.PAYOUT_SATS));
    JsonNode a = northwind.get("/api/production").json();
    assertThat(a.get("books").asBoolean()).isTrue();
    assertThat(a.toString()).doesNotContain(Long.toString(BP_SATS));
    JsonNode o = ops.get("/api/production").json();
    assertThat(o.get("books").asBoolean()).isFalse();
    assertThat(o.get("actual_sats").isNull()).isTrue();
  }

  @Test
  void each_owners_report_reads_its_own_books() {
    JsonNode b = report(bluepeak);
    assertThat(b.get("books").asBoolean()).isTrue();
    assertThat(b.get("holdings_sats").asLong()).isEqualTo(2 * BP_SATS - BP_SOLD);
    assertThat(b.toString()).doesNotContain(Long.toString(ConsoleFixture.PAYOUT_SATS));
    JsonNode a = report(northwind);
    assertThat(a.get("books").asBoolean()).isTrue();
    assertThat(a.get("holdings_sats").asLong() % ConsoleFixture.PAYOUT_SATS).isZero();
    assertThat(a.toString()).doesNotContain(Long.toString(BP_SATS)).doesNotContain(Long.toString(2 * BP_SATS - BP_SOLD));
    JsonNode o = report(ops);
    assertThat(o.get("books").asBoolean()).isFalse();
    assertThat(o.get("holdings_sats").isNull()).isTrue();
    assertThat(o.toString()).doesNotContain(Long.toString(BP_SATS));
  }

  private static JsonNode report(ApiClient who) {
    ApiClient.Reply r = who.get("/api/reports/monthly?month=" + month);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }
}
