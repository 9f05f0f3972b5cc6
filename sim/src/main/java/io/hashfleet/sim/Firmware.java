package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Dialect;

/** One firmware family's RPC: which commands it knows and exactly how it prints them. */
sealed interface Firmware permits BitmainFirmware, BraiinsFirmware, LuxosFirmware, WhatsminerFirmware, AvalonFirmware {

  /** The answer to one command; the firmware's own error for commands it does not know. */
  Reply answer(String command, Request request, Telemetry t);

  /**
   * Commands that change the miner (sleep, wake, sessions): answered here, before any report;
   * null for every other command, which {@link #answer} then takes.
   */
  default Reply act(String command, Request request, Telemetry t, Actions miner) {
    return null;
  }

  /** Whether the reply ends with the NUL byte cgminer appends. */
  default boolean nulTerminated() {
    return true; // cgminer ends every reply with a NUL; btminer is the exception
  }

  /** The model name as this firmware reports it ("Antminer S19 XP", "M50S.VH20"). */
  default String modelName(AsicModel model) {
    return model.name();
  }

  /** The firmware version string this firmware reports. */
  String version(AsicModel model);

  static Firmware of(Dialect dialect) {
    return switch (dialect) {
      case BITMAIN, UNKNOWN -> BitmainFirmware.INSTANCE;
      case BRAIINS_OS -> BraiinsFirmware.INSTANCE;
      case LUXOS -> LuxosFirmware.INSTANCE;
      case WHATSMINER -> WhatsminerFirmware.INSTANCE;
      case AVALON -> AvalonFirmware.INSTANCE;
    };
  }

  /** "55-53-68-69": Bitmain's four sensors per board, inlet pair below the board figure, outlet above. */
  static String dashTemps(double centre, double spread) {
    long a = Math.round(centre - spread), b = Math.round(centre - spread + 2), c = Math.round(centre + spread - 1), d = Math.round(centre + spread);
    return a + "-" + b + "-" + c + "-" + d;
  }
}
