package io.hashfleet.collect.control;

import io.hashfleet.collect.rpc.RpcTimeouts;
import java.util.Objects;

/**
 * How to reach and log in to miners' write APIs.
 *
 * @param antminer the web login of Bitmain stock firmware
 * @param whatsminer the btminer API password (its user is not sent)
 * @param antminerWebPort where stock Antminers serve their web configuration: 80 on real units
 * @param timeouts connect, read and total limits on every exchange, over TCP 4028, HTTP and gRPC alike
 * @param maxConcurrent how many miners {@link MinerControl#sendAll} talks to at once
 * @param braiins the login of Braiins OS's public gRPC API
 * @param braiinsGrpcPort where Braiins OS serves its public gRPC API (power targets): 50051 on real units
 */
public record ControlSettings(Credentials antminer, Credentials whatsminer, int antminerWebPort, RpcTimeouts timeouts, int maxConcurrent,
    Credentials braiins, int braiinsGrpcPort) {
  public static final int BRAIINS_GRPC_PORT = 50051;
  public static final ControlSettings DEFAULT = new ControlSettings(Credentials.ANTMINER_DEFAULT, Credentials.WHATSMINER_DEFAULT, 80,
      RpcTimeouts.DEFAULT, 256, Credentials.BRAIINS_DEFAULT, BRAIINS_GRPC_PORT);

  public ControlSettings {
    Objects.requireNonNull(antminer, "antminer credentials");
    Objects.requireNonNull(whatsminer, "whatsminer credentials");
    Objects.requireNonNull(braiins, "braiins credentials");
    Objects.requireNonNull(timeouts, "timeouts");
    if (antminerWebPort < 1 || antminerWebPort > 65535) throw new IllegalArgumentException("antminer web port out of range: " + antminerWebPort);
    if (braiinsGrpcPort < 1 || braiinsGrpcPort > 65535) throw new IllegalArgumentException("braiins gRPC port out of range: " + braiinsGrpcPort);
    if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
  }

  /** With Braiins OS's factory login and gRPC port. */
  public ControlSettings(Credentials antminer, Credentials whatsminer, int antminerWebPort, RpcTimeouts timeouts, int maxConcurrent) {
    this(antminer, whatsminer, antminerWebPort, timeouts, maxConcurrent, Credentials.BRAIINS_DEFAULT, BRAIINS_GRPC_PORT);
  }

  public ControlSettings withAntminer(Credentials c) {
    return new ControlSettings(c, whatsminer, antminerWebPort, timeouts, maxConcurrent, braiins, braiinsGrpcPort);
  }

  public ControlSettings withWhatsminer(Credentials c) {
    return new ControlSettings(antminer, c, antminerWebPort, timeouts, maxConcurrent, braiins, braiinsGrpcPort);
  }

  public ControlSettings withBraiins(Credentials c) {
    return new ControlSettings(antminer, whatsminer, antminerWebPort, timeouts, maxConcurrent, c, braiinsGrpcPort);
  }

  public ControlSettings withAntminerWebPort(int port) {
    return new ControlSettings(antminer, whatsminer, port, timeouts, maxConcurrent, braiins, braiinsGrpcPort);
  }

  public ControlSettings withBraiinsGrpcPort(int port) {
    return new ControlSettings(antminer, whatsminer, antminerWebPort, timeouts, maxConcurrent, braiins, port);
  }

  public ControlSettings withTimeouts(RpcTimeouts t) {
    return new ControlSettings(antminer, whatsminer, antminerWebPort, t, maxConcurrent, braiins, braiinsGrpcPort);
  }

  public ControlSettings withMaxConcurrent(int n) {
    return new ControlSettings(antminer, whatsminer, antminerWebPort, timeouts, n, braiins, braiinsGrpcPort);
  }
}
