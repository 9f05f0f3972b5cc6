package io.hashfleet.energy.power;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.store.LatestReading;
import java.util.Optional;

/**
 * Each miner's draw and efficiency: measured power where the firmware reports it, else the
 * model's nameplate; J/TH from the model (a sleeping or failing miner's measured ratio says
 * nothing about what it costs to run).
 */
public final class PowerModel {
  /** Standby draw of a sleeping machine: control board and fans at idle. */
  public static final int SLEEP_WATTS = 15;

  private final ModelCatalog catalog;

  public PowerModel(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  /** Watts the miner draws when hashing. */
  public int runningWatts(FleetMiner miner, LatestReading latest) {
    if (latest != null && latest.answered() && latest.power() != null && latest.hashrate() != null && !latest.hashrate().isZero()
        && latest.power().watts() > SLEEP_WATTS) {
      return (int) latest.power().watts();
    }
    return model(miner).map(AsicModel::watts).orElse(3250); // an unknown SHA-256 ASIC: a typical 3.25 kW
  }

  /**
   * The lowest power target the dispatcher may give this miner; 0 when its firmware takes none.
   * Taken from the larger of the measured nominal draw and the model's nameplate: firmware checks a
   * target against the model's nominal, and a unit measured a little under it must not be given a
   * floor the firmware refuses.
   */
  public int minWatts(FleetMiner miner, int nominalWatts) {
    int nameplate = model(miner).map(AsicModel::watts).orElse(0);
    return PowerTargets.minWatts(miner.identity() == null ? null : miner.identity().dialect(), Math.max(nominalWatts, nameplate));
  }

  /** Nominal TH/s of the miner's model; NaN when the model is unknown. */
  public double nominalThs(FleetMiner miner) {
    return model(miner).map(AsicModel::nominalThs).orElse(Double.NaN);
  }

  public float joulesPerTh(FleetMiner miner) {
    return model(miner).map(m -> (float) m.joulesPerTh()).orElse(30f);
  }

  /** Running now: answered its last poll with hashrate. */
  public static boolean running(LatestReading latest) {
    return latest != null && latest.answered() && latest.hashrate() != null && !latest.hashrate().isZero();
  }

  private Optional<AsicModel> model(FleetMiner miner) {
    String id = miner.identity() == null ? null : miner.identity().modelId();
    return id == null ? Optional.empty() : catalog.byId(id);
  }
}
