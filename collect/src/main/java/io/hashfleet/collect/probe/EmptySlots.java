package io.hashfleet.collect.probe;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drops the chain slots a controller has but the model never fills.
 *
 * <p>Why: Antminer control boards have four chain connectors and stock firmware reports all of
 * them, the unused one as {@code chain_rate4:""} with no chips, which reads exactly like a dead
 * board. Only the model says how many boards there should be, so this runs after the driver, with
 * the catalog: dead slots beyond the model's board count are removed; dead slots within it stay
 * and are reported as dead boards.
 */
final class EmptySlots {
  private EmptySlots() {}

  static MinerTelemetry trim(MinerTelemetry t, ModelCatalog catalog) {
    Optional<AsicModel> model = Optional.ofNullable(t.identity().modelId()).flatMap(catalog::byId);
    if (model.isEmpty() || t.boards().size() <= model.get().hashboards()) return t;
    int expected = model.get().hashboards();
    List<HashboardReading> kept = new ArrayList<>(t.boards());
    // Remove dead boards from the end first: the unused connector is the last one.
    for (int i = kept.size() - 1; i >= 0 && kept.size() > expected; i--) {
      if (!kept.get(i).alive()) kept.remove(i);
    }
    return new MinerTelemetry(t.address(), t.at(), t.identity(), t.hashrateNow(), t.hashrateAvg(), kept, t.fanRpm(),
        t.powerW(), t.pools(), t.hwErrors(), t.uptimeS());
  }
}
