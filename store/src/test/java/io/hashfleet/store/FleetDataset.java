package io.hashfleet.store;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 250 miners polled once a minute for 200 minutes: 50,000 samples.
 *
 * <ul>
 *   <li>site "a" holds miners 0–149, site "b" 150–249; model "s21" is miners 0–49, "s19xp" the rest;
 *   <li>every answer is 100 TH/s and 3,000 W;
 *   <li>miner i misses the poll of minute m when (i + m) % 10 == 0, so exactly a tenth of each site,
 *       model and minute is offline, and each miner misses one poll in ten;
 *   <li>miners with i % 7 == 0 answer with high_rejects, the rest ok;
 *   <li>five more miners (250–254) are registered but never polled.
 * </ul>
 */
final class FleetDataset {
  static final int MINERS = 250;
  static final int MINUTES = 200;
  static final int NEVER_POLLED = 5;

  private FleetDataset() {}

  static String model(int i) {
    return i < 50 ? "s21" : "s19xp";
  }

  static String site(int i) {
    return i < 150 ? "a" : "b";
  }

  static boolean offline(int i, int minute) {
    return (i + minute) % 10 == 0;
  }

  static Instant pollTime(int minute) {
    return Fixtures.T0.plusSeconds(minute * 60L + 10);
  }

  static void load(FleetStore store) {
    List<FleetMiner> miners = new ArrayList<>();
    for (int i = 0; i < MINERS + NEVER_POLLED; i++) miners.add(Fixtures.miner(i, model(i), site(i)));
    store.upsertMiners(miners);
    // Ten poll cycles per call, as a poller batching a few seconds of results would.
    for (int m = 0; m < MINUTES; m += 10) {
      List<MinerSample> batch = new ArrayList<>();
      for (int k = m; k < m + 10; k++) batch.addAll(cycle(k));
      store.appendSamples(batch);
    }
  }

  static List<MinerSample> cycle(int minute) {
    List<MinerSample> out = new ArrayList<>(MINERS);
    Instant at = pollTime(minute);
    for (int i = 0; i < MINERS; i++) {
      MinerAddress a = Fixtures.address(i);
      HealthState h = i % 7 == 0 ? HealthState.HIGH_REJECTS : HealthState.OK;
      out.add(offline(i, minute) ? Fixtures.offline(a, at) : Fixtures.answered(a, at, model(i), h));
    }
    return out;
  }
}
