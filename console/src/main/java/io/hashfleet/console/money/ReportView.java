package io.hashfleet.console.money;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.Principal;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.cost.HostingContracts;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.report.MonthlyReport;
import io.hashfleet.money.report.MonthlyReportBuilder;
import io.hashfleet.money.report.Peers;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monthly production report as a principal may see it. The operator's people get the whole
 * fleet; an owner's people get the report built from their tenant's miners alone. Payouts,
 * holdings and their value are read from the owner's own books ({@link Accounts#booksFor}); the
 * operator, and an owner the store keeps no books for, get them as null, with a note saying why.
 */
public final class ReportView {
  /**
   * How long a built report is served again. Building one reads a month of hourly rollups per site
   * (seconds on a large fleet), while what it summarises moves by minutes; a page, its download
   * links and a colleague opening the same month share one build.
   */
  static final Duration KEEP = Duration.ofMinutes(1);

  static final String OPERATOR_NOTE = "payouts, treasury holdings and their value are the books of the owner whose coins these are:"
      + " not shown to the operator";

  /** What the CLI's report command reads from files: hosting contracts, and peers' published months. */
  public record Settings(HostingContracts contracts, List<Peers.Row> peers) {
    public static Settings none() {
      return new Settings(new HostingContracts(List.of()), List.of());
    }
  }

  /** What a report depends on besides the month: whose miners (null: all) and whose books (null: none). */
  private record Key(String owner, Books books, YearMonth month) {}

  private record Kept(Instant at, CompletableFuture<MonthlyReport> report) {}

  private final FleetStore store;
  private final Accounts accounts;
  private final ChainHistory chain;
  private final ModelCatalog catalog;
  private final FeeAssumption fees;
  private final Settings settings;
  private final Clock clock;
  private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

  public ReportView(FleetStore store, Accounts accounts, ChainHistory chain, ModelCatalog catalog, FeeAssumption fees, Settings settings,
      Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.chain = chain;
    this.catalog = catalog;
    this.fees = fees;
    this.settings = settings;
    this.clock = clock;
  }

  /** The month as the API returns it. */
  public ReportPage page(Principal who, YearMonth month) {
    Key key = key(who, month);
    return ReportPage.of(report(who, key), key.owner() == null ? "fleet" : "owner", who.tenant().id(), key.books() != null);
  }

  /** The month as the report writers (Markdown, CSV) take it. */
  public MonthlyReport report(Principal who, YearMonth month) {
    return report(who, key(who, month));
  }

  /** The month that ended last (UTC): what the page shows first. */
  public YearMonth lastComplete() {
    return YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC)).minusMonths(1);
  }

  private Key key(Principal who, YearMonth month) {
    return new Key(who.ownerTenant(), accounts.booksFor(who).orElse(null), month);
  }

  /**
   * The kept report, or one built now on the caller's thread. Callers asking for the same key while
   * it is built wait for that build instead of starting their own; other keys and other requests
   * are not held up (the store reads on a connection of their own).
   */
  private MonthlyReport report(Principal who, Key key) {
    Instant now = clock.instant();
    kept.values().removeIf(k -> k.report().isDone() && !fresh(k, now));
    CompletableFuture<MonthlyReport> mine = new CompletableFuture<>();
    Kept k = kept.compute(key, (x, old) -> old != null && fresh(old, now) ? old : new Kept(now, mine));
    if (k.report() == mine) {
      try {
        mine.complete(build(who, key, now));
      } catch (RuntimeException e) {
        kept.remove(key, k); // the next request tries again
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return k.report().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  private static boolean fresh(Kept k, Instant now) {
    return k.at().plus(KEEP).isAfter(now);
  }

  private MonthlyReport build(Principal who, Key key, Instant now) {
    MonthlyReportBuilder b = new MonthlyReportBuilder(store, chain, catalog).fees(fees).contracts(settings.contracts()).peers(settings.peers())
        .payoutLagDays(MoneyView.PAYOUT_LAG_DAYS).company(who.tenant().name()).asOf(now);
    if (key.owner() != null) b.owner(key.owner());
    if (key.books() != null) b.books(key.books());
    else {
      b.withoutBooks(key.owner() == null ? OPERATOR_NOTE
          : "this store keeps no books for " + key.owner() + ": payouts, treasury holdings and their value are not shown");
    }
    return b.build(key.month());
  }
}
