package io.hashfleet.energy.power;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.dispatch.FleetState;
import io.hashfleet.store.LatestReading;
import io.hashfleet.store.MinerStatus;
import java.util.ArrayList;
import java.util.List;
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

  public float joulesPerTh(FleetMiner miner) {
    return model(miner).map(m -> (float) m.joulesPerTh()).orElse(30f);
  }

  /** Running now: answered its last poll with hashrate. */
  public static boolean running(LatestReading latest) {
    return latest != null && latest.answered() && latest.hashrate() != null && !latest.hashrate().isZero();
  }

  /** The dispatcher's view of the fleet from the store's registry and latest samples. */
  public FleetState fleetState(List<MinerStatus> statuses, long nowSecond) {
    int n = statuses.size();
    String[] ids = new String[n];
    int[] site = new int[n];
    float[] jth = new float[n];
    int[] watts = new int[n];
    boolean[] running = new boolean[n];
    boolean[] available = new boolean[n];
    long[] changed = new long[n];
    List<String> sites = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      MinerStatus st = statuses.get(i);
      String s = st.miner().location() == null || st.miner().location().site() == null ? "(no site)" : st.miner().location().site();
      int idx = sites.indexOf(s);
      if (idx < 0) {
        sites.add(s);
        idx = sites.size() - 1;
      }
      ids[i] = st.miner().address().toString();
      site[i] = idx;
      jth[i] = joulesPerTh(st.miner());
      watts[i] = runningWatts(st.miner(), st.latest());
      running[i] = running(st.latest());
      // Only a hashing miner is known to obey: one that answers without hashing may be asleep or
      // broken (no pool, dead boards), and the telemetry alone cannot tell which. The controller,
      // which knows what it put to sleep, marks those available itself.
      available[i] = running[i];
      changed[i] = nowSecond - 86_400; // unknown: long enough ago that minimum times do not hold it
    }
    return new FleetState(ids, site, sites, jth, watts, running, available, changed);
  }

  private Optional<AsicModel> model(FleetMiner miner) {
    String id = miner.identity() == null ? null : miner.identity().modelId();
    return id == null ? Optional.empty() : catalog.byId(id);
  }
}
