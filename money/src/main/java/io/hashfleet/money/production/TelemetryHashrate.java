package io.hashfleet.money.production;

import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import io.hashfleet.store.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured hashrate of a scope as intervals, from the store's rollups: hourly buckets for
 * the fleet, a site or a model, five-minute buckets for one miner. A bucket with no samples is a
 * gap and earns nothing.
 */
public final class TelemetryHashrate {
  public static final Duration GROUP_BUCKET = Duration.ofHours(1);
  public static final Duration MINER_BUCKET = Duration.ofMinutes(5);

  private TelemetryHashrate() {}

  public static List<HashrateInterval> intervals(FleetStore store, Scope scope, Instant from, Instant to) {
    Duration bucket = scope instanceof Scope.Miner ? MINER_BUCKET : GROUP_BUCKET;
    List<HashrateInterval> out = new ArrayList<>();
    for (SeriesPoint p : store.hashrateSeries(scope, from, to, bucket)) {
      Instant start = p.start().isBefore(from) ? from : p.start();
      Instant end = p.start().plus(bucket).isAfter(to) ? to : p.start().plus(bucket);
      if (end.isAfter(start)) out.add(new HashrateInterval(start, end, p.hashrate()));
    }
    return out;
  }
}
