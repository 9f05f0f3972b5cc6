package io.hashfleet.collect.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.health.HealthClassifier;
import io.hashfleet.collect.health.HealthRules;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcLoop;
import io.hashfleet.collect.rpc.RpcTimeouts;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.sim.Fault;
import io.hashfleet.sim.SimConfig;
import io.hashfleet.sim.SimFleet;
import io.hashfleet.sim.VirtualMinerView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fleet poller on its selector loop reads every dialect exactly as the blocking poller does. */
class LoopPollerTest {
  private static final RpcTimeouts TIMEOUTS = new RpcTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(4), 1 << 20);

  @Test
  void every_dialect_polls_the_same_on_the_loop_as_blocking_and_faults_stay_with_their_miner() throws Exception {
    ModelCatalog catalog = ModelCatalog.bundled();
    SimConfig config = new SimConfig(120, Cidr.parse("127.0.31.0/24"), SimConfig.parseMix("s19xp:3,s21:2,m50s:2,a1366:1"),
        SimConfig.parseMix("stock:2,braiins:1,luxos:1"), 0, 11, "0.0.0.0", 0, catalog);
    FirmwareProbe probe = new FirmwareProbe(catalog, TIMEOUTS, Clock.systemUTC());
    HealthClassifier classifier = new HealthClassifier(catalog, HealthRules.DEFAULT);
    try (SimFleet sim = SimFleet.start(config); LoopPoller poller = new LoopPoller(probe, classifier, new RpcLoop(2))) {
      List<VirtualMinerView> views = sim.miners();
      List<FleetMiner> fleet = new ArrayList<>();
      for (VirtualMinerView v : views) {
        MinerAddress a = new MinerAddress(v.ip(), sim.port());
        MinerIdentity id = probe.identify(a).orElse(MinerIdentity.UNKNOWN);
        fleet.add(new FleetMiner(a, id, MinerLocation.UNKNOWN));
      }
      fleet.add(new FleetMiner(new MinerAddress(views.get(5).ip(), sim.port()), MinerIdentity.UNKNOWN, MinerLocation.UNKNOWN)); // not yet identified
      sim.inject(views.get(1).ip(), Fault.HUNG);
      sim.inject(views.get(2).ip(), Fault.GARBAGE);
      sim.inject(views.get(3).ip(), Fault.OFFLINE);
      sim.inject(views.get(4).ip(), Fault.DEAD_BOARD);

      Map<MinerAddress, PollOutcome> onLoop = new ConcurrentHashMap<>();
      CountDownLatch all = new CountDownLatch(fleet.size());
      Instant at = Instant.now();
      for (FleetMiner m : fleet) {
        poller.start(m, at, o -> {
          onLoop.put(o.sample().address(), o);
          all.countDown();
        });
      }
      assertThat(all.await(20, TimeUnit.SECONDS)).as("every poll ends, the hung one at its deadline").isTrue();

      for (FleetMiner m : fleet) {
        PollOutcome loop = onLoop.get(m.address());
        PollOutcome blocking = poller.poll(m, at);
        assertThat(loop.sample().health()).as(m.address() + " " + m.identity().modelName() + ": " + loop.sample().detail() + " / " + blocking.sample().detail())
            .isEqualTo(blocking.sample().health());
        if (blocking.sample().answered()) {
          assertThat(loop.sample().telemetry().identity()).isEqualTo(blocking.sample().telemetry().identity());
          assertThat(loop.sample().telemetry().boards()).hasSameSizeAs(blocking.sample().telemetry().boards());
          assertThat(loop.sample().telemetry().pools().stream().map(p -> p.url()).toList())
              .isEqualTo(blocking.sample().telemetry().pools().stream().map(p -> p.url()).toList());
          // the sim's hashrate moves from second to second: the two polls agree within its noise
          assertThat(loop.sample().telemetry().hashrateAvg().ths()).isCloseTo(blocking.sample().telemetry().hashrateAvg().ths(),
              org.assertj.core.data.Percentage.withPercentage(5));
        } else {
          // a garbage miner sends other garbage on every connection: only the address is the same
          assertThat(loop.sample().detail()).startsWith(m.address().toString());
        }
      }
      assertThat(onLoop.get(fleet.get(1).address()).sample().health()).isEqualTo(HealthState.OFFLINE);
      assertThat(onLoop.get(fleet.get(1).address()).sample().detail()).contains("no reply within");
      assertThat(onLoop.get(fleet.get(3).address()).sample().detail()).contains("reset"); // the sim accepts, then resets
      assertThat(onLoop.get(fleet.get(4).address()).sample().health()).isNotEqualTo(HealthState.OK);
      assertThat(onLoop.get(fleet.get(fleet.size() - 1).address()).sample().answered()).as("identified on the way").isTrue();
      long ok = onLoop.values().stream().filter(o -> o.sample().health() == HealthState.OK).count();
      assertThat(ok).isGreaterThan(100);
    }
  }
}
