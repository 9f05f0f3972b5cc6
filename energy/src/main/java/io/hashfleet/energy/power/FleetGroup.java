package io.hashfleet.energy.power;

import io.hashfleet.domain.AsicModel;
import java.math.BigDecimal;
import java.util.Objects;

/** {@code count} identical machines of one model, running at its nameplate hashrate and power. */
public record FleetGroup(AsicModel model, long count) {
  public FleetGroup {
    Objects.requireNonNull(model, "model");
    if (count <= 0) throw new IllegalArgumentException(model.id() + ": count must be positive, got " + count);
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
