package io.hashfleet.console.fleet;

import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.ProductionEstimate;
import io.hashfleet.money.production.TelemetryHashrate;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expected BTC today and this month (UTC) from the measured hashrate of a scope, as the money
 * module computes it. Kept for a minute per scope: integrating a month of rollups is far dearer
 * than the overview it sits in, and the answer moves by a few satoshis a minute.
 */
public final class ProductionFigures {
  private static final Duration KEEP = Duration.ofMinutes(1);

  /** @param feeBasis how fees were counted, shown beside the figure */
  public record Figures(Instant at, long satsToday, long satsMonth, String feeBasis) {}

  private record Cached(Instant at, Figures figures) {}

  private final FleetStore store;
  private final ExpectedProduction production;
  private final FeeAssumption fees;
  private final Clock clock;
  private final Map<Scope, Cached> cache = new ConcurrentHashMap<>();

  public ProductionFigures(FleetStore store, ChainHistory chain, FeeAssumption fees, Clock clock) {
    this.store = store;
    this.production = new ExpectedProduction(chain);
    this.fees = fees;
    this.clock = clock;
  }

  public Figures figures(Scope scope) {
    Instant now = clock.instant();
    Cached c = cache.get(scope);
    if (c != null && c.at().plus(KEEP).isAfter(now)) return c.figures();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant dayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (!now.isAfter(monthStart)) return new Figures(now, 0, 0, fees.describe());
    ProductionEstimate month = production.estimate(TelemetryHashrate.intervals(store, scope, monthStart, now), monthStart, now, fees);
    long todaySats = month.days().stream().filter(d -> d.day().equals(today)).mapToLong(d -> d.total().sats()).sum();
    Figures f = new Figures(now, todaySats, month.total().sats(), month.feeBasis());
    cache.put(scope, new Cached(now, f));
    return f;
  }
}
