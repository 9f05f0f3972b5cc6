package io.hashfleet.energy.dispatch;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the dispatcher knows about every machine, as parallel arrays: at 350,000 machines a
 * decision per price interval must take well under a second, and arrays of primitives keep the
 * whole fleet in a few megabytes the CPU can stream through.
 *
 * <p>Index i is one machine everywhere. {@code order} lists the indices from least to most
 * efficient (highest J/TH first), the order machines are switched off in.
 *
 * <p>{@code watts} is a machine's nominal draw (full power). A machine whose firmware takes a
 * power target has a {@code minWatts} above zero (the lowest target the dispatcher may set) and,
 * when one is in force, a {@code targetWatts} below nominal; zero means "no target: nominal".
 */
public final class FleetState {
  private final String[] ids;
  private final int[] site;
  private final List<String> siteNames;
  private final float[] joulesPerTh;
  private final int[] watts;
  private final boolean[] running;
  private final boolean[] available;
  private final long[] changedAtSecond;
  private final int[] minWatts;
  private final int[] targetWatts;
  private final int[] order;

  /** A fleet where every machine answers its API (running or asleep). */
  public FleetState(String[] ids, int[] site, List<String> siteNames, float[] joulesPerTh, int[] watts, boolean[] running, long[] changedAtSecond) {
    this(ids, site, siteNames, joulesPerTh, watts, running, filled(ids.length), changedAtSecond);
  }

  /**
   * @param available whether the machine answers its API: one that does not (offline, broken) can
   *     neither be slept nor woken, and the dispatcher leaves it out
   */
  public FleetState(String[] ids, int[] site, List<String> siteNames, float[] joulesPerTh, int[] watts, boolean[] running, boolean[] available,
      long[] changedAtSecond) {
    this(ids, site, siteNames, joulesPerTh, watts, running, available, changedAtSecond, new int[ids.length], new int[ids.length]);
  }

  /**
   * @param minWatts per machine, the lowest power target it may be given; 0 when its firmware takes
   *     none (it can only sleep or run at nominal)
   * @param targetWatts per machine, the power target in force; 0 when none (nominal)
   */
  public FleetState(String[] ids, int[] site, List<String> siteNames, float[] joulesPerTh, int[] watts, boolean[] running, boolean[] available,
      long[] changedAtSecond, int[] minWatts, int[] targetWatts) {
    int n = ids.length;
    if (site.length != n || joulesPerTh.length != n || watts.length != n || running.length != n || available.length != n
        || changedAtSecond.length != n || minWatts.length != n || targetWatts.length != n) {
      throw new IllegalArgumentException("fleet arrays differ in length");
    }
    this.ids = ids;
    this.site = site;
    this.siteNames = List.copyOf(siteNames);
    this.joulesPerTh = joulesPerTh;
    this.watts = watts;
    this.running = running;
    this.available = available;
    this.changedAtSecond = changedAtSecond;
    this.minWatts = minWatts;
    this.targetWatts = targetWatts;
    this.order = leastEfficientFirst(joulesPerTh);
  }

  private static boolean[] filled(int n) {
    boolean[] b = new boolean[n];
    Arrays.fill(b, true);
    return b;
  }

  private static int[] leastEfficientFirst(float[] jth) {
    // Sort indices by J/TH descending: pack (J/TH bits, index) into longs and sort primitives,
    // far cheaper than boxing 350,000 Integers for a comparator.
    long[] keys = new long[jth.length];
    for (int i = 0; i < jth.length; i++) keys[i] = ((long) Float.floatToIntBits(jth[i]) << 32) | i;
    Arrays.sort(keys);
    int[] out = new int[jth.length];
    for (int i = 0; i < jth.length; i++) out[i] = (int) keys[jth.length - 1 - i];
    return out;
  }

  public int size() {
    return ids.length;
  }

  public String id(int i) {
    return ids[i];
  }

  public int site(int i) {
    return site[i];
  }

  public List<String> siteNames() {
    return siteNames;
  }

  public int siteIndex(String name) {
    int i = siteNames.indexOf(Objects.requireNonNull(name));
    if (i < 0) throw new IllegalArgumentException("unknown site '" + name + "' (sites: " + String.join(", ", siteNames) + ")");
    return i;
  }

  public float joulesPerTh(int i) {
    return joulesPerTh[i];
  }

  /** Nominal draw when hashing at full power. */
  public int watts(int i) {
    return watts[i];
  }

  /** The lowest power target this machine may be given; 0 when it takes none. */
  public int minWatts(int i) {
    return minWatts[i];
  }

  /** Whether the machine's firmware takes a power target below its nominal draw. */
  public boolean takesTargets(int i) {
    return minWatts[i] > 0 && minWatts[i] < watts[i];
  }

  /** The power target in force; 0 when none (nominal). */
  public int targetWatts(int i) {
    return targetWatts[i];
  }

  /** What the machine draws while it hashes: its target when one is in force, else nominal. */
  public int runningWatts(int i) {
    return targetWatts[i] > 0 ? targetWatts[i] : watts[i];
  }

  public boolean running(int i) {
    return running[i];
  }

  public boolean available(int i) {
    return available[i];
  }

  public long changedAtSecond(int i) {
    return changedAtSecond[i];
  }

  /** Indices from least to most efficient. */
  public int[] order() {
    return order;
  }

  /** Watts drawn now per site. */
  public long[] loadBySite() {
    long[] load = new long[siteNames.size()];
    for (int i = 0; i < ids.length; i++) if (running[i]) load[site[i]] += runningWatts(i);
    return load;
  }

  /** Records that the plan was carried out, so the next decision sees the new states. */
  public void apply(CurtailmentPlan plan, Instant at) {
    for (int i : plan.sleep()) {
      running[i] = false;
      changedAtSecond[i] = at.getEpochSecond();
    }
    for (int i : plan.wake()) {
      running[i] = true;
      changedAtSecond[i] = at.getEpochSecond();
    }
    // A target is not an on/off change: the minimum on/off clock keeps running.
    int[] t = plan.target();
    for (int k = 0; k < t.length; k++) targetWatts[t[k]] = plan.targetWatts()[k] >= watts[t[k]] ? 0 : plan.targetWatts()[k];
  }
}
