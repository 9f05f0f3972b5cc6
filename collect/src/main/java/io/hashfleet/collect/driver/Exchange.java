package io.hashfleet.collect.driver;

import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.MinerAddress;

/** cgminer-style requests and what is remembered about them; the asking itself is a {@link Conversation}. */
final class Exchange {
  /** Miners whose firmware refuses joined requests; drivers are shared, so this is too. */
  static final JoinedRefusals REFUSALS = new JoinedRefusals();

  private Exchange() {}

  static String request(String command) {
    return "{\"command\":\"" + command + "\"}";
  }

  static ReplyFormatException missing(MinerAddress address, String command, String dialect) {
    return new ReplyFormatException(address + ": no usable '" + command + "' reply from " + dialect + " firmware");
  }
}
