package io.hashfleet.energy.execution;

import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.dispatch.PartialPower;
import io.hashfleet.store.LatestReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Checks accepted commands against telemetry: a sleep counts once a poll after it shows no
 * hashrate and a standby draw; a wake once a poll shows hashrate again (which takes a boot of
 * minutes); a power target once a poll shows the miner hashing at no more than the target (plus
 * {@link #targetToleranceWatts}), and a return to nominal once its draw is back near nominal.
 * Each verdict is appended to the trail, so "MW confirmed" is a fact with a timestamp.
 */
public final class Confirmation {
  /** Above this a "sleeping" miner is still drawing real power: fans and boards are up. */
  public static final long SLEEP_WATTS_MAX = 100;

  /**
   * Without a power reading, a target counts when hashrate has fallen to no more than this
   * multiple of what the power curve expects at the target: hashrate readings swing by a few
   * percent from one poll to the next.
   */
  public static final double HASHRATE_SLACK = 1.10;

  /** The outcome of one check; {@code confirmedTargetWatts} is what confirmed turn-downs remove against nominal. */
  public record Result(long confirmedSleepWatts, int confirmed, int pending, int unconfirmed, long confirmedTargetWatts) {
    public Result(long confirmedSleepWatts, int confirmed, int pending, int unconfirmed) {
      this(confirmedSleepWatts, confirmed, pending, unconfirmed, 0);
    }
  }

  private Confirmation() {}

  /** A power target is met at up to 5% + 50 W over it: firmware regulates around the target, and meters differ. */
  public static long targetToleranceWatts(long targetWatts) {
    return targetWatts / 20 + 50;
  }

  /** As {@link #check(AuditTrail, Function, Instant, Duration, ToDoubleFunction)} with no nominal hashrates known. */
  public static Result check(AuditTrail trail, Function<String, LatestReading> latest, Instant now, Duration giveUpAfter) {
    return check(trail, latest, now, giveUpAfter, address -> Double.NaN);
  }

  /**
   * @param latest the latest reading of a miner by address, or null when never polled
   * @param giveUpAfter a command still unconfirmed this long after it was accepted is marked
   *     unconfirmed (a wake needs a boot; give it minutes)
   * @param nominalThs a miner's nominal TH/s by address (NaN when unknown): how a target is checked
   *     on firmware that reports no power
   */
  public static Result check(AuditTrail trail, Function<String, LatestReading> latest, Instant now, Duration giveUpAfter,
      ToDoubleFunction<String> nominalThs) {
    Map<String, EnergyAction> last = trail.lastAcceptedByMiner();
    List<EnergyAction> verdicts = new ArrayList<>();
    long sleepWatts = 0;
    long targetWatts = 0;
    int confirmed = 0;
    int pending = 0;
    int unconfirmed = 0;
    for (EnergyAction a : last.values()) {
      if (a.outcome() != EnergyAction.Outcome.ACCEPTED) continue; // already confirmed
      LatestReading r = latest.apply(a.address());
      boolean after = r != null && r.at().isAfter(a.at());
      boolean hashing = r != null && r.answered() && r.hashrate() != null && !r.hashrate().isZero();
      Long watts = r == null || r.power() == null ? null : r.power().watts();
      String why = after ? verdict(a, r, hashing, watts, nominalThs.applyAsDouble(a.address())) : null;
      if (why != null) {
        confirmed++;
        if (a.command() == EnergyAction.Command.SLEEP) sleepWatts += a.plannedWatts();
        if (a.command() == EnergyAction.Command.POWER_TARGET) targetWatts += a.plannedWatts();
        verdicts.add(a.verdict(now, EnergyAction.Outcome.CONFIRMED, why, watts));
      } else if (Duration.between(a.at(), now).compareTo(giveUpAfter) > 0) {
        unconfirmed++;
        verdicts.add(a.verdict(now, EnergyAction.Outcome.UNCONFIRMED, r == null ? "never polled since" : "telemetry still shows "
            + (hashing ? "hashing" : "no hashrate") + (watts == null ? "" : " at " + watts + " W"), watts));
      } else {
        pending++;
      }
    }
    trail.append(verdicts);
    return new Result(sleepWatts, confirmed, pending, unconfirmed, targetWatts);
  }

  /** Why the reading confirms the command, or null when it does not (yet). */
  private static String verdict(EnergyAction a, LatestReading r, boolean hashing, Long watts, double nominalThs) {
    return switch (a.command()) {
      case SLEEP -> r.answered() && !hashing && (watts == null || watts <= SLEEP_WATTS_MAX)
          // stock Antminer firmware reports no power: the trail says the draw was not seen
          ? watts == null ? "no hashrate; this firmware reports no power" : "no hashrate, standby draw" : null;
      case WAKE -> hashing ? "hashing again" : null;
      case POWER_TARGET -> hashing ? targetVerdict(a, r, watts, nominalThs) : null;
    };
  }

  private static String targetVerdict(EnergyAction a, LatestReading r, Long watts, double nominalThs) {
    long target = a.targetWatts();
    if (watts != null && a.plannedWatts() == 0) {
      // back to nominal: the draw must have come up, not merely stayed under the limit
      return watts >= target - targetToleranceWatts(target) ? "hashing at " + watts + " W, back at nominal " + target + " W" : null;
    }
    if (watts != null) return watts <= target + targetToleranceWatts(target) ? "hashing at " + watts + " W, target " + target + " W" : null;
    if (a.plannedWatts() == 0) return "hashing; this firmware reports no power"; // back to nominal: nothing to compare with
    if (Double.isNaN(nominalThs)) return null; // nothing to judge by: it stays pending, then unconfirmed
    // The draw is not seen: judge by hashrate against the power curve at the target's share.
    long nominalWatts = target + a.plannedWatts();
    double expected = nominalThs * PartialPower.hashShare((double) target / nominalWatts);
    double ths = r.hashrate().ths();
    return ths <= expected * HASHRATE_SLACK
        ? String.format("hashrate %.1f TH/s, expected about %.1f at the target; this firmware reports no power", ths, expected) : null;
  }
}
