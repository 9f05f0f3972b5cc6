package io.hashfleet.energy.execution;

import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.store.LatestReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks accepted commands against telemetry: a sleep counts once a poll after it shows no
 * hashrate and a standby draw; a wake once a poll shows hashrate again (which takes a boot of
 * minutes). Each verdict is appended to the trail, so "MW confirmed" is a fact with a timestamp.
 */
public final class Confirmation {
  /** Above this a "sleeping" miner is still drawing real power: fans and boards are up. */
  public static final long SLEEP_WATTS_MAX = 100;

  /** The outcome of one check. */
  public record Result(long confirmedSleepWatts, int confirmed, int pending, int unconfirmed) {}

  private Confirmation() {}

  /**
   * @param latest the latest reading of a miner by address, or null when never polled
   * @param giveUpAfter a command still unconfirmed this long after it was accepted is marked
   *     unconfirmed (a wake needs a boot; give it minutes)
   */
  public static Result check(AuditTrail trail, Function<String, LatestReading> latest, Instant now, Duration giveUpAfter) {
    Map<String, EnergyAction> last = trail.lastAcceptedByMiner();
    List<EnergyAction> verdicts = new ArrayList<>();
    long sleepWatts = 0;
    int confirmed = 0;
    int pending = 0;
    int unconfirmed = 0;
    for (EnergyAction a : last.values()) {
      if (a.outcome() != EnergyAction.Outcome.ACCEPTED) continue; // already confirmed
      LatestReading r = latest.apply(a.address());
      boolean after = r != null && r.at().isAfter(a.at());
      boolean hashing = r != null && r.answered() && r.hashrate() != null && !r.hashrate().isZero();
      Long watts = r == null || r.power() == null ? null : r.power().watts();
      boolean ok = after && (a.command() == EnergyAction.Command.SLEEP
          ? r.answered() && !hashing && (watts == null || watts <= SLEEP_WATTS_MAX)
          : hashing);
      if (ok) {
        confirmed++;
        if (a.command() == EnergyAction.Command.SLEEP) sleepWatts += a.plannedWatts();
        verdicts.add(new EnergyAction(now, a.eventId(), a.site(), a.address(), a.command(), a.plannedWatts(), a.attempt(),
            EnergyAction.Outcome.CONFIRMED, a.command() == EnergyAction.Command.WAKE ? "hashing again"
                // stock Antminer firmware reports no power: the trail says the draw was not seen
                : watts == null ? "no hashrate; this firmware reports no power" : "no hashrate, standby draw", watts));
      } else if (Duration.between(a.at(), now).compareTo(giveUpAfter) > 0) {
        unconfirmed++;
        verdicts.add(new EnergyAction(now, a.eventId(), a.site(), a.address(), a.command(), a.plannedWatts(), a.attempt(),
            EnergyAction.Outcome.UNCONFIRMED, r == null ? "never polled since" : "telemetry still shows " + (hashing ? "hashing" : "no hashrate")
                + (watts == null ? "" : " at " + watts + " W"), watts));
      } else {
        pending++;
      }
    }
    trail.append(verdicts);
    return new Result(sleepWatts, confirmed, pending, unconfirmed);
  }
}
