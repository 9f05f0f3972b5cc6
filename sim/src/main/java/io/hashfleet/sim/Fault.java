package io.hashfleet.sim;

/**
 * What can be wrong with a virtual miner. Network-level faults change how the connection behaves;
 * hardware faults change what the replies say, so a poller sees them exactly as on real firmware.
 */
public enum Fault {
  /** The port refuses: the connection is reset at once, like a powered-off or unplugged unit. */
  OFFLINE,
  /** Accepts and reads the request, never replies; holds the connection until the client gives up. */
  HUNG,
  /** Replies correctly, one byte every ~200 ms: exercises client read deadlines. */
  SLOW,
  /** Replies with random non-JSON bytes, sometimes over 1 MB, sometimes invalid UTF-8. */
  GARBAGE,
  /** One hashboard lost: 0 chips, 0 rate, empty chip-status string. */
  DEAD_BOARD,
  /** Chip temperatures above 95 °C. */
  OVERHEAT,
  /** One fan reports 0 rpm. */
  FAN_FAIL,
  /** Every pool is dead, so the unit hashes nothing. */
  POOL_DOWN;

  /** Whether the fault shows in the connection's behaviour rather than in the reply's content. */
  public boolean network() {
    return this == OFFLINE || this == HUNG || this == SLOW || this == GARBAGE;
  }
}
