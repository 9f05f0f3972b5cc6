package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.cli.runtime.Collector;
import io.hashfleet.collect.discovery.FoundMiner;
import io.hashfleet.collect.discovery.NetworkScanner;
import io.hashfleet.collect.discovery.ScanProgress;
import io.hashfleet.collect.poll.PollSettings;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Alert;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.sim.Fault;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import io.hashfleet.sim.VirtualMinerView;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector against a simulated fleet with every kind of fault: broken miners get the right
 * health and an alert, and they delay no one else.
 */
class CollectorEndToEndTest {
  private static final Map<Fault, HealthState> EXPECTED = Map.of(
      Fault.OFFLINE, HealthState.OFFLINE,
      Fault.HUNG, HealthState.OFFLINE,
      Fault.SLOW, HealthState.OFFLINE,
      Fault.GARBAGE, HealthState.OFFLINE,
      Fault.DEAD_BOARD, HealthState.DEAD_BOARD,
      Fault.OVERHEAT, HealthState.OVERHEAT,
      Fault.FAN_FAIL, HealthState.FAN_FAILURE,
      Fault.POOL_DOWN, HealthState.NO_POOL);

  @Test
  void every_fault_gets_its_health_and_an_alert_and_healthy_miners_keep_their_schedule(@TempDir Path dir) throws Exception {
    SimConfig config = new SimConfig(120, Cidr.parse("127.56.0.0/24"), SimConfig.parseMix("s19xp:40,s21:30,m50s:20,a1366:10"),
        SimConfig.DEFAULT_FIRMWARE_MIX, 0, 5, "0.0.0.0", 0, ModelCatalog.bundled());
    ModelCatalog catalog = ModelCatalog.bundled();
    RpcTimeouts timeouts = new RpcTimeouts(Duration.ofMillis(500), Duration.ofMillis(400), Duration.ofMillis(800), 1 << 20);
    try (SimFleet sim = SimFleet.start(config); FleetStore store = FleetStore.open(dir.resolve("fleet.duckdb"))) {
      // Register the healthy fleet as a scan finds it, then break one miner of each fault kind.
      List<FoundMiner> found = new NetworkScanner(new FirmwareProbe(catalog, timeouts, Clock.systemUTC()), 64)
          .scan(List.of(Cidr.parse("127.56.0.0/25")), sim.port(), ScanProgress.NONE).found();
      assertThat(found).hasSize(120);
      List<FleetMiner> fleet = new ArrayList<>();
      for (FoundMiner f : found) fleet.add(new FleetMiner(f.address(), f.identity(), new MinerLocation("dallas", "R1", null)));
      store.upsertMiners(fleet);
      Map<String, Fault> broken = new HashMap<>();
      int i = 0;
      for (Fault f : Fault.values()) {
        String ip = sim.miners().get(i * 7 + 3).ip();
        sim.inject(ip, f);
        broken.put(ip, f);
        i++;
      }

      PollSettings settings = PollSettings.DEFAULT.withInterval(Duration.ofMillis(700)).withConcurrency(32).withTimeouts(timeouts);
      try (Collector collector = new Collector(store, catalog, settings, Duration.ofDays(7), Clock.systemUTC()).start()) {
        Thread.sleep(3_500);
        Map<MinerAddress, MinerSample> latest = new HashMap<>();
        for (MinerSample s : collector.live().samples()) latest.put(s.address(), s);
        assertThat(latest).hasSize(120);
        for (VirtualMinerView v : sim.miners()) {
          MinerSample s = latest.get(new MinerAddress(v.ip(), sim.port()));
          Fault f = broken.get(v.ip());
          HealthState want = f == null ? HealthState.OK : EXPECTED.get(f);
          assertThat(s.health()).as(v.ip() + " " + f + " " + s.detail()).isEqualTo(want);
        }
        // Four polls' worth of time passed: hung and slow neighbours did not hold anyone back.
        assertThat(collector.stats().polls()).isGreaterThanOrEqualTo(112L * 4);
        assertThat(collector.alerts().openAlerts()).extracting(Alert::address).extracting(MinerAddress::host)
            .containsAll(broken.keySet());
      }
      // The collector wrote samples and alerts to the store before it stopped.
      assertThat(store.alerts(true)).extracting(a -> a.address().host()).containsAll(broken.keySet());
      assertThat(store.minersByState().get(HealthState.OK)).isEqualTo(112L);
      assertThat(store.rowCounts().get("samples")).isGreaterThanOrEqualTo(112L * 4);

      // The repaired miner's alerts close with a timestamp once it is healthy again.
      String ip = broken.entrySet().stream().filter(e -> e.getValue() == Fault.OVERHEAT).findFirst().orElseThrow().getKey();
      sim.clear(ip);
      try (Collector collector = new Collector(store, catalog, settings, Duration.ofDays(7), Clock.systemUTC()).start()) {
        Thread.sleep(1_500);
      }
      List<Alert> closed = store.alerts(false).stream().filter(a -> a.address().host().equals(ip) && !a.isOpen()).toList();
      assertThat(closed).singleElement().satisfies(a -> {
        assertThat(a.kind()).isEqualTo(HealthState.OVERHEAT);
        assertThat(a.closed()).isAfter(a.opened());
      });
    }
  }
}
