package io.hashfleet.collect.control;

import com.fasterxml.jackson.databind.JsonNode;
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
 * LuxOS: privileged commands need a session. {@code logon} opens one and answers its id in
 * {@code SESSION[0].SessionID}; LuxOS allows one session at a time, so when another is active its
 * id is read with {@code session}. Then {@code curtail <sid>,sleep} or {@code <sid>,wakeup}, and a
 * {@code logoff} for a session this controller opened (one borrowed from another tool is left
 * alone, or that tool would lose it mid-work).
 */
final class LuxosControl implements PowerController {
  private final Function<MinerAddress, MinerRpc> rpcs;

  LuxosControl(Function<MinerAddress, MinerRpc> rpcs) {
    this.rpcs = rpcs;
  }

  @Override
  public CommandResult send(MinerAddress miner, PowerCommand command) throws IOException {
    String mode = switch (command) {
      case Sleep s -> "sleep";
      case Wake w -> "wakeup";
      case SetPowerTarget t -> null;
    };
    if (mode == null) return new Refused(miner, "unsupported: LuxOS sets power through profiles (profileset), which Hashfleet does not send");
    MinerRpc rpc = rpcs.apply(miner);
    JsonNode logon = FirmwareStatus.call(rpc, miner, FirmwareStatus.request("logon", null));
    FirmwareStatus logonStatus = FirmwareStatus.of(logon);
    boolean owned = logonStatus.ok();
    String sid = owned ? sessionId(logon) : sessionId(FirmwareStatus.call(rpc, miner, FirmwareStatus.request("session", null)));
    if (sid.isEmpty()) return new Refused(miner, "LuxOS logon refused (" + logonStatus + ") and no session is active");
    try {
      FirmwareStatus st = FirmwareStatus.of(FirmwareStatus.call(rpc, miner, FirmwareStatus.request("curtail", sid + "," + mode)));
      if (st.ok() || st.already()) return new Accepted(miner, "curtail " + mode + " (" + st.msg() + ")");
      return new Refused(miner, "curtail " + mode + " refused: " + st);
    } finally {
      if (owned) logoff(rpc, miner, sid);
    }
  }

  private static String sessionId(JsonNode reply) {
    return reply.at("/SESSION/0/SessionID").asText("").trim();
  }

  /** Best effort: the command's outcome stands either way, and LuxOS ends idle sessions itself. */
  private static void logoff(MinerRpc rpc, MinerAddress miner, String sid) {
    try {
      rpc.call(FirmwareStatus.request("logoff", sid));
    } catch (IOException e) {
      // the session times out on the miner
    }
  }
}
