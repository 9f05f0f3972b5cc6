package io.hashfleet.money.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The difficulty in force at any moment, and the chain height at any moment, from a list of
 * epochs.
 *
 * <p>Heights between two epoch starts are interpolated linearly in time: exact at every epoch
 * start and off by at most a few blocks inside, which only matters for placing a halving, and
 * there a few blocks are a few minutes out of four years. After the last known epoch the chain is
 * assumed to continue at one block per 600 s at the last difficulty; {@link #knownUntil()} says
 * where that assumption starts, and outputs that go past it say so.
 */
public final class ChainHistory {
  static final Duration TARGET_SPACING = Duration.ofSeconds(600);
  static final int EPOCH_BLOCKS = 2016;

  private final List<DifficultyEpoch> epochs;

  private ChainHistory(List<DifficultyEpoch> sorted) {
    this.epochs = sorted;
  }

  /**
   * History from epochs in any order; a later source in the list wins at the same height, so
   * bundled data can be overlaid by a node, an API or a CSV.
   */
  public static ChainHistory of(List<DifficultyEpoch> epochs) {
    Map<Integer, DifficultyEpoch> byHeight = new TreeMap<>();
    for (DifficultyEpoch e : epochs) byHeight.put(e.height(), e);
    List<DifficultyEpoch> sorted = new ArrayList<>(byHeight.values());
    if (sorted.isEmpty()) throw new IllegalArgumentException("no chain data: at least one difficulty epoch is needed");
    for (int i = 1; i < sorted.size(); i++) {
      DifficultyEpoch prev = sorted.get(i - 1);
      DifficultyEpoch cur = sorted.get(i);
      if (!cur.start().isAfter(prev.start())) {
        throw new IllegalArgumentException("chain data out of order: block " + cur.height() + " (" + cur.source() + ") at "
            + cur.start() + " is not after block " + prev.height() + " (" + prev.source() + ") at " + prev.start());
      }
    }
    return new ChainHistory(List.copyOf(sorted));
  }

  /** The bundled mainnet history. */
  public static ChainHistory bundled() {
    return of(BundledCheckpoints.mainnet());
  }

  /** This history overlaid with {@code more} (which wins at equal heights). */
  public ChainHistory with(List<DifficultyEpoch> more) {
    List<DifficultyEpoch> all = new ArrayList<>(epochs);
    all.addAll(more);
    return of(all);
  }

  public List<DifficultyEpoch> epochs() {
    return epochs;
  }

  public DifficultyEpoch first() {
    return epochs.getFirst();
  }

  public DifficultyEpoch last() {
    return epochs.getLast();
  }

  /**
   * Where data ends: the last epoch's start plus the time its 2,016 blocks take at the target
   * spacing. Later moments use the last difficulty as an assumption.
   */
  public Instant knownUntil() {
    return last().start().plus(TARGET_SPACING.multipliedBy(EPOCH_BLOCKS));
  }

  /** The epoch in force at {@code t}; before the first known epoch is an error. */
  public DifficultyEpoch epochAt(Instant t) {
    int i = indexAt(t);
    if (i < 0) throw new IllegalArgumentException("no chain data before " + first().start() + " (block " + first().height() + "); asked for " + t);
    return epochs.get(i);
  }

  /** The chain height at {@code t}, interpolated between epoch starts (fractional). */
  public double heightAt(Instant t) {
    epochAt(t); // fails clearly before the first epoch
    int i = indexAt(t);
    DifficultyEpoch e = epochs.get(i);
    double sinceStart = seconds(e.start(), t);
    if (i + 1 < epochs.size()) {
      DifficultyEpoch next = epochs.get(i + 1);
      return e.height() + (next.height() - e.height()) * sinceStart / seconds(e.start(), next.start());
    }
    return e.height() + sinceStart / TARGET_SPACING.toSeconds();
  }

  /** The moment the chain reaches {@code height}, the inverse of {@link #heightAt}. */
  public Instant timeOfHeight(long height) {
    int i = 0;
    while (i + 1 < epochs.size() && epochs.get(i + 1).height() <= height) i++;
    DifficultyEpoch e = epochs.get(i);
    if (height < e.height()) throw new IllegalArgumentException("no chain data before block " + e.height());
    double seconds;
    if (i + 1 < epochs.size()) {
      DifficultyEpoch next = epochs.get(i + 1);
      seconds = (height - e.height()) * seconds(e.start(), next.start()) / (next.height() - e.height());
    } else {
      seconds = (double) (height - e.height()) * TARGET_SPACING.toSeconds();
    }
    return e.start().plusMillis(Math.round(seconds * 1000));
  }

  /** Epoch starts strictly inside (from, to), in order: the moments the difficulty changes. */
  public List<Instant> changesBetween(Instant from, Instant to) {
    List<Instant> out = new ArrayList<>();
    for (DifficultyEpoch e : epochs) {
      if (e.start().isAfter(from) && e.start().isBefore(to)) out.add(e.start());
    }
    return out;
  }

  private int indexAt(Instant t) {
    int lo = 0;
    int hi = epochs.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (!epochs.get(mid).start().isAfter(t)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private static double seconds(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }
}
