package io.hashfleet.energy.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * What to do now: which machines to put to sleep and which to wake, and what each site will draw
 * afterwards. Built by {@link DispatchPlanner}; carried out by the executor, or only printed in a
 * dry run.
 *
 * @param sleep machine indices to sleep, least efficient first
 * @param wake machine indices to wake, most efficient first
 * @param plannedWatts per site, the load once the plan is carried out
 * @param reasons one line per site saying what drove its decision
 */
public record CurtailmentPlan(Instant at, int[] sleep, int[] wake, long[] plannedWatts, long[] limitWatts, List<String> reasons, boolean dryRun) {
  public long sleepWatts(FleetState fleet) {
    long w = 0;
    for (int i : sleep) w += fleet.watts(i);
    return w;
  }

  public long wakeWatts(FleetState fleet) {
    long w = 0;
    for (int i : wake) w += fleet.watts(i);
    return w;
  }
}
