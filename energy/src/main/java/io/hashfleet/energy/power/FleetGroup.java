package io.hashfleet.energy.power;

import io.hashfleet.domain.AsicModel;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code count} identical machines of one model, running at its nameplate hashrate and power.
 *
 * @param partialPower whether their firmware takes a power target (see {@link PowerTargets}), so the
 *     policy may run them turned down instead of off
 */
public record FleetGroup(AsicModel model, long count, boolean partialPower) {
  public FleetGroup {
    Objects.requireNonNull(model, "model");
    if (count <= 0) throw new IllegalArgumentException(model.id() + ": count must be positive, got " + count);
  }

  /** Machines that can only run at nominal or sleep. */
  public FleetGroup(AsicModel model, long count) {
    this(model, count, false);
  }

  /** Draw of the whole group in MW. */
  public BigDecimal megawatts() {
    return BigDecimal.valueOf(model.watts()).multiply(BigDecimal.valueOf(count)).movePointLeft(6);
  }

  /** Hashrate of the whole group in PH/s. */
  public BigDecimal petahashes() {
    return BigDecimal.valueOf(model.nominalThs()).multiply(BigDecimal.valueOf(count)).movePointLeft(3);
  }
}
