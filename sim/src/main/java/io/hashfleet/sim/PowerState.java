package io.hashfleet.sim;

/** Where a virtual miner is in its sleep/wake cycle, as a test can check it. */
public enum PowerState {
  /** Mining at its full rate: never told to sleep, or awake again after a boot. */
  HASHING,
  /** Told to sleep: hashrate and draw falling towards standby. */
  WINDING_DOWN,
  /** Hashboards off: no hashrate, about 15 W for the control board. */
  SLEEPING,
  /** Told to wake: booting and finding its chips, drawing little and hashing nothing. */
  BOOTING,
  /** Booted: hashrate and draw climbing to nominal. */
  RAMPING_UP
}
