package io.hashfleet.collect.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.collect.driver.Fixtures;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.collect.rpc.RpcException;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.Power;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** Avalon's ascset softoff/softon against replies in the firmware's own format, on a fixed clock. */
class AvalonControlTest {
  private static final MinerAddress MINER = new MinerAddress("10.4.0.17", 4028);
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochSecond(1_700_000_000L, 700_000_000));
  private static final String SOFTOFF = "{\"command\":\"ascset\",\"parameter\":\"0,softoff,1:1700000000\"}";
  private static final String SOFTON = "{\"command\":\"ascset\",\"parameter\":\"0,softon,1:1700000000\"}";

  private static AvalonControl control(MinerRpc rpc) {
    return new AvalonControl(a -> rpc, CLOCK);
  }

  @Test
  void sleep_sendsAscsetSoftoffTakingEffectNow_andAscSetOkIsAccepted() throws Exception {
    var miner = new Fixtures.Replay().on(SOFTOFF, "avalon/ascset-ok.json");

    CommandResult r = control(miner).send(MINER, PowerCommand.sleep());

    assertThat(miner.requests).containsExactly(SOFTOFF);
    assertThat(r).isInstanceOf(Accepted.class);
    assertThat(r.message()).isEqualTo("10.4.0.17:4028: ascset softoff (ASC 0 set OK)");
  }

  @Test
  void wake_sendsAscsetSofton() throws Exception {
    var miner = new Fixtures.Replay().on(SOFTON, "avalon/ascset-ok.json");
    assertThat(control(miner).send(MINER, PowerCommand.wake())).isInstanceOf(Accepted.class);
    assertThat(miner.requests).containsExactly(SOFTON);
  }

  @Test
  void anInfoReply_countsAsDone_asCgminerReportsADriversAnswerWithStatusI() throws Exception {
    var miner = new Fixtures.Replay().on(SOFTOFF, "avalon/ascset-info.json");
    CommandResult r = control(miner).send(MINER, PowerCommand.sleep());
    assertThat(r).isInstanceOf(Accepted.class);
    assertThat(r.text()).contains("ASC 0 set info");
  }

  @Test
  void firmwareWithoutSoftoff_isRefusedInItsOwnWords_namingTheMiner() throws Exception {
    var nano3s = new Fixtures.Replay().on(SOFTOFF, "avalon/ascset-unknown-option.json");
    CommandResult r = control(nano3s).send(MINER, PowerCommand.sleep());
    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message())
        .isEqualTo("10.4.0.17:4028: ascset softoff refused: STATUS E, Code 120, 'ASC 0 set failed: Unknown option: softoff'");
  }

  @Test
  void anApiWithoutWriteAccess_isRefused_sayingWhatToChange() throws Exception {
    var miner = new Fixtures.Replay().on(SOFTOFF, "avalon/ascset-access-denied.json");
    CommandResult r = control(miner).send(MINER, PowerCommand.sleep());
    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).startsWith("10.4.0.17:4028: ascset softoff refused: access denied").contains("allow writes from this host");
  }

  @Test
  void aWakeAnsweredByAClosedConnection_isAcceptedForTelemetryToConfirm_butASleepSoAnsweredFails() throws Exception {
    MinerRpc hangsUp = request -> {
      throw new RpcException(MINER, RpcException.Kind.EMPTY, "connection closed without a reply", null);
    };
    CommandResult wake = control(hangsUp).send(MINER, PowerCommand.wake());
    assertThat(wake).isInstanceOf(Accepted.class);
    assertThat(wake.text()).contains("no reply").contains("telemetry will confirm");
    assertThatThrownBy(() -> control(hangsUp).send(MINER, PowerCommand.sleep())).isInstanceOf(RpcException.class);
  }

  @Test
  void aWakeThatTimesOut_stillFails() {
    MinerRpc silent = request -> {
      throw new RpcException(MINER, RpcException.Kind.READ_TIMEOUT, "no reply within 800 ms", null);
    };
    assertThatThrownBy(() -> control(silent).send(MINER, PowerCommand.wake())).isInstanceOf(RpcException.class);
  }

  @Test
  void powerTargets_areRefusedWithoutTalkingToTheMiner() throws Exception {
    var miner = new Fixtures.Replay();
    CommandResult r = control(miner).send(MINER, PowerCommand.powerTarget(Power.ofWatts(2500)));
    assertThat(r).isInstanceOf(Refused.class);
    assertThat(r.message()).startsWith("10.4.0.17:4028: unsupported").contains("work modes");
    assertThat(miner.requests).isEmpty();
  }
}
