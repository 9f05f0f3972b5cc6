package io.hashfleet.collect.rpc;

import java.time.Duration;

/**
 * Limits on one exchange with a miner.
 *
 * @param connect how long to wait for the TCP handshake
 * @param read longest silence between two reads
 * @param total the whole exchange, so a miner that drips a byte at a time cannot hold a slot
 * @param maxReplyBytes replies above this are refused (real replies are a few KB; 1 MB is garbage)
 */
public record RpcTimeouts(Duration connect, Duration read, Duration total, int maxReplyBytes) {
  public static final RpcTimeouts DEFAULT =
      new RpcTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 20);

  public RpcTimeouts {
    if (connect.isNegative() || connect.isZero()) throw new IllegalArgumentException("connect timeout must be positive");
    if (read.isNegative() || read.isZero()) throw new IllegalArgumentException("read timeout must be positive");
    if (total.compareTo(read) < 0) throw new IllegalArgumentException("total timeout must be at least the read timeout");
    if (maxReplyBytes < 1024) throw new IllegalArgumentException("max reply size must be at least 1 KB");
  }
}
