package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.PoolReading;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run plans from the store as the controller would: a machine the controller put to sleep
 * can be woken, and one it turned down counts at its nominal draw, so cheap power brings both back.
 */
class EnergyPlanCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void cheapPowerWakesWhatTheControllerSleptAndRaisesWhatItTurnedDown_andLeavesTheRestAlone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fleet.duckdb");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant anHourAgo = now.minus(1, ChronoUnit.HOURS);
    MinerAddress running = MinerAddress.of("10.0.0.1");
    MinerAddress sleptByUs = MinerAddress.of("10.0.0.2");
    MinerAddress turnedDown = MinerAddress.of("10.0.0.3");
    MinerAddress broken = MinerAddress.of("10.0.0.4"); // answers without hashing, and the controller never touched it
    try (FleetStore store = FleetStore.open(file)) {
      List<FleetMiner> fleet = new ArrayList<>();
      for (MinerAddress a : List.of(running, sleptByUs, turnedDown, broken)) fleet.add(new FleetMiner(a, braiinsXp(), new MinerLocation("odessa", "R1", null)));
      store.upsertMiners(fleet);
      store.appendSamples(List.of(sample(running, now, 140, 3010), sample(sleptByUs, now, 0, 15), sample(turnedDown, now, 120, 2500),
          sample(broken, now, 0, 40)));
      new AuditTrail(store).append(List.of(
          new EnergyAction(anHourAgo, "ers-1", "odessa", sleptByUs.toString(), EnergyAction.Command.SLEEP, 3010, 1, EnergyAction.Outcome.ACCEPTED, "paused",
              null),
          new EnergyAction(anHourAgo, "ers-1", "odessa", turnedDown.toString(), EnergyAction.Command.POWER_TARGET, 500, 1, EnergyAction.Outcome.ACCEPTED,
              "SetPowerTarget 2500 W", null, 2500L)));
    }

    CliRun r = CliRun.of("energy", "plan", "--price", "20", "--hashprice", "60", "--store", file.toString(), "--json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode plan = JSON.readTree(r.out());
    assertThat(plan.path("dry_run").asBoolean()).isTrue();
    assertThat(plan.path("wake_miners")).extracting(JsonNode::asText).containsExactly(sleptByUs.toString());
    assertThat(plan.path("sleep_miners")).isEmpty();
    JsonNode targets = plan.path("power_target_miners");
    assertThat(targets).hasSize(1);
    assertThat(targets.get(0).path("miner").asText()).isEqualTo(turnedDown.toString());
    assertThat(targets.get(0).path("target_w").asInt()).as("back to the nominal the target was planned from").isEqualTo(3000);
  }

  private static MinerIdentity braiinsXp() {
    return new MinerIdentity(Make.ANTMINER, "Bitmain Antminer S19 XP", "s19xp", Dialect.BRAIINS_OS, "Braiins OS 24.03", null);
  }

  private static MinerSample sample(MinerAddress a, Instant at, double ths, int watts) {
    Hashrate h = Hashrate.ofThs(ths);
    MinerTelemetry t = new MinerTelemetry(a, at, braiinsXp(), h, h, List.of(), List.of(5400, 5400, 5400, 5400), watts,
        List.of(new PoolReading("stratum+tcp://pool.example:3333", "w1", true, true, 100, 1, 0)), 0, 3600);
    return new MinerSample(a, at, t, HealthState.OK, null);
  }
}
