package io.hashfleet.energy.execution;

import java.time.Duration;
import java.util.List;

/**
 * How carrying out a plan went.
 *
 * @param acceptedSleepWatts per site, the draw of machines that accepted sleep (planned until
 *     telemetry confirms it)
 * @param refused miners whose firmware said no, with why
 * @param failed miners still unreachable after every attempt, with the last error
 */
public record ExecutionReport(int orders, int accepted, long[] plannedSleepWatts, long[] acceptedSleepWatts, List<String> refused, List<String> failed,
    int attempts, Duration elapsed) {}
