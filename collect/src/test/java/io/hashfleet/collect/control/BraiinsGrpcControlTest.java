package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Failed;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Power;
import io.hashfleet.sim.PowerState;
import io.hashfleet.sim.VirtualMinerView;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Braiins OS power targets over real gRPC on loopback against the sim: tokens, refusals, failures, channels. */
class BraiinsGrpcControlTest {
  private SimRig rig;

  @BeforeEach
  void start() {
    rig = new SimRig("127.0.41.0/24");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static PowerCommand target(long watts) {
    return PowerCommand.powerTarget(Power.ofWatts(watts));
  }

  @Test
  void theTokenIsKeptPerMiner_andReusedForTheNextCommand() {
    VirtualMinerView a = rig.miner(Dialect.BRAIINS_OS);
    VirtualMinerView b = rig.miner(Dialect.BRAIINS_OS);

    assertThat(rig.send(a, target(2500))).isInstanceOf(Accepted.class);
    assertThat(rig.send(a, target(2800))).isInstanceOf(Accepted.class);
    assertThat(rig.send(b, target(2600))).isInstanceOf(Accepted.class);

    assertThat(rig.fleet.braiinsLogins(a.ip())).as("one login for two commands").isEqualTo(1);
    assertThat(rig.fleet.braiinsLogins(b.ip())).as("each miner its own token").isEqualTo(1);
    assertThat(rig.control.braiinsLogins()).isEqualTo(2);
    rig.clock.advance(Duration.ofSeconds(30));
    assertThat(rig.now(a).watts()).as("the second target is the one in force").isBetween(2772, 2828);
  }

  @Test
  void aTokenTheMinerForgot_isReplacedByOneNewLogin() {
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    assertThat(rig.send(m, target(2500))).isInstanceOf(Accepted.class);
    rig.fleet.forgetBraiinsTokens(m.ip()); // as when its API restarts

    CommandResult r = rig.send(m, target(2700));

    assertThat(r).as(r.message()).isInstanceOf(Accepted.class);
    assertThat(rig.fleet.braiinsLogins(m.ip())).isEqualTo(2);
    assertThat(rig.send(m, target(2600))).isInstanceOf(Accepted.class);
    assertThat(rig.fleet.braiinsLogins(m.ip())).as("the new token is kept in turn").isEqualTo(2);
  }

  @Test
  void anExpiredToken_isReplacedByOneNewLogin() {
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    assertThat(rig.send(m, target(2500))).isInstanceOf(Accepted.class);
    rig.clock.advance(Duration.ofHours(2)); // past the sim's token lifetime

    CommandResult r = rig.send(m, target(2700));

    assertThat(r).as(r.message()).isInstanceOf(Accepted.class);
    assertThat(rig.fleet.braiinsLogins(m.ip())).isEqualTo(2);
  }

  @Test
  void theWrongPassword_isRefusedNamingTheMiner_withoutThePassword_andChangesNothing() {
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    ControlSettings wrong = rig.settings.withBraiins(new Credentials("root", "hunter2"));

    CommandResult r = MinerControl.send(rig.address(m), Dialect.BRAIINS_OS, target(2500), wrong);

    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": gRPC login refused (UNAUTHENTICATED").contains("root:****").doesNotContain("hunter2");
    rig.clock.advance(Duration.ofSeconds(30));
    assertThat(rig.now(m).watts()).isGreaterThan(2600);
    assertThat(rig.fleet.braiinsLogins(m.ip())).isZero();
  }

  @Test
  void aNonBraiinsMiner_isRefusedAsUnsupported_withoutTouchingItsGrpcPort() {
    for (Dialect d : new Dialect[] {Dialect.BITMAIN, Dialect.LUXOS, Dialect.WHATSMINER, Dialect.AVALON}) {
      VirtualMinerView m = rig.miner(d);
      CommandResult r = rig.send(m, target(2500));
      assertThat(r).as(d.name()).isInstanceOf(Refused.class);
      assertThat(r.message()).startsWith(rig.address(m) + ": unsupported");
    }
    assertThat(rig.control.openBraiinsChannels()).isZero();
  }

  @Test
  void anUnreachableGrpcPort_failsWithinTheDeadline() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    long t0 = System.nanoTime();
    CommandResult r = MinerControl.send(rig.address(m), Dialect.BRAIINS_OS, target(2500), rig.settings.withBraiinsGrpcPort(closed));
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertThat(r).isInstanceOf(Failed.class);
    assertThat(r.message()).startsWith(rig.address(m) + ": power target 2500 W failed: gRPC port " + closed + " unreachable (UNAVAILABLE");
    assertThat(ms).isLessThan(SimRig.FAST.total().toMillis() + 1000);
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
  }

  @Test
  void aTargetOnASleepingMiner_isSaved_andTheWakeComesBackAtIt() {
    VirtualMinerView m = rig.miner(Dialect.BRAIINS_OS);
    assertThat(rig.send(m, PowerCommand.sleep())).isInstanceOf(Accepted.class);
    rig.clock.advance(SimRig.SLEEP);

    assertThat(rig.send(m, target(2200))).isInstanceOf(Accepted.class);
    assertThat(rig.now(m).powerState()).as("a target does not wake it").isEqualTo(PowerState.SLEEPING);

    assertThat(rig.send(m, PowerCommand.wake())).isInstanceOf(Accepted.class);
    rig.clock.advance(SimRig.BOOT.plus(SimRig.BOOT.dividedBy(6)));
    assertThat(rig.now(m).powerState()).isEqualTo(PowerState.HASHING);
    assertThat(rig.now(m).watts()).isBetween(2178, 2222);
  }

  @Test
  void channelsAreKeptForTheNextCommand_atMostMaxConcurrentOfThem_andClosedWithTheController() {
    VirtualMinerView a = rig.miner(Dialect.BRAIINS_OS);
    VirtualMinerView b = rig.miner(Dialect.BRAIINS_OS);
    VirtualMinerView c = rig.miner(Dialect.BRAIINS_OS);
    try (MinerControl two = new MinerControl(rig.settings.withMaxConcurrent(2))) {
      assertThat(two.send(rig.address(a), Dialect.BRAIINS_OS, target(2500))).isInstanceOf(Accepted.class);
      assertThat(two.send(rig.address(b), Dialect.BRAIINS_OS, target(2500))).isInstanceOf(Accepted.class);
      assertThat(two.openBraiinsChannels()).isEqualTo(2);
      assertThat(two.send(rig.address(c), Dialect.BRAIINS_OS, target(2500))).isInstanceOf(Accepted.class);
      assertThat(two.openBraiinsChannels()).as("never more idle channels than maxConcurrent").isEqualTo(2);
      two.close();
      assertThat(two.openBraiinsChannels()).isZero();
      CommandResult after = two.send(rig.address(a), Dialect.BRAIINS_OS, target(2600));
      assertThat(after).isInstanceOf(Failed.class);
      assertThat(after.message()).endsWith("the controller is closed");
    }
  }
}
