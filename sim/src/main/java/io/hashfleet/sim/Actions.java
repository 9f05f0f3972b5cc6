package io.hashfleet.sim;

/**
 * What a command that reached one miner may change: its power and its login state. Made per
 * request, like {@link Telemetry}, so firmware stays stateless.
 */
record Actions(FleetState fleet, int index, long nowMillis) {
  /** @return false when the miner was already asleep or winding down */
  boolean sleep() {
    return fleet.power.sleep(index, nowMillis);
  }

  /** @return false when the miner was already hashing or booting */
  boolean wake() {
    return fleet.power.wake(index, nowMillis);
  }

  /** Saves and applies a power target given as a share of the unit's normal draw. */
  void powerTarget(double share) {
    fleet.power.target(index, share, nowMillis);
  }

  boolean toldToSleep() {
    return fleet.power.toldToSleep(index);
  }

  Logins logins() {
    return fleet.logins;
  }
}
