package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Failed;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.Power;
import io.hashfleet.sim.Fault;
import io.hashfleet.sim.PowerState;
import io.hashfleet.sim.VirtualMinerView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every dialect end to end: a command through the miner's own API, the result read back by the poller's driver. */
class PowerControlTest {
  private SimRig rig;

  @BeforeEach
  void start() {
    rig = new SimRig("127.0.40.0/24");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"LUXOS", "BRAIINS_OS", "WHATSMINER", "BITMAIN", "AVALON"})
  void sleep_isAccepted_andThePollerReadsZeroHashrateAndStandbyDrawWithinTheSleepTime(Dialect dialect) throws Exception {
    VirtualMinerView m = rig.miner(dialect);
    assertThat(rig.read(m).hashrateNow().ths()).isGreaterThan(50);

    CommandResult r = rig.send(m, PowerCommand.sleep());

    assertThat(r).as(r.message()).isInstanceOf(Accepted.class);
    assertThat(r.miner()).isEqualTo(rig.address(m));
    rig.clock.advance(SimRig.SLEEP);
    MinerTelemetry asleep = rig.read(m);
    assertThat(asleep.hashrateNow().mhs()).isZero();
    assertThat(asleep.hashrateAvg().mhs()).isZero();
    if (asleep.powerW() != null) assertThat(asleep.powerW()).isBetween(10, 20);
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.SLEEPING);
    assertThat(rig.now(m).watts()).isBetween(10, 20);
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"LUXOS", "BRAIINS_OS", "WHATSMINER", "BITMAIN", "AVALON"})
  void wake_isAccepted_andTheMinerHashesAgainAfterTheBootTime(Dialect dialect) throws Exception {
    VirtualMinerView m = rig.miner(dialect);
    rig.send(m, PowerCommand.sleep());
    rig.clock.advance(SimRig.SLEEP);

    CommandResult r = rig.send(m, PowerCommand.wake());

    assertThat(r).as(r.message()).isInstanceOf(Accepted.class);
    rig.clock.advance(SimRig.BOOT.minusSeconds(1));
    assertThat(rig.read(m).hashrateNow().mhs()).as("still booting").isZero();
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.BOOTING);
    rig.clock.advance(Duration.ofSeconds(2));
    MinerTelemetry ramping = rig.read(m);
    assertThat(ramping.hashrateNow().mhs()).isPositive();
    assertThat(ramping.uptimeS()).as("waking restarted the mining software").isLessThanOrEqualTo(SimRig.BOOT.toSeconds() + 1);
    rig.clock.advance(SimRig.BOOT.dividedBy(6));
    assertThat(rig.read(m).hashrateAvg().ths()).isCloseTo(m.avgThs(), org.assertj.core.data.Percentage.withPercentage(1));
    if (ramping.powerW() != null) assertThat(rig.read(m).powerW()).isGreaterThan(2000);
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"LUXOS", "BRAIINS_OS", "WHATSMINER", "BITMAIN", "AVALON"})
  void commandsAreIdempotent(Dialect dialect) {
    VirtualMinerView m = rig.miner(dialect);
    assertThat(rig.send(m, PowerCommand.wake())).as("waking a hashing miner").isInstanceOf(Accepted.class);
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
    assertThat(rig.send(m, PowerCommand.sleep())).isInstanceOf(Accepted.class);
    rig.clock.advance(Duration.ofSeconds(2));
    assertThat(rig.send(m, PowerCommand.sleep())).as("sleeping a sleeping miner").isInstanceOf(Accepted.class);
    rig.clock.advance(SimRig.SLEEP.minusSeconds(2));
    assertThat(rig.now(m).powerState()).as("the second sleep did not restart the wind-down").isEqualTo(PowerState.SLEEPING);
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"LUXOS", "WHATSMINER", "BITMAIN", "AVALON"})
  void powerTargets_areRefusedAsUnsupported_byAllButBraiinsOs_namingTheMiner(Dialect dialect) {
    VirtualMinerView m = rig.miner(dialect);
    CommandResult r = rig.send(m, PowerCommand.powerTarget(Power.ofWatts(2500)));
    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": ").contains("unsupported");
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void braiins_powerTarget_isAcceptedOverGrpc_andThePollerReadsTheTargetDrawAndLessHashrate() throws Exception {
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    MinerTelemetry before = rig.read(m);

    CommandResult r = rig.send(m, PowerCommand.powerTarget(Power.ofWatts(2500)));

    assertThat(r).as(r.message()).isInstanceOf(Accepted.class);
    assertThat(r.message()).isEqualTo(rig.address(m) + ": SetPowerTarget 2500 W saved and applied (firmware target now 2500 W)");
    rig.clock.advance(Duration.ofSeconds(30));
    MinerTelemetry after = rig.read(m);
    assertThat(after.powerW()).isBetween(2475, 2525);
    assertThat(after.hashrateAvg().ths()).isLessThan(before.hashrateAvg().ths() * 0.95);
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void braiins_aTargetOutsideTheModelsRange_isRefusedWithTheFirmwaresMessage_andChangesNothing() throws Exception {
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    int before = rig.now(m).watts();

    CommandResult r = rig.send(m, PowerCommand.powerTarget(Power.ofWatts(900)));

    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": power target 900 W refused: INVALID_ARGUMENT: power target 900 W is out of range: ");
    rig.clock.advance(Duration.ofSeconds(30));
    assertThat((double) rig.now(m).watts()).isCloseTo(before, org.assertj.core.data.Offset.offset(before * 0.01 + 1));
  }

  @Test
  void hungBraiinsGrpcApi_failsTheTargetWithinItsDeadline_whileAHealthyNeighbourTakesIt() {
    VirtualMinerView hung = rig.miner(Dialect.BRAIINS_OS);
    VirtualMinerView healthy = rig.miner(Dialect.BRAIINS_OS);
    rig.fleet.inject(hung.ip(), Fault.HUNG);
    Map<io.hashfleet.domain.MinerAddress, Dialect> both = new LinkedHashMap<>();
    both.put(rig.address(hung), Dialect.BRAIINS_OS);
    both.put(rig.address(healthy), Dialect.BRAIINS_OS);

    long t0 = System.nanoTime();
    Map<io.hashfleet.domain.MinerAddress, CommandResult> results = rig.control.sendAll(both, PowerCommand.powerTarget(Power.ofWatts(2500)));
    long ms = (System.nanoTime() - t0) / 1_000_000;

    CommandResult h = results.get(rig.address(hung));
    assertThat(h).isInstanceOf(Failed.class);
    assertThat(h.message()).startsWith(rig.address(hung) + ": power target 2500 W failed: no reply within");
    assertThat(results.get(rig.address(healthy))).as(results.get(rig.address(healthy)).message()).isInstanceOf(Accepted.class);
    assertThat(ms).as("one deadline, not two").isLessThan(SimRig.FAST.total().toMillis() + 1500);
    rig.clock.advance(Duration.ofSeconds(30));
    assertThat(rig.now(healthy).watts()).isBetween(2475, 2525);
    assertThat(rig.now(hung).watts()).as("the hung miner was not changed").isGreaterThan(2600);
  }

  @Test
  void avalon_sleepsThroughAscsetSoftoff_andThePollerSeesTheStandbyInTheStatusString() throws Exception {
    VirtualMinerView m = rig.miner(Dialect.AVALON);

    CommandResult r = rig.send(m, PowerCommand.sleep());

    assertThat(r.message()).isEqualTo(rig.address(m) + ": ascset softoff (ASC 0 set OK)");
    rig.clock.advance(SimRig.SLEEP);
    var rpc = new io.hashfleet.collect.rpc.TcpMinerRpc(rig.address(m), SimRig.FAST);
    String mm = io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"estats\"}")).at("/STATS/0/MM ID0").asText();
    assertThat(mm).contains("SoftOFF[1]", "SYSTEMSTATU[Work: In Idle");
    assertThat(rig.read(m).powerW()).isEqualTo(rig.now(m).watts());
  }

  @Test
  void aMinerOfUnknownFirmware_isRefusedNamingTheMiner_andKeepsHashing() {
    VirtualMinerView m = rig.miner(Dialect.LUXOS);
    CommandResult r = rig.control.send(rig.address(m), Dialect.UNKNOWN, PowerCommand.sleep());
    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).isEqualTo(rig.address(m) + ": unsupported: unknown firmware; identify the miner first");
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void luxos_borrowsAnActiveSession_andLeavesItOpen() throws Exception {
    VirtualMinerView m = rig.miner(Dialect.LUXOS);
    var rpc = new io.hashfleet.collect.rpc.TcpMinerRpc(rig.address(m), SimRig.FAST);
    String theirs = io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"logon\"}")).at("/SESSION/0/SessionID").asText();

    assertThat(rig.send(m, PowerCommand.sleep())).isInstanceOf(Accepted.class);

    assertThat(io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"session\"}")).at("/SESSION/0/SessionID").asText())
        .isEqualTo(theirs);
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.WINDING_DOWN);
  }

  @Test
  void luxos_keepsTheSessionItOpenedForTheNextCommand_andLogsItOffWhenClosed() throws Exception {
    VirtualMinerView m = rig.miner(Dialect.LUXOS);
    var rpc = new io.hashfleet.collect.rpc.TcpMinerRpc(rig.address(m), SimRig.FAST);
    assertThat(rig.send(m, PowerCommand.sleep())).isInstanceOf(Accepted.class);
    String ours = io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"session\"}")).at("/SESSION/0/SessionID").asText();
    assertThat(ours).as("kept open after the sleep").isNotEmpty();
    assertThat(rig.control.keptLuxosSessions()).isEqualTo(1);

    rig.clock.advance(SimRig.SLEEP);
    assertThat(rig.send(m, PowerCommand.wake())).isInstanceOf(Accepted.class);
    assertThat(io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"session\"}")).at("/SESSION/0/SessionID").asText())
        .as("the wake used the same session").isEqualTo(ours);

    rig.control.close();
    assertThat(io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"session\"}")).at("/SESSION/0/SessionID").asText())
        .as("logged off on close").isEmpty();
    assertThat(rig.control.keptLuxosSessions()).isZero();
  }

  @Test
  void luxos_aKeptSessionTheMinerForgot_isReplacedByANewOne() throws Exception {
    VirtualMinerView m = rig.miner(Dialect.LUXOS);
    var rpc = new io.hashfleet.collect.rpc.TcpMinerRpc(rig.address(m), SimRig.FAST);
    rig.send(m, PowerCommand.sleep());
    String ours = io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"session\"}")).at("/SESSION/0/SessionID").asText();
    // As when the miner times the session out or reboots.
    rpc.call("{\"command\":\"logoff\",\"parameter\":\"" + ours + "\"}");

    rig.clock.advance(SimRig.SLEEP);
    CommandResult r = rig.send(m, PowerCommand.wake());

    assertThat(r).as(r.message()).isInstanceOf(Accepted.class);
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.BOOTING);
    String now = io.hashfleet.collect.json.RelaxedJson.parse(rpc.call("{\"command\":\"session\"}")).at("/SESSION/0/SessionID").asText();
    assertThat(now).isNotEmpty().isNotEqualTo(ours);
  }

  @Test
  void differentCommandsToDifferentMiners_goOutTogether_andComeBackInTheOrderGiven() {
    VirtualMinerView hung = rig.miner(Dialect.LUXOS);
    VirtualMinerView sleeper = rig.miner(Dialect.LUXOS);
    VirtualMinerView trimmed = rig.miner(Dialect.BRAIINS_OS);
    rig.fleet.inject(hung.ip(), Fault.HUNG);

    long t0 = System.nanoTime();
    List<CommandResult> results = rig.control.sendEach(List.of(new MinerControl.Order(rig.address(hung), Dialect.LUXOS, PowerCommand.sleep()),
        new MinerControl.Order(rig.address(sleeper), Dialect.LUXOS, PowerCommand.sleep()),
        new MinerControl.Order(rig.address(trimmed), Dialect.BRAIINS_OS, PowerCommand.powerTarget(Power.ofWatts(2500)))));
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertThat(results).hasSize(3);
    assertThat(results.get(0)).isInstanceOf(Failed.class);
    assertThat(results.get(0).message()).startsWith(rig.address(hung) + ": ");
    assertThat(results.get(1)).isInstanceOf(Accepted.class);
    assertThat(results.get(1).message()).startsWith(rig.address(sleeper) + ": ");
    assertThat(results.get(2).message()).isEqualTo(rig.address(trimmed) + ": SetPowerTarget 2500 W saved and applied (firmware target now 2500 W)");
    assertThat(ms).as("the hung sleep's deadline, once, not before the others").isLessThan(SimRig.FAST.total().toMillis() + 1500);
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"LUXOS", "BRAIINS_OS", "WHATSMINER", "BITMAIN", "AVALON"})
  void hungMiner_failsWithinItsDeadline_whileAHealthyNeighbourSleepsAtTheSameTime(Dialect dialect) {
    VirtualMinerView hung = rig.miner(dialect);
    VirtualMinerView healthy = rig.miner(dialect);
    rig.fleet.inject(hung.ip(), Fault.HUNG);
    Map<io.hashfleet.domain.MinerAddress, Dialect> both = new LinkedHashMap<>();
    both.put(rig.address(hung), dialect);
    both.put(rig.address(healthy), dialect);

    long t0 = System.nanoTime();
    Map<io.hashfleet.domain.MinerAddress, CommandResult> results = rig.control.sendAll(both, PowerCommand.sleep());
    long ms = (System.nanoTime() - t0) / 1_000_000;

    CommandResult h = results.get(rig.address(hung));
    assertThat(h).isInstanceOf(Failed.class);
    assertThat(h.message()).startsWith(rig.address(hung) + ": ").contains("no reply within");
    assertThat(results.get(rig.address(healthy))).isInstanceOf(Accepted.class);
    assertThat(ms).as("one deadline, not two").isLessThan(SimRig.FAST.total().toMillis() + 1500);
    assertThat(rig.now(healthy).powerState()).isEqualTo(PowerState.WINDING_DOWN);
    assertThat(rig.now(hung).powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void whatsminer_withTheWrongAdminPassword_isRefused_andKeepsHashing() {
    VirtualMinerView m = rig.miner(Dialect.WHATSMINER);
    ControlSettings wrong = rig.settings.withWhatsminer(new Credentials("admin", "hunter2"));
    CommandResult r = MinerControl.send(rig.address(m), Dialect.WHATSMINER, PowerCommand.sleep(), wrong);
    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": power_off refused").contains("wrong admin password");
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void antminer_withTheWrongWebLogin_isRefused_andKeepsHashing() {
    VirtualMinerView m = rig.miner(Dialect.BITMAIN);
    ControlSettings wrong = rig.settings.withAntminer(new Credentials("root", "admin"));
    CommandResult r = MinerControl.send(rig.address(m), Dialect.BITMAIN, PowerCommand.sleep(), wrong);
    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": HTTP 401").contains("root:****").doesNotContain("admin");
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void antminer_reachesTheWebPortOfTheSameHost_notTheApiPort() {
    VirtualMinerView m = rig.miner(Dialect.BITMAIN);
    ControlSettings wrongPort = rig.settings.withAntminerWebPort(rig.fleet.port());
    CommandResult r = MinerControl.send(rig.address(m), Dialect.BITMAIN, PowerCommand.sleep(), wrongPort);
    assertThat(r).as("the API port does not speak HTTP").isInstanceOf(Failed.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": sleep failed: ");
  }

  @Test
  void offlineMiner_fails() {
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    rig.fleet.inject(m.ip(), Fault.OFFLINE);
    CommandResult r = rig.send(m, PowerCommand.sleep());
    assertThat(r).isInstanceOf(Failed.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": sleep failed: ");
  }
}
