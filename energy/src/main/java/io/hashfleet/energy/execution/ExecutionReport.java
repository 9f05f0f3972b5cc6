package io.hashfleet.energy.execution;

import java.time.Duration;
import java.util.List;

/**
 * How carrying out a plan went.
 *
 * @param plannedSleepWatts per site, the draw the plan's sleeps and turn-downs remove (a turn-down
 *     counts what it removes from the machine's present draw)
 * @param acceptedSleepWatts per site, the same for commands the firmware accepted (planned until
 *     telemetry confirms it)
 * @param refused miners whose firmware said no to a sleep or wake, with why
 * @param failed miners still unreachable after every attempt, with the last error
 * @param refusedTargets miners whose firmware said no to a power target, with why: they can still
 *     be slept, and the controller plans them as machines without targets from then on
 */
public record ExecutionReport(int orders, int accepted, long[] plannedSleepWatts, long[] acceptedSleepWatts, List<String> refused, List<String> failed,
    int attempts, Duration elapsed, List<String> refusedTargets) {
  public ExecutionReport(int orders, int accepted, long[] plannedSleepWatts, long[] acceptedSleepWatts, List<String> refused, List<String> failed,
      int attempts, Duration elapsed) {
    this(orders, accepted, plannedSleepWatts, acceptedSleepWatts, refused, failed, attempts, elapsed, List.of());
  }
}
