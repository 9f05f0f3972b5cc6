package io.hashfleet.collect.rpc;

import java.io.IOException;

/**
 * One request/reply exchange with a miner's API: a connection per request, as cgminer-family
 * firmware expects. Drivers talk through this so that they can be tested on recorded replies.
 */
@FunctionalInterface
public interface MinerRpc {
  /**
   * Sends {@code request} (plain text such as {@code summary} or JSON such as
   * {@code {"command":"summary+pools+stats"}}) and returns the reply without its trailing NUL.
   *
   * @throws IOException when the miner is unreachable, times out, resets, or sends too much
   */
  String call(String request) throws IOException;
}
