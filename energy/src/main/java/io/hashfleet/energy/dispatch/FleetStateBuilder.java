package io.hashfleet.energy.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects machines one by one into the parallel arrays a {@link FleetState} holds. */
public final class FleetStateBuilder {
  private String[] ids;
  private int[] site;
  private float[] jth;
  private int[] watts;
  private boolean[] running;
  private boolean[] available;
  private long[] changed;
  private int[] minWatts;
  private int[] target;
  private final List<String> sites = new ArrayList<>();
  private int n;

  public FleetStateBuilder(int expected) {
    int c = Math.max(16, expected);
    ids = new String[c];
    site = new int[c];
    jth = new float[c];
    watts = new int[c];
    running = new boolean[c];
    available = new boolean[c];
    changed = new long[c];
    minWatts = new int[c];
    target = new int[c];
  }

  /**
   * @param siteName null for a miner with no site
   * @param available whether it obeys commands (see {@link FleetState})
   */
  public FleetStateBuilder add(String id, String siteName, float joulesPerTh, int runningWatts, boolean isRunning, boolean isAvailable,
      long changedAtSecond) {
    return add(id, siteName, joulesPerTh, runningWatts, isRunning, isAvailable, changedAtSecond, 0, 0);
  }

  /**
   * @param runningWatts nominal draw at full power
   * @param minWattsOrZero the lowest power target it may be given; 0 when its firmware takes none
   * @param targetWattsOrZero the power target in force; 0 when none
   */
  public FleetStateBuilder add(String id, String siteName, float joulesPerTh, int runningWatts, boolean isRunning, boolean isAvailable,
      long changedAtSecond, int minWattsOrZero, int targetWattsOrZero) {
    if (n == ids.length) grow();
    String s = siteName == null ? "(no site)" : siteName;
    int idx = sites.indexOf(s);
    if (idx < 0) {
      sites.add(s);
      idx = sites.size() - 1;
    }
    ids[n] = id;
    site[n] = idx;
    jth[n] = joulesPerTh;
    watts[n] = runningWatts;
    running[n] = isRunning;
    available[n] = isAvailable;
    changed[n] = changedAtSecond;
    minWatts[n] = minWattsOrZero;
    target[n] = targetWattsOrZero;
    n++;
    return this;
  }

  public FleetState build() {
    return new FleetState(Arrays.copyOf(ids, n), Arrays.copyOf(site, n), sites, Arrays.copyOf(jth, n), Arrays.copyOf(watts, n),
        Arrays.copyOf(running, n), Arrays.copyOf(available, n), Arrays.copyOf(changed, n), Arrays.copyOf(minWatts, n), Arrays.copyOf(target, n));
  }

  private void grow() {
    int c = ids.length * 2;
    ids = Arrays.copyOf(ids, c);
    site = Arrays.copyOf(site, c);
    jth = Arrays.copyOf(jth, c);
    watts = Arrays.copyOf(watts, c);
    running = Arrays.copyOf(running, c);
    available = Arrays.copyOf(available, c);
    changed = Arrays.copyOf(changed, c);
    minWatts = Arrays.copyOf(minWatts, c);
    target = Arrays.copyOf(target, c);
  }
}
