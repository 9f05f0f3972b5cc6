package io.hashfleet.domain;

import java.util.Objects;

/** Where a miner's API listens: an IPv4 address (or host name) and a TCP port, 4028 by default. */
public record MinerAddress(String host, int port) implements Comparable<MinerAddress> {
  public static final int DEFAULT_PORT = 4028;

  public MinerAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) throw new IllegalArgumentException("miner address has an empty host");
    if (port < 1 || port > 65535) throw new IllegalArgumentException(host + ": port out of range: " + port);
  }

  public static MinerAddress of(String host) {
    return new MinerAddress(host, DEFAULT_PORT);
  }

  /** Parses {@code 10.1.2.3} or {@code 10.1.2.3:4029}. */
  public static MinerAddress parse(String text) {
    String t = text.trim();
    int colon = t.lastIndexOf(':');
    if (colon < 0) return of(t);
    try {
      return new MinerAddress(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a miner address (host[:port]): '" + text + "'");
    }
  }

  /** Orders IPv4 addresses numerically so listings read 10.0.0.2 before 10.0.0.10. */
  @Override
  public int compareTo(MinerAddress o) {
    long a = Ipv4.toLongOrMinus1(host);
    long b = Ipv4.toLongOrMinus1(o.host);
    int c = (a >= 0 && b >= 0) ? Long.compare(a, b) : host.compareTo(o.host);
    return c != 0 ? c : Integer.compare(port, o.port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
