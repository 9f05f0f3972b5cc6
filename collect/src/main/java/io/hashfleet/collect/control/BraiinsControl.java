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
 * Braiins OS: sleep and wake through its legacy cgminer-compatible API on 4028 ({@code pause} and
 * {@code resume}); power targets through its public gRPC API ({@link BraiinsGrpc}, port 50051).
 */
final class BraiinsControl implements PowerController {
  private final Function<MinerAddress, MinerRpc> rpcs;
  private final BraiinsGrpc grpc;

  BraiinsControl(Function<MinerAddress, MinerRpc> rpcs, BraiinsGrpc grpc) {
    this.rpcs = rpcs;
    this.grpc = grpc;
  }

  @Override
  public CommandResult send(MinerAddress miner, PowerCommand command) throws IOException {
    String verb;
    switch (command) {
      case Sleep s -> verb = "pause";
      case Wake w -> verb = "resume";
      case SetPowerTarget t -> {
        return grpc.setPowerTarget(miner, t.watts());
      }
    }
    FirmwareStatus st = FirmwareStatus.of(FirmwareStatus.call(rpcs.apply(miner), miner, FirmwareStatus.request(verb, null)));
    if (st.ok() || st.already()) return new Accepted(miner, verb + " (" + st.msg() + ")");
    if (st.code() == FirmwareStatus.ACCESS_DENIED) {
      return new Refused(miner, verb + " refused: access denied (" + st + "); the API must allow writes from this host");
    }
    return new Refused(miner, verb + " refused: " + st);
  }
}
