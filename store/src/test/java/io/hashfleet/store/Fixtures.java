package io.hashfleet.store;

import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.PoolReading;
import java.time.Instant;
import java.util.List;

/** Miners and samples with round numbers, so tests can state exact expected values. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final long MINER_MHS = 100_000_000; // 100 TH/s
  static final int MINER_WATTS = 3_000;

  private Fixtures() {}

  static MinerAddress address(int i) {
    return MinerAddress.of("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
  }

  static MinerIdentity identity(String modelId) {
    return new MinerIdentity(Make.ANTMINER, "Antminer " + modelId.toUpperCase(), modelId, Dialect.BITMAIN, "bmminer 1.0", null);
  }

  static FleetMiner miner(int i, String modelId, String site) {
    return new FleetMiner(address(i), identity(modelId), new MinerLocation(site, "r" + (i / 10), i % 10));
  }

  static MinerTelemetry telemetry(MinerAddress a, Instant at, String modelId, long mhs, Integer watts) {
    List<HashboardReading> boards = List.of(
        new HashboardReading(0, new Hashrate(mhs / 2), 76, 60.0, 71.5, 1),
        new HashboardReading(1, new Hashrate(mhs - mhs / 2), 76, 62.0, 70.0, 2));
    List<PoolReading> pools = List.of(new PoolReading("stratum+tcp://pool.example:3333", "w1", true, true, 1000, 10, 1),
        new PoolReading("stratum+tcp://backup.example:3333", "w1", true, false, 5, 0, 0));
    return new MinerTelemetry(a, at, identity(modelId), new Hashrate(mhs), new Hashrate(mhs), boards, List.of(5400, 5520, 5460, 5490),
        watts, pools, 3, 86_400);
  }

  static MinerSample answered(MinerAddress a, Instant at, String modelId, HealthState health) {
    return new MinerSample(a, at, telemetry(a, at, modelId, MINER_MHS, MINER_WATTS), health, health == HealthState.OK ? null : "test");
  }

  static MinerSample offline(MinerAddress a, Instant at) {
    return new MinerSample(a, at, null, HealthState.OFFLINE, "connect timed out");
  }
}
