package io.hashfleet.collect.rpc;

import io.hashfleet.domain.MinerAddress;
import java.io.IOException;

/** A failed exchange with one miner; the message starts with the miner's address. */
public class RpcException extends IOException {
  private final Kind kind;

  /** Why the exchange failed, so health can tell an offline miner from a misbehaving one. */
  public enum Kind {
    REFUSED,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    RESET,
    TOO_LARGE,
    EMPTY,
    OTHER
  }

  public RpcException(MinerAddress address, Kind kind, String message, Throwable cause) {
    super(address + ": " + message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
