package io.hashfleet.collect.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.collect.control.PowerCommand.SetPowerTarget;
import io.hashfleet.collect.control.PowerCommand.Sleep;
import io.hashfleet.collect.control.PowerCommand.Wake;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.util.function.Function;

/**
 * Whatsminer through btminer's API 2.x on 4028: {@code power_off} and {@code power_on}, each with a
 * fresh token (see {@link BtminerToken}). The plain {@code status} command tells first whether the
 * miner is already where it is asked to go, so a repeated command costs no token.
 */
final class WhatsminerControl implements PowerController {
  static final int OK = 131;
  static final int COMMAND_ERROR = 132;
  static final int TOKEN_ISSUED = 134;
  private final Function<MinerAddress, MinerRpc> rpcs;
  private final Credentials credentials;

  WhatsminerControl(Function<MinerAddress, MinerRpc> rpcs, Credentials credentials) {
    this.rpcs = rpcs;
    this.credentials = credentials;
  }

  @Override
  public CommandResult send(MinerAddress miner, PowerCommand command) throws IOException {
    ObjectNode cmd = JsonNodeFactory.instance.objectNode();
    switch (command) {
      case Sleep s -> cmd.put("cmd", "power_off").put("respbefore", "true"); // answer before the boards go off
      case Wake w -> cmd.put("cmd", "power_on");
      case SetPowerTarget t -> {
        return new Refused(miner, "unsupported: btminer's adjust_power_limit reboots the miner and is not sent by Hashfleet");
      }
    }
    String verb = cmd.get("cmd").asText();
    MinerRpc rpc = rpcs.apply(miner);
    boolean wantOff = command instanceof Sleep;
    if (String.valueOf(wantOff).equals(minerOff(rpc, miner))) {
      return new Accepted(miner, wantOff ? "already powered off" : "already powered on");
    }
    JsonNode token = FirmwareStatus.call(rpc, miner, "{\"cmd\":\"get_token\"}");
    FirmwareStatus tokenStatus = FirmwareStatus.of(token);
    JsonNode msg = token.path("Msg");
    if (tokenStatus.code() != TOKEN_ISSUED || !msg.isObject()) return refused(miner, "get_token", tokenStatus);
    BtminerToken t = BtminerToken.derive(credentials.password(), msg.path("time").asText(), msg.path("salt").asText(),
        msg.path("newsalt").asText());
    JsonNode reply = FirmwareStatus.call(rpc, miner, t.encrypt(cmd));
    // errors about the token or the encryption come in plain text: the miner could not use the key
    JsonNode plain = reply.path("enc").isTextual() ? t.decrypt(reply.get("enc").asText(), miner) : reply;
    FirmwareStatus st = FirmwareStatus.of(plain);
    if (st.code() == OK || st.already()) return new Accepted(miner, verb + " (" + st.msg() + ")");
    return refused(miner, verb, st);
  }

  /** {@code status}'s btmineroff ("true"/"false"), or null when the miner does not say: then the command is sent anyway. */
  private static String minerOff(MinerRpc rpc, MinerAddress miner) throws IOException {
    try {
      JsonNode off = FirmwareStatus.call(rpc, miner, "{\"cmd\":\"status\"}").path("Msg").path("btmineroff");
      return off.isTextual() ? off.asText() : null;
    } catch (ReplyFormatException e) {
      return null;
    }
  }

  private static Refused refused(MinerAddress miner, String verb, FirmwareStatus st) {
    String why = switch (st.code()) {
      case FirmwareStatus.ACCESS_DENIED -> "permission denied: enable the write API (WhatsMinerTool)";
      case 23, 135, 137 -> "the miner could not decrypt or verify the command: wrong admin password?";
      case 136 -> "the miner has handed out its maximum of tokens; retry later";
      case COMMAND_ERROR -> "command error";
      default -> "unexpected answer";
    };
    return new Refused(miner, verb + " refused, " + why + " (" + st + ")");
  }
}
