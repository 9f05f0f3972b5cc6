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
 */
final class PowerBook {
  /** The control board and PSU of a sleeping miner. */
  static final double STANDBY_WATTS = 15;
  /** Share of nominal draw while booting: fans at full speed and hashboards being probed. */
  static final double BOOT_SHARE = 0.04;

  private final long sleepMs;
  private final long bootMs;
  private final long rampMs;
  private final ConcurrentHashMap<Integer, Plan> plans = new ConcurrentHashMap<>();

  /**
   * @param restartMs when the mining software last restarted (a wake), or -1 if it never did
   */
  private record Plan(boolean asleep, long sinceMs, double fromFactor, long restartMs) {}

  PowerBook(Duration sleepTime, Duration bootTime) {
    this.sleepMs = sleepTime.toMillis();
    this.bootMs = bootTime.toMillis();
    this.rampMs = bootMs / 6;
  }

  /** Tells the miner to sleep; false when it was already asleep or winding down. */
  boolean sleep(int index, long nowMs) {
    boolean[] changed = {false};
    plans.compute(index, (k, p) -> {
      if (p != null && p.asleep()) return p;
      changed[0] = true;
      return new Plan(true, nowMs, levelOf(p, nowMs).hashFactor(), p == null ? -1 : p.restartMs());
    });
    return changed[0];
  }

  /** Tells the miner to wake; false when it was hashing, booting or ramping up already. */
  boolean wake(int index, long nowMs) {
    boolean[] changed = {false};
    plans.compute(index, (k, p) -> {
      if (p == null || !p.asleep()) return p;
      changed[0] = true;
      return new Plan(false, nowMs, 0, nowMs);
    });
    return changed[0];
  }

  /** Whether the last command was sleep, whatever the ramp has reached: what firmware reports as its mode. */
  boolean toldToSleep(int index) {
    if (plans.isEmpty()) return false;
    Plan p = plans.get(index);
    return p != null && p.asleep();
  }

  PowerLevel at(int index, long nowMs) {
    return plans.isEmpty() ? PowerLevel.FULL : levelOf(plans.get(index), nowMs);
  }

  private PowerLevel levelOf(Plan p, long nowMs) {
    if (p == null) return PowerLevel.FULL;
    long dt = Math.max(0, nowMs - p.sinceMs());
    if (p.asleep()) {
      if (dt >= sleepMs) return new PowerLevel(PowerState.SLEEPING, 0, p.restartMs());
      return new PowerLevel(PowerState.WINDING_DOWN, p.fromFactor() * (1 - (double) dt / sleepMs), p.restartMs());
    }
    if (dt < bootMs) return new PowerLevel(PowerState.BOOTING, 0, p.restartMs());
    if (dt < bootMs + rampMs) return new PowerLevel(PowerState.RAMPING_UP, (double) (dt - bootMs) / rampMs, p.restartMs());
    return new PowerLevel(PowerState.HASHING, 1, p.restartMs());
  }

  /**
   * A miner's power at one instant.
   *
   * @param hashFactor share of its normal hashrate, 0 to 1
   * @param restartMs when its mining software last restarted, or -1 for never (uptime counts from boot)
   */
  record PowerLevel(PowerState state, double hashFactor, long restartMs) {
    static final PowerLevel FULL = new PowerLevel(PowerState.HASHING, 1, -1);

    /** The draw in this state, given what the miner draws when hashing normally. */
    double watts(double hashingWatts) {
      double boot = STANDBY_WATTS + BOOT_SHARE * hashingWatts;
      return switch (state) {
        case HASHING -> hashingWatts;
        case WINDING_DOWN -> STANDBY_WATTS + (hashingWatts - STANDBY_WATTS) * hashFactor;
        case SLEEPING -> STANDBY_WATTS;
        case BOOTING -> boot;
        case RAMPING_UP -> boot + (hashingWatts - boot) * hashFactor;
      };
    }
  }
}
