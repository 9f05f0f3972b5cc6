package io.hashfleet.collect.control;

import io.hashfleet.collect.rpc.RpcTimeouts;
import java.util.Objects;

/**
 * How to reach and log in to miners' write APIs.
 *
 * @param antminer the web login of Bitmain stock firmware
 * @param whatsminer the btminer API password (its user is not sent)
 * @param antminerWebPort where stock Antminers serve their web configuration: 80 on real units
 * @param timeouts connect, read and total limits on every exchange, over TCP 4028 and HTTP alike
 * @param maxConcurrent how many miners {@link MinerControl#sendAll} talks to at once
 */
public record ControlSettings(Credentials antminer, Credentials whatsminer, int antminerWebPort, RpcTimeouts timeouts, int maxConcurrent) {
  public static final ControlSettings DEFAULT =
      new ControlSettings(Credentials.ANTMINER_DEFAULT, Credentials.WHATSMINER_DEFAULT, 80, RpcTimeouts.DEFAULT, 256);

  public ControlSettings {
    Objects.requireNonNull(antminer, "antminer credentials");
    Objects.requireNonNull(whatsminer, "whatsminer credentials");
    Objects.requireNonNull(timeouts, "timeouts");
    if (antminerWebPort < 1 || antminerWebPort > 65535) throw new IllegalArgumentException("antminer web port out of range: " + antminerWebPort);
    if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
  }

  public ControlSettings withAntminer(Credentials c) {
    return new ControlSettings(c, whatsminer, antminerWebPort, timeouts, maxConcurrent);
  }

  public ControlSettings withWhatsminer(Credentials c) {
    return new ControlSettings(antminer, c, antminerWebPort, timeouts, maxConcurrent);
  }

  public ControlSettings withAntminerWebPort(int port) {
    return new ControlSettings(antminer, whatsminer, port, timeouts, maxConcurrent);
  }

  public ControlSettings withTimeouts(RpcTimeouts t) {
    return new ControlSettings(antminer, whatsminer, antminerWebPort, t, maxConcurrent);
  }

  public ControlSettings withMaxConcurrent(int n) {
    return new ControlSettings(antminer, whatsminer, antminerWebPort, timeouts, n);
  }
}
