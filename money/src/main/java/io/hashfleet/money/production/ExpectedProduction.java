package io.hashfleet.money.production;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.chain.DifficultyEpoch;
import io.hashfleet.money.chain.Subsidy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a hashrate should have earned: BTC = Σ H·Δt / (D·2^32) × (subsidy + fees).
 *
 * <p>The period is cut wherever anything in the formula changes (a hashrate interval, a
 * difficulty epoch, a halving, a UTC day), so inside each piece H, D and the reward are constant
 * and the sum is exact. Gaps between hashrate intervals count as zero: a machine with no telemetry
 * is not assumed to have mined.
 */
public final class ExpectedProduction {
  /** Hashes per unit of difficulty, as in the usual formula (the exact figure is 2^48/65535, 1.5e-5 higher). */
  static final double HASHES_PER_DIFFICULTY = 4_294_967_296.0;

  private final ChainHistory chain;

  public ExpectedProduction(ChainHistory chain) {
    this.chain = chain;
  }

  public ProductionEstimate constant(Hashrate hashrate, Instant from, Instant to, FeeAssumption fees) {
    return estimate(List.of(new HashrateInterval(from, to, hashrate)), from, to, fees);
  }

  /** Expected production of {@code intervals} (sorted or not, never overlapping) inside [from, to). */
  public ProductionEstimate estimate(List<HashrateInterval> intervals, Instant from, Instant to, FeeAssumption fees) {
    if (!to.isAfter(from)) throw new IllegalArgumentException("the period must end after it starts: " + from + " to " + to);
    chain.epochAt(from); // no data before the first epoch is an error, not a zero
    List<HashrateInterval> sorted = new ArrayList<>(intervals);
    sorted.sort((a, b) -> a.from().compareTo(b.from()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
        throw new IllegalArgumentException("hashrate intervals overlap at " + sorted.get(i).from());
      }
    }
    TreeSet<Instant> cuts = cutPoints(from, to);
    for (HashrateInterval iv : sorted) {
      cuts.add(iv.from());
      cuts.add(iv.to());
    }
    TreeMap<LocalDate, DayTotals> days = new TreeMap<>();
    // Σ Δt / D over the whole period, for the harmonic-mean difficulty, independent of hashrate.
    for (Instant t0 = from; t0.isBefore(to); ) {
      Instant t1 = cuts.higher(t0);
      double dt = seconds(t0, t1);
      DayTotals day = days.computeIfAbsent(utcDay(t0), d -> new DayTotals());
      day.seconds += dt;
      day.secondsOverDifficulty += dt / chain.epochAt(t0).difficulty();
      t0 = t1;
    }
    for (HashrateInterval iv : sorted) {
      Instant start = max(iv.from(), from);
      Instant end = min(iv.to(), to);
      if (!end.isAfter(start) || iv.hashrate().isZero()) continue;
      for (Instant t0 = start; t0.isBefore(end); ) {
        Instant t1 = min(cuts.higher(t0), end);
        accumulate(days.get(utcDay(t0)), iv.hashrate(), t0, t1, fees);
        t0 = t1;
      }
    }
    return summarise(from, to, days, fees);
  }

  private void accumulate(DayTotals day, Hashrate h, Instant t0, Instant t1, FeeAssumption fees) {
    double dt = seconds(t0, t1);
    DifficultyEpoch epoch = chain.epochAt(t0);
    double blocks = h.hashesPerSecond() * dt / (epoch.difficulty() * HASHES_PER_DIFFICULTY);
    Instant mid = t0.plusNanos(Duration.between(t0, t1).toNanos() / 2);
    Btc subsidy = Subsidy.atHeight((long) Math.floor(chain.heightAt(mid)));
    Btc fee = fees.feesPerBlock(mid, subsidy);
    day.blocks += blocks;
    day.subsidySats += blocks * subsidy.sats();
    day.feeSats += blocks * fee.sats();
    day.hashSecondsMhs += (double) h.mhs() * dt;
  }

  private ProductionEstimate summarise(Instant from, Instant to, TreeMap<LocalDate, DayTotals> days, FeeAssumption fees) {
    List<DayProduction> out = new ArrayList<>();
    // Days are rounded on the running totals, so they add up to exactly the period's satoshis.
    Cumulative subsidy = new Cumulative();
    Cumulative fee = new Cumulative();
    double blocks = 0;
    double seconds = 0;
    double secondsOverD = 0;
    double hashSeconds = 0;
    for (var e : days.entrySet()) {
      DayTotals d = e.getValue();
      Btc s = subsidy.add(d.subsidySats);
      Btc f = fee.add(d.feeSats);
      out.add(new DayProduction(e.getKey(), d.blocks, s, f, s.plus(f), Hashrate.ofMhs(d.hashSecondsMhs / d.seconds),
          d.seconds / d.secondsOverDifficulty));
      blocks += d.blocks;
      seconds += d.seconds;
      secondsOverD += d.secondsOverDifficulty;
      hashSeconds += d.hashSecondsMhs;
    }
    List<String> notes = new ArrayList<>();
    notes.add(fees.describe());
    if (to.isAfter(chain.knownUntil())) {
      DifficultyEpoch last = chain.last();
      notes.add(String.format("chain data ends with the epoch from block %d (%s); difficulty %.4g is assumed after %s",
          last.height(), last.start(), last.difficulty(), chain.knownUntil()));
    }
    return new ProductionEstimate(from, to, Hashrate.ofMhs(hashSeconds / seconds), blocks, subsidy.total(), fee.total(),
        subsidy.total().plus(fee.total()), seconds / secondsOverD, fees.describe(), List.copyOf(out), List.copyOf(notes));
  }

  /** Day boundaries, epoch starts and halvings inside the period, plus its ends. */
  private TreeSet<Instant> cutPoints(Instant from, Instant to) {
    TreeSet<Instant> cuts = new TreeSet<>();
    cuts.add(from);
    cuts.add(to);
    for (Instant day = utcDay(from).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); day.isBefore(to);
        day = day.plus(Duration.ofDays(1))) {
      cuts.add(day);
    }
    cuts.addAll(chain.changesBetween(from, to));
    for (long h = Subsidy.nextHalving((long) Math.floor(chain.heightAt(from))); ; h += Subsidy.HALVING_INTERVAL) {
      Instant at = chain.timeOfHeight(h);
      if (!at.isBefore(to)) break;
      cuts.add(at);
    }
    return cuts;
  }

  private static LocalDate utcDay(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static double seconds(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static final class DayTotals {
    double seconds;
    double secondsOverDifficulty;
    double blocks;
    double subsidySats;
    double feeSats;
    double hashSecondsMhs;
  }

  /** Rounds a running sum to whole satoshis and hands out the increments. */
  private static final class Cumulative {
    private double sum;
    private long handedOut;

    Btc add(double sats) {
      sum += sats;
      long now = Math.round(sum);
      long step = now - handedOut;
      handedOut = now;
      return Btc.ofSats(step);
    }

    Btc total() {
      return Btc.ofSats(handedOut);
    }
  }
}
