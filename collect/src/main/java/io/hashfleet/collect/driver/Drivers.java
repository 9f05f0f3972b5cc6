package io.hashfleet.collect.driver;

import io.hashfleet.domain.Dialect;

/** The driver for each dialect; drivers hold no state, so one instance each serves every miner. */
public final class Drivers {
  private static final BitmainDriver BITMAIN = new BitmainDriver();
  private static final BraiinsDriver BRAIINS = new BraiinsDriver();
  private static final LuxosDriver LUXOS = new LuxosDriver();
  private static final WhatsminerDriver WHATSMINER = new WhatsminerDriver();
  private static final AvalonDriver AVALON = new AvalonDriver();

  private Drivers() {}

  /** @throws IllegalArgumentException for {@link Dialect#UNKNOWN}, which no driver speaks */
  public static MinerDriver driverFor(Dialect dialect) {
    return switch (dialect) {
      case BITMAIN -> BITMAIN;
      case BRAIINS_OS -> BRAIINS;
      case LUXOS -> LUXOS;
      case WHATSMINER -> WHATSMINER;
      case AVALON -> AVALON;
      case UNKNOWN -> throw new IllegalArgumentException("no driver for an unknown dialect; identify the miner first");
    };
  }
}
