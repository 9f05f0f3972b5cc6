package io.hashfleet.sim;

import io.hashfleet.domain.Dialect;
import java.util.Locale;

/** The firmware an Antminer can run, as named in a firmware mix. */
enum AntminerFirmware {
  STOCK(Dialect.BITMAIN),
  BRAIINS(Dialect.BRAIINS_OS),
  LUXOS(Dialect.LUXOS);

  final Dialect dialect;

  AntminerFirmware(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Accepts the mix names ("stock", "braiins", "luxos") and a few obvious spellings; null if unknown. */
  static AntminerFirmware parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "stock", "bitmain" -> STOCK;
      case "braiins", "braiins_os", "bos", "bosminer" -> BRAIINS;
      case "luxos", "lux", "luxminer" -> LUXOS;
      default -> null;
    };
  }
}
