package io.hashfleet.sim;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each miner was last told about power, kept only for miners that were told something: most
 * of a large fleet never is, so the sparse map costs nothing until commands arrive.
 *
 * <p>The timeline of a command is computed when read, like every other figure of the sim. Sleep
 * starts from the level the miner had when told (a miner still ramping up winds down from there).
 * Commands are idempotent: sleeping a sleeping miner, or waking one that is awake or booting,
 * leaves its timeline alone, as firmware does.
 *
 * <p>A power target (Braiins OS) is a kind of running state: the tuner moves the draw from where it
 * was to the target and holds it there. It takes the sleep time to get there, the pace at which
 * the firmware winds hashboards down: it switches to a profile it has tuned before (retuning from
 * scratch takes far longer on real units, and is not modelled). It is kept as a share of the unit's own
 * normal hashing draw, so that the draw lands on the target whatever the unit's bin. Firmware saves
 * the target, so it outlives a sleep: a miner told a target while asleep stays asleep, and a wake
 * boots and ramps to the last target (to its normal draw when it never had one).
 */
final class PowerBook {
  /** The control board and PSU of a sleeping miner. */
  static final double STANDBY_WATTS = 15;
  /** Share of nominal draw while booting: fans at full speed and hashboards being probed. */
  static final double BOOT_SHARE = 0.04;
  private final long sleepMs;
  private final long bootMs;
  private final long rampMs;
  private final long settleMs;
  private final ConcurrentHashMap<Integer, Plan> plans = new ConcurrentHashMap<>();

  private enum Kind { SLEEP, WAKE, TARGET }

  /**
   * @param sinceMs when the command arrived
   * @param fromLevel SLEEP: how far up the miner was (1 hashing, less while ramping)
   * @param fromShare SLEEP: the draw share it winds down from; TARGET: the share it settles from
   * @param targetShare the saved power target as a share of normal draw, 1 when there is none
   * @param restartMs when the mining software last restarted (a wake), or -1 if it never did
   */
  private record Plan(Kind kind, long sinceMs, double fromLevel, double fromShare, double targetShare, long restartMs) {}

  PowerBook(Duration sleepTime, Duration bootTime) {
    this.sleepMs = sleepTime.toMillis();
    this.bootMs = bootTime.toMillis();
    this.rampMs = bootMs / 6;
    this.settleMs = sleepMs;
  }

  /**
   * The sim's efficiency curve: the share of normal hashrate a unit makes at {@code powerShare} of
   * its normal draw, assuming draw grows as hashrate to the power 1.5 (so hashrate = share^(2/3)).
   * That is an assumption, not a measurement: chips run at lower voltage when clocked down, so J/TH
   * improves modestly below stock (about 16% better at 60% of the draw) and worsens a little above it
   * (about 3% worse at 110%), in line with the few-to-fifteen percent gains tuned firmware advertises.
   */
  static double hashShare(double powerShare) {
    return powerShare == 1 ? 1 : Math.cbrt(powerShare * powerShare);
  }

  /** Tells the miner to sleep; false when it was already asleep or winding down. */
  boolean sleep(int index, long nowMs) {
    boolean[] changed = {false};
    plans.compute(index, (k, p) -> {
      if (p != null && p.kind() == Kind.SLEEP) return p;
      changed[0] = true;
      PowerLevel now = levelOf(p, nowMs);
      return new Plan(Kind.SLEEP, nowMs, now.level(), now.powerShare(), targetOf(p), p == null ? -1 : p.restartMs());
    });
    return changed[0];
  }

  /** Tells the miner to wake; false when it was hashing, booting or ramping up already. */
  boolean wake(int index, long nowMs) {
    boolean[] changed = {false};
    plans.compute(index, (k, p) -> {
      if (p == null || p.kind() != Kind.SLEEP) return p;
      changed[0] = true;
      return new Plan(Kind.WAKE, nowMs, 0, 0, p.targetShare(), nowMs);
    });
    return changed[0];
  }

  /**
   * Saves a power target, as a share of the unit's normal hashing draw, and puts it in force: a
   * hashing miner settles to it from where it is, a booting or ramping one ramps to it, a sleeping
   * one keeps it for its wake.
   */
  void target(int index, double share, long nowMs) {
    if (!(share > 0)) throw new IllegalArgumentException("power share must be positive, got " + share);
    plans.compute(index, (k, p) -> {
      if (p == null) return new Plan(Kind.TARGET, nowMs, 1, 1, share, -1);
      return switch (p.kind()) {
        case SLEEP -> new Plan(Kind.SLEEP, p.sinceMs(), p.fromLevel(), p.fromShare(), share, p.restartMs());
        case WAKE -> {
          PowerLevel now = levelOf(p, nowMs);
          // still booting or ramping: the ramp heads for the new target instead
          if (now.state() != PowerState.HASHING) yield new Plan(Kind.WAKE, p.sinceMs(), 0, 0, share, p.restartMs());
          yield new Plan(Kind.TARGET, nowMs, 1, now.powerShare(), share, p.restartMs());
        }
        case TARGET -> new Plan(Kind.TARGET, nowMs, 1, levelOf(p, nowMs).powerShare(), share, p.restartMs());
      };
    });
  }

  /** The saved power target as a share of normal draw, or 1 when the miner was never given one. */
  double targetShare(int index) {
    if (plans.isEmpty()) return 1;
    return targetOf(plans.get(index));
  }

  /** Whether the last command was sleep, whatever the ramp has reached: what firmware reports as its mode. */
  boolean toldToSleep(int index) {
    if (plans.isEmpty()) return false;
    Plan p = plans.get(index);
    return p != null && p.kind() == Kind.SLEEP;
  }

  PowerLevel at(int index, long nowMs) {
    return plans.isEmpty() ? PowerLevel.FULL : levelOf(plans.get(index), nowMs);
  }

  private static double targetOf(Plan p) {
    return p == null ? 1 : p.targetShare();
  }

  private PowerLevel levelOf(Plan p, long nowMs) {
    if (p == null) return PowerLevel.FULL;
    long dt = Math.max(0, nowMs - p.sinceMs());
    return switch (p.kind()) {
      case SLEEP -> dt >= sleepMs
          ? new PowerLevel(PowerState.SLEEPING, 0, p.fromShare(), p.restartMs())
          : new PowerLevel(PowerState.WINDING_DOWN, p.fromLevel() * (1 - (double) dt / sleepMs), p.fromShare(), p.restartMs());
      case WAKE -> {
        if (dt < bootMs) yield new PowerLevel(PowerState.BOOTING, 0, p.targetShare(), p.restartMs());
        if (dt < bootMs + rampMs) yield new PowerLevel(PowerState.RAMPING_UP, (double) (dt - bootMs) / rampMs, p.targetShare(), p.restartMs());
        yield new PowerLevel(PowerState.HASHING, 1, p.targetShare(), p.restartMs());
      }
      case TARGET -> {
        double x = dt >= settleMs ? 1 : (double) dt / settleMs;
        yield new PowerLevel(PowerState.HASHING, 1, p.fromShare() + (p.targetShare() - p.fromShare()) * x, p.restartMs());
      }
    };
  }

  /**
   * A miner's power at one instant.
   *
   * @param level how far up its hashboards are: 1 hashing, 0 asleep or booting, between while
   *     winding down or ramping up
   * @param powerShare the draw its hashboards run at when fully up, as a share of its normal
   *     hashing draw: 1 without a power target
   * @param restartMs when its mining software last restarted, or -1 for never (uptime counts from boot)
   */
  record PowerLevel(PowerState state, double level, double powerShare, long restartMs) {
    static final PowerLevel FULL = new PowerLevel(PowerState.HASHING, 1, 1, -1);

    /** Share of its normal hashrate, 0 to about 1.07. */
    double hashFactor() {
      return level * hashShare(powerShare);
    }

    /** The draw in this state, given what the miner draws when hashing normally. */
    double watts(double hashingWatts) {
      double boot = STANDBY_WATTS + BOOT_SHARE * hashingWatts;
      double up = hashingWatts * powerShare;
      return switch (state) {
        case HASHING -> up;
        case WINDING_DOWN -> STANDBY_WATTS + (up - STANDBY_WATTS) * level;
        case SLEEPING -> STANDBY_WATTS;
        case BOOTING -> boot;
        case RAMPING_UP -> boot + (up - boot) * level;
      };
    }
  }
}
