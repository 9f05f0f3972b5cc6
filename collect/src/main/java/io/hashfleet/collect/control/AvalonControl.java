package io.hashfleet.collect.control;

import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.collect.control.PowerCommand.SetPowerTarget;
import io.hashfleet.collect.control.PowerCommand.Sleep;
import io.hashfleet.collect.control.PowerCommand.Wake;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.collect.rpc.RpcException;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.time.InstantSource;
import java.util.function.Function;

/**
 * Avalon (Canaan cgminer, port 4028): standby and back through {@code ascset}, sent as
 * {@code {"command":"ascset","parameter":"0,softoff,1:<unix time>"}} and {@code 0,softon,1:<unix
 * time>}, the time being when it takes effect (now, here).
 *
 * <p>What the sources say. Canaan documents {@code ascset} for A10-series settings (led,
 * workmode, reboot, hashpower) in its avalon10-docs API manual, with replies {@code STATUS=S …
 * Code=119,Msg=ASC 0 set OK} and {@code STATUS=I … Code=118,Msg=ASC 0 set info: …}; the cgminer
 * {@code api.c} Canaan ships with the Nano 3S source splits the parameter into ASC number, option
 * and setting at the first two commas and answers a driver's refusal as {@code STATUS=E,
 * Code=120, Msg=ASC 0 set failed: <why>}, an unknown option being {@code Unknown option: <name>}.
 * The softoff/softon options are in no Canaan document we could find; their form
 * {@code 0,softoff,1:<epoch seconds>} is the one two independent clients send to A-series, Q and
 * Mini 3 units (asic-rs's Avalon backends, which accept only {@code S} with {@code ASC 0 set OK},
 * and the ha-avalon-mini integration). The Nano 3S driver Canaan published has no softoff option,
 * so a Nano 3S would answer {@code set failed: Unknown option: softoff}: refused, as it should be.
 *
 * <p>Both S and I count as done, as cgminer reports a driver's answer with I. asic-rs notes that
 * softon may close the connection without a word; a wake that gets an empty reply is taken as
 * accepted, and the telemetry confirmation, which watches for hashrate, decides.
 * An empty reply to softoff, or a reply that never comes, is a failure as usual.
 *
 * <p>Power targets are refused: Avalon firmware has work modes and levels ({@code ascset
 * 0,workmode,set,<n>}, {@code worklevel}) whose watts vary by model and firmware, not a target in
 * watts.
 */
final class AvalonControl implements PowerController {
  private final Function<MinerAddress, MinerRpc> rpcs;
  private final InstantSource clock;

  AvalonControl(Function<MinerAddress, MinerRpc> rpcs, InstantSource clock) {
    this.rpcs = rpcs;
    this.clock = clock;
  }

  @Override
  public CommandResult send(MinerAddress miner, PowerCommand command) throws IOException {
    String option = switch (command) {
      case Sleep s -> "softoff";
      case Wake w -> "softon";
      case SetPowerTarget t -> null;
    };
    if (option == null) {
      return new Refused(miner, "unsupported: Avalon firmware takes no power target in watts, only work modes and levels, which Hashfleet does not send");
    }
    String request = FirmwareStatus.request("ascset", parameter(option, clock.instant().getEpochSecond()));
    FirmwareStatus st;
    try {
      st = FirmwareStatus.of(FirmwareStatus.call(rpcs.apply(miner), miner, request));
    } catch (RpcException e) {
      if (command instanceof Wake && e.kind() == RpcException.Kind.EMPTY) {
        return new Accepted(miner, "ascset softon (no reply: the connection closed as the miner left standby; telemetry will confirm)");
      }
      throw e;
    }
    if (st.ok() || st.already()) return new Accepted(miner, "ascset " + option + " (" + st.msg() + ")");
    if (st.code() == FirmwareStatus.ACCESS_DENIED) {
      return new Refused(miner, "ascset " + option + " refused: access denied (" + st + "); the API must allow writes from this host");
    }
    return new Refused(miner, "ascset " + option + " refused: " + st);
  }

  /** {@code 0,<option>,1:<unix time>}: ASC 0 (the controller), the option, and when it takes effect. */
  static String parameter(String option, long epochSecond) {
    return "0," + option + ",1:" + epochSecond;
  }
}
