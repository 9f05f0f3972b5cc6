package io.hashfleet.domain;

/**
 * The firmware family whose API a miner speaks. All of them answer cgminer-style RPC on 4028, but
 * each names and scales its fields differently, so each gets its own parser.
 */
public enum Dialect {
  /** Bitmain stock firmware (bmminer / cgminer) on Antminer S19, S21 families. */
  BITMAIN("Bitmain stock"),
  /** Braiins OS (BOSminer), cgminer-compatible API with MH/s fields. */
  BRAIINS_OS("Braiins OS"),
  /** LuxOS by Luxor, cgminer-style JSON with extra commands. */
  LUXOS("LuxOS"),
  /** MicroBT btminer on Whatsminer. */
  WHATSMINER("Whatsminer btminer"),
  /** Canaan cgminer on Avalon. */
  AVALON("Avalon cgminer"),
  UNKNOWN("unknown");

  private final String label;

  Dialect(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
