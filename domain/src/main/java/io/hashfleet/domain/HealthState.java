package io.hashfleet.domain;

/** How a miner is doing this cycle, most severe first; a miner's health is its most severe problem. */
public enum HealthState {
  OFFLINE("offline"),
  OVERHEAT("overheat"),
  DEAD_BOARD("dead_board"),
  FAN_FAILURE("fan_failure"),
  NO_POOL("no_pool"),
  LOW_HASHRATE("low_hashrate"),
  HIGH_REJECTS("high_rejects"),
  /** Asleep on purpose (curtailed for power price or demand response): no hashrate at standby draw. Not a fault, never an alert. */
  CURTAILED("curtailed"),
  OK("ok");

  private final String code;

  HealthState(String code) {
    this.code = code;
  }

  /** Stable lower-case name used in JSON, the store and the CLI. */
  public String code() {
    return code;
  }

  public static HealthState fromCode(String code) {
    for (HealthState s : values()) if (s.code.equals(code)) return s;
    throw new IllegalArgumentException("unknown health state '" + code + "'; known: ok, offline, overheat, dead_board, fan_failure, no_pool, low_hashrate, high_rejects, curtailed");
  }
}
