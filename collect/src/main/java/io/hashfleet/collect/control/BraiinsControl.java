package io.hashfleet.collect.control;

import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.collect.control.PowerCommand.SetPowerTarget;
import io.hashfleet.collect.control.PowerCommand.Sleep;
import io.hashfleet.collect.control.PowerCommand.Wake;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.util.function.Function;

/**
 * Braiins OS through its legacy cgminer-compatible API on 4028: {@code pause} and {@code resume}.
 * Power targets live in the public gRPC API (port 50051, PerformanceService), not spoken here yet.
 */
final class BraiinsControl implements PowerController {
  private final Function<MinerAddress, MinerRpc> rpcs;

  BraiinsControl(Function<MinerAddress, MinerRpc> rpcs) {
    this.rpcs = rpcs;
  }

  @Override
  public CommandResult send(MinerAddress miner, PowerCommand command) throws IOException {
    String verb = switch (command) {
      case Sleep s -> "pause";
      case Wake w -> "resume";
      case SetPowerTarget t -> null;
    };
    if (verb == null) return new Refused(miner, "unsupported here: Braiins OS power targets need the gRPC API (port 50051)");
    FirmwareStatus st = FirmwareStatus.of(FirmwareStatus.call(rpcs.apply(miner), miner, FirmwareStatus.request(verb, null)));
    if (st.ok() || st.already()) return new Accepted(miner, verb + " (" + st.msg() + ")");
    if (st.code() == FirmwareStatus.ACCESS_DENIED) {
      return new Refused(miner, verb + " refused: access denied (" + st + "); the API must allow writes from this host");
    }
    return new Refused(miner, verb + " refused: " + st);
  }
}
