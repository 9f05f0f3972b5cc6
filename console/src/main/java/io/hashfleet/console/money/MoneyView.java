package io.hashfleet.console.money;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.Principal;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.payout.Payout;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.payout.Reconciliation;
import io.hashfleet.money.production.DayProduction;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.ProductionEstimate;
import io.hashfleet.money.production.TelemetryHashrate;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.money.treasury.LedgerEntry;
import io.hashfleet.money.treasury.TreasuryStore;
import io.hashfleet.money.treasury.Valuation;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Production and treasury as a principal may see them. Expected production comes from the measured
 * hashrate of what the principal sees (an owner: its own machines). Payouts and the ledger are kept
 * per owner (see {@link Accounts#booksFor}); an owner's people see its own books and no one else's.
 */
public final class MoneyView {
  /** FPPS pools pay a day's earnings the next day. */
  static final int PAYOUT_LAG_DAYS = 1;
  static final BigDecimal FLAG_PCT = BigDecimal.valueOf(5);

  private final FleetStore store;
  private final Accounts accounts;
  private final ExpectedProduction production;
  private final FeeAssumption fees;
  private final Clock clock;

  public MoneyView(FleetStore store, Accounts accounts, ChainHistory chain, FeeAssumption fees, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.production = new ExpectedProduction(chain);
    this.fees = fees;
    this.clock = clock;
  }

  /**
   * One day: expected from telemetry, actual from payouts (null when the principal has no books here).
   *
   * @param shortfallPct (expected - actual) / expected in %, null without payouts or expectation
   */
  public record Day(LocalDate day, long expectedSats, Long actualSats, BigDecimal shortfallPct, boolean flagged, long hashrateMhs) {}

  /** @param books whether payouts are shown: the principal's tenant keeps its books in this store */
  public record ProductionMonth(YearMonth month, boolean books, long expectedSats, Long actualSats, BigDecimal shortfallPct, long flaggedDays,
      String feeBasis, List<String> notes, List<Day> days) {}

  public ProductionMonth production(Principal who, YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = end.isAfter(clock.instant()) ? clock.instant() : end;
    if (!to.isAfter(from)) throw new IllegalArgumentException("month " + month + " has not started yet");
    Scope scope = who.ownerTenant() == null ? Scope.fleet() : Scope.owner(who.ownerTenant());
    ProductionEstimate expected = production.estimate(TelemetryHashrate.intervals(store, scope, from, to), from, to, fees);
    Optional<Books> books = accounts.booksFor(who);
    if (books.isEmpty()) {
      List<Day> days = expected.days().stream().map(d -> new Day(d.day(), d.total().sats(), null, null, false, d.averageHashrate().mhs())).toList();
      return new ProductionMonth(month, false, expected.total().sats(), null, null, 0, expected.feeBasis(), expected.notes(), days);
    }
    List<Payout> payouts = new PayoutStore(store, books.get()).between(from.plus(Duration.ofDays(PAYOUT_LAG_DAYS)), to.plus(Duration.ofDays(PAYOUT_LAG_DAYS)));
    Reconciliation r = Reconciliation.of(expected.days(), payouts, PAYOUT_LAG_DAYS, FLAG_PCT);
    Map<LocalDate, DayProduction> byDay = new HashMap<>();
    for (DayProduction d : expected.days()) byDay.put(d.day(), d);
    List<Day> days = new ArrayList<>();
    for (Reconciliation.Day d : r.days()) {
      DayProduction e = byDay.get(d.day());
      days.add(new Day(d.day(), d.expected().sats(), d.actual().sats(), d.shortfallPct(), d.flagged(), e == null ? 0 : e.averageHashrate().mhs()));
    }
    return new ProductionMonth(month, true, r.expected().sats(), r.actual().sats(), r.shortfallPct(), r.flaggedDays(), expected.feeBasis(),
        expected.notes(), days);
  }

  /** A ledger line as the treasury page lists it. */
  public record EntryRow(String id, Instant at, String kind, long changeSats, String description) {}

  public record Treasury(LocalDate date, long holdingsSats, BigDecimal usdPerBtc, BigDecimal marketValue, BigDecimal costBasis,
      BigDecimal realisedPnl, BigDecimal unrealisedPnl, List<EntryRow> latestEntries) {}

  /** The treasury on {@code date}; empty unless the principal's tenant keeps its books in this store. */
  public Optional<Treasury> treasury(Principal who, LocalDate date) {
    Optional<Books> books = accounts.booksFor(who);
    if (books.isEmpty()) return Optional.empty();
    TreasuryStore t = new TreasuryStore(store, books.get());
    var ledger = t.ledger();
    var prices = t.prices();
    if (prices.isEmpty()) throw new IllegalArgumentException("no BTC prices in the store: import them with `hashfleet treasury prices FILE.csv`");
    Valuation v = Valuation.of(ledger, prices, date);
    List<LedgerEntry> entries = ledger.entriesUntil(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
    List<EntryRow> latest = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0 && latest.size() < 50; i--) latest.add(row(entries.get(i)));
    return Optional.of(new Treasury(date, v.holdings().sats(), v.usdPerBtc(), v.marketValue(), v.costBasis(), v.realisedPnl(), v.unrealisedPnl(),
        latest));
  }

  private static EntryRow row(LedgerEntry e) {
    return new EntryRow(e.id(), e.at(), e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), e.change().sats(), e.describe());
  }
}
