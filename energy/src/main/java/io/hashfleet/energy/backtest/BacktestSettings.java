package io.hashfleet.energy.backtest;

import io.hashfleet.energy.signal.FourCpWindows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * @param creditUsdPerMwh paid for each MWh not drawn while curtailed (demand-response or ancillary
 *     credit); it raises the bar a machine must clear to keep running
 * @param minOn a group that starts stays on at least this long (firmware boot and pool reconnect
 *     make short runs pointless)
 * @param minOff a group that stops stays off at least this long
 * @param fourCp risk windows during which the whole fleet stays off, whatever the price
 */
public record BacktestSettings(Instant from, Instant to, BigDecimal creditUsdPerMwh, Duration minOn, Duration minOff, FourCpWindows fourCp) {
  public BacktestSettings(Instant from, Instant to, BigDecimal creditUsdPerMwh, Duration minOn, Duration minOff) {
    this(from, to, creditUsdPerMwh, minOn, minOff, FourCpWindows.none());
  }

  public BacktestSettings {
    Objects.requireNonNull(fourCp, "fourCp");
    Objects.requireNonNull(from, "from");
    if (!to.isAfter(from)) throw new IllegalArgumentException("--to must be after --from");
    if (creditUsdPerMwh.signum() < 0) throw new IllegalArgumentException("credit cannot be negative");
    if (minOn.isNegative() || minOff.isNegative()) throw new IllegalArgumentException("minimum on/off times cannot be negative");
  }
}
