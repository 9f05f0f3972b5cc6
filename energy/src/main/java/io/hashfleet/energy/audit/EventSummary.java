package io.hashfleet.energy.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an event asked for and what was done about it, from the trail: MW planned (commands sent),
 * accepted and confirmed by telemetry, refusals and failures, and a per-site timeline in one-minute
 * steps of how much was curtailed (asleep, or removed by power targets).
 *
 * <p>A power-target row carries what the target removes against the machine's nominal draw, so
 * a miner turned down twice counts once: the timeline moves by the change from that miner's
 * previous target, and MW planned, accepted and confirmed add only the increases.
 */
public record EventSummary(EnergyEvent event, int commands, double plannedMw, double acceptedMw, double confirmedMw, int refused, int failed,
    Instant firstCommand, Instant lastConfirmation, List<TimelinePoint> timeline) {

  /** At {@code at}, the MW this event's commands had curtailed at {@code site} (accepted, not yet woken or restored). */
  public record TimelinePoint(Instant at, String site, double asleepMw, double confirmedMw) {}

  public static EventSummary of(EnergyEvent event, List<EnergyAction> actions) {
    double planned = 0;
    double accepted = 0;
    double confirmed = 0;
    int commands = 0;
    int refused = 0;
    int failed = 0;
    Instant first = null;
    Instant lastConfirm = null;
    // Per site and minute: change in MW asleep (accepted) and in MW confirmed asleep.
    Map<String, TreeMap<Instant, double[]>> steps = new TreeMap<>();
    Map<String, Double> targetShed = new HashMap<>(); // per miner, MW its accepted target removes
    Map<String, Double> targetConfirmed = new HashMap<>();
    for (EnergyAction a : actions) {
      double mw = a.plannedWatts() / 1e6;
      boolean sleep = a.command() == EnergyAction.Command.SLEEP;
      if (a.command() == EnergyAction.Command.POWER_TARGET) {
        // As a sleep of the change against this miner's previous target (negative: a raise).
        Map<String, Double> seen = a.outcome() == EnergyAction.Outcome.CONFIRMED ? targetConfirmed : targetShed;
        double change = mw - seen.getOrDefault(a.address(), 0.0);
        if (a.outcome() == EnergyAction.Outcome.ACCEPTED || a.outcome() == EnergyAction.Outcome.CONFIRMED) seen.put(a.address(), mw);
        mw = Math.abs(change);
        sleep = change > 0;
      }
      Instant minute = a.at().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      double[] d = steps.computeIfAbsent(a.site() == null ? "" : a.site(), k -> new TreeMap<>()).computeIfAbsent(minute, k -> new double[2]);
      switch (a.outcome()) {
        case ACCEPTED -> {
          commands++;
          if (first == null) first = a.at();
          if (sleep) {
            planned += mw;
            accepted += mw;
          }
          d[0] += sleep ? mw : -mw;
        }
        case CONFIRMED -> {
          if (sleep) confirmed += mw;
          d[1] += sleep ? mw : -mw;
          lastConfirm = a.at();
        }
        case REFUSED -> {
          refused++;
          if (sleep) planned += mw;
        }
        case FAILED -> failed++;
        case UNCONFIRMED -> { }
      }
    }
    List<TimelinePoint> timeline = new ArrayList<>();
    steps.forEach((site, byMinute) -> {
      double asleep = 0;
      double conf = 0;
      for (var e : byMinute.entrySet()) {
        asleep += e.getValue()[0];
        conf += e.getValue()[1];
        timeline.add(new TimelinePoint(e.getKey(), site, round(asleep), round(conf)));
      }
    });
    timeline.sort((x, y) -> x.at().compareTo(y.at()));
    return new EventSummary(event, commands, round(planned), round(accepted), round(confirmed), refused, failed, first, lastConfirm, timeline);
  }

  /** Seconds from the call to the last confirmation, when there was one. */
  public Duration callToConfirmed() {
    return lastConfirmation == null ? null : Duration.between(event.receivedAt(), lastConfirmation);
  }

  private static double round(double mw) {
    return Math.round(mw * 1000) / 1000.0;
  }
}
