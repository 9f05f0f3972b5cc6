package io.hashfleet.energy.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * What to do now: which machines to put to sleep, which to wake, which to give a power target,
 * and what each site will draw afterwards. Built by {@link DispatchPlanner}; carried out by the
 * executor, or only printed in a dry run.
 *
 * @param sleep machine indices to sleep, least efficient first
 * @param wake machine indices to wake, most efficient first
 * @param target machine indices to give a power target (parallel to {@code targetWatts}); a target
 *     equal to the machine's nominal draw returns it to full power
 * @param targetWatts the target for each entry of {@code target}
 * @param plannedWatts per site, the load once the plan is carried out, targets included
 * @param reasons one line per site saying what drove its decision
 */
public record CurtailmentPlan(Instant at, int[] sleep, int[] wake, int[] target, int[] targetWatts, long[] plannedWatts, long[] limitWatts,
    List<String> reasons, boolean dryRun) {
  public CurtailmentPlan {
    if (target.length != targetWatts.length) throw new IllegalArgumentException("target and targetWatts differ in length");
  }

  /** A plan of sleeps and wakes only. */
  public CurtailmentPlan(Instant at, int[] sleep, int[] wake, long[] plannedWatts, long[] limitWatts, List<String> reasons, boolean dryRun) {
    this(at, sleep, wake, new int[0], new int[0], plannedWatts, limitWatts, reasons, dryRun);
  }

  /** What the sleeps remove: each machine's draw now (its target when it has one). */
  public long sleepWatts(FleetState fleet) {
    long w = 0;
    for (int i : sleep) w += fleet.runningWatts(i);
    return w;
  }

  /** What the wakes add: each machine's draw once awake, at its new target when the plan sets one. */
  public long wakeWatts(FleetState fleet) {
    long w = 0;
    boolean[] waking = new boolean[fleet.size()];
    for (int i : wake) {
      w += fleet.runningWatts(i);
      waking[i] = true;
    }
    for (int k = 0; k < target.length; k++) if (waking[target[k]]) w += targetWatts[k] - fleet.runningWatts(target[k]);
    return w;
  }

  /** Net watts the targets remove from running machines (negative when returns to full power dominate). */
  public long targetShedWatts(FleetState fleet) {
    long w = 0;
    for (int k = 0; k < target.length; k++) if (fleet.running(target[k])) w += fleet.runningWatts(target[k]) - targetWatts[k];
    return w;
  }

  /** How many targets turn a machine down (the rest return machines toward full power). */
  public int turnedDown(FleetState fleet) {
    int n = 0;
    for (int k = 0; k < target.length; k++) if (targetWatts[k] < fleet.runningWatts(target[k])) n++;
    return n;
  }
}
