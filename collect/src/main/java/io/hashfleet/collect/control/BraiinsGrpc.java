package io.hashfleet.collect.control;

import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.stub.MetadataUtils;
import io.hashfleet.collect.control.CommandResult.Accepted;
import io.hashfleet.collect.control.CommandResult.Failed;
import io.hashfleet.collect.control.CommandResult.Refused;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.Power;
import io.hashfleet.firmware.bos.v1.AuthenticationServiceGrpc;
import io.hashfleet.firmware.bos.v1.LoginRequest;
import io.hashfleet.firmware.bos.v1.PerformanceServiceGrpc;
import io.hashfleet.firmware.bos.v1.SaveAction;
import io.hashfleet.firmware.bos.v1.SetPowerTargetRequest;
import io.hashfleet.firmware.bos.v1.SetPowerTargetResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Braiins OS power targets through its public gRPC API (plaintext HTTP/2 on the settings' gRPC
 * port, 50051 on real units): {@code AuthenticationService/Login}, whose token comes back in the
 * {@code authorization} response header, then {@code PerformanceService/SetPowerTarget} with that
 * header and "save and apply", so the target is in force at once and survives a restart.
 *
 * <p>Tokens are kept per miner and reused: a fleet-wide call is then one exchange per miner. A
 * kept token the miner no longer accepts (expired, its API restarted) is answered UNAUTHENTICATED,
 * and the controller logs in again once. A fresh login that is refused is a wrong password.
 *
 * <p>Channels: one per miner while it is being commanded, kept for its next command (the restore
 * at the end of an event), but never more than {@code maxConcurrent} idle ones: a burst over
 * 18,000 miners opens and closes channels as it goes instead of holding 18,000 of them. Kept
 * channels drop their connection after {@link #CONNECTION_IDLE_S} quiet seconds and are closed
 * after {@link #CHANNEL_IDLE_MS}. All of them share gRPC's one event loop group. {@link #close}
 * shuts them down.
 *
 * <p>Status codes become results: the firmware saying no (INVALID_ARGUMENT for a target out of the
 * model's range, PERMISSION_DENIED, FAILED_PRECONDITION, OUT_OF_RANGE, UNAUTHENTICATED after a fresh
 * login, UNIMPLEMENTED on firmware without the call) is {@link Refused} with its own message;
 * unreachable, timed out or anything else is {@link Failed}. The whole command, login included,
 * runs within the settings' total timeout.
 */
final class BraiinsGrpc implements AutoCloseable {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final int CONNECTION_IDLE_S = 30;
  static final long CHANNEL_IDLE_MS = 60_000;
  private static final long SWEEP_EVERY_NS = TimeUnit.SECONDS.toNanos(10);

  private final ControlSettings settings;
  /** host:port of the gRPC API to its channel. */
  private final Map<String, Kept> channels = new ConcurrentHashMap<>();
  /** host:port of the gRPC API to the last token its miner gave us. */
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();
  private volatile long lastSweep = System.nanoTime();
  private volatile boolean closed;

  private static final class Kept {
    final ManagedChannel channel;
    final AtomicInteger inFlight = new AtomicInteger();
    volatile long lastUsedNs = System.nanoTime();

    Kept(ManagedChannel channel) {
      this.channel = channel;
    }
  }

  BraiinsGrpc(ControlSettings settings) {
    this.settings = settings;
  }

  CommandResult setPowerTarget(MinerAddress miner, Power watts) {
    String key = miner.host() + ":" + settings.braiinsGrpcPort();
    String what = "power target " + watts;
    Deadline deadline = Deadline.after(settings.timeouts().total().toMillis(), TimeUnit.MILLISECONDS);
    Kept kept = acquire(key, miner.host());
    if (kept == null) return new Failed(miner, what + " failed: the controller is closed");
    Step step = Step.LOGIN;
    try {
      String token = tokens.get(key);
      boolean fresh = token == null;
      if (fresh) token = login(kept.channel, key, deadline);
      step = Step.SET;
      SetPowerTargetResponse reply;
      try {
        reply = set(kept.channel, token, watts, deadline);
      } catch (StatusRuntimeException e) {
        if (fresh || e.getStatus().getCode() != Status.Code.UNAUTHENTICATED) throw e;
        // the miner forgot the kept token (expired, API restarted): one fresh login, one more try
        tokens.remove(key, token);
        step = Step.LOGIN;
        token = login(kept.channel, key, deadline);
        step = Step.SET_AFTER_LOGIN;
        reply = set(kept.channel, token, watts, deadline);
      }
      long now = reply.hasPowerTarget() ? reply.getPowerTarget().getWatt() : watts.watts();
      return new Accepted(miner, "SetPowerTarget " + watts.watts() + " W saved and applied (firmware target now " + now + " W)");
    } catch (StatusRuntimeException e) {
      return outcome(miner, what, step, e.getStatus());
    } finally {
      release(key, kept);
    }
  }

  private enum Step { LOGIN, SET, SET_AFTER_LOGIN }

  /**
   * Loads and starts the client stack (Netty's event loop, protobuf, the stubs) with one login to a
   * closed local port, which fails at once. A controller calls this when it starts: the first power
   * target of a demand-response call otherwise pays that start-up, a second or two on a busy
   * machine, in the middle of the call.
   */
  void warmUp() {
    // Serialising each request once loads protobuf's runtime, which the refused login below does not reach.
    byte[] request = SetPowerTargetRequest.newBuilder().setSaveAction(SaveAction.SAVE_ACTION_SAVE_AND_APPLY)
        .setPowerTarget(io.hashfleet.firmware.bos.v1.Power.newBuilder().setWatt(1)).build().toByteArray();
    try {
      SetPowerTargetRequest.parseFrom(request);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("protobuf could not read back its own bytes", e);
    }
    ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", 9).usePlaintext().build(); // discard port: nothing listens
    try {
      AuthenticationServiceGrpc.newBlockingStub(ch).withDeadline(Deadline.after(2, TimeUnit.SECONDS))
          .login(LoginRequest.newBuilder().setUsername("warm-up").setPassword("").build());
    } catch (RuntimeException expected) {
      // refused, as intended: the classes are loaded and the event loop is running
    } finally {
      ch.shutdownNow();
    }
  }

  private String login(ManagedChannel channel, String key, Deadline deadline) {
    AtomicReference<Metadata> headers = new AtomicReference<>();
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    Credentials c = settings.braiins();
    AuthenticationServiceGrpc.newBlockingStub(channel).withDeadline(deadline)
        .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
        .login(LoginRequest.newBuilder().setUsername(c.user()).setPassword(c.password()).build());
    Metadata h = headers.get();
    String token = h == null ? null : h.get(AUTHORIZATION);
    if (token == null || token.isBlank()) {
      throw Status.INTERNAL.withDescription("Login answered without an authorization header").asRuntimeException();
    }
    logins.incrementAndGet();
    tokens.put(key, token);
    return token;
  }

  private static SetPowerTargetResponse set(ManagedChannel channel, String token, Power watts, Deadline deadline) {
    Metadata auth = new Metadata();
    auth.put(AUTHORIZATION, token);
    return PerformanceServiceGrpc.newBlockingStub(channel).withDeadline(deadline)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth))
        .setPowerTarget(SetPowerTargetRequest.newBuilder().setSaveAction(SaveAction.SAVE_ACTION_SAVE_AND_APPLY)
            .setPowerTarget(io.hashfleet.firmware.bos.v1.Power.newBuilder().setWatt(watts.watts())).build());
  }

  private CommandResult outcome(MinerAddress miner, String what, Step step, Status s) {
    String detail = s.getCode() + (s.getDescription() == null || s.getDescription().isBlank() ? "" : ": " + s.getDescription());
    int port = settings.braiinsGrpcPort();
    return switch (s.getCode()) {
      case UNAUTHENTICATED -> step == Step.SET_AFTER_LOGIN
          ? new Refused(miner, what + " refused even with a fresh token (" + detail + ")")
          : new Refused(miner, "gRPC login refused (" + detail + "): the Braiins OS login " + settings.braiins() + " was not accepted");
      case INVALID_ARGUMENT, PERMISSION_DENIED, FAILED_PRECONDITION, OUT_OF_RANGE -> new Refused(miner, what + " refused: " + detail);
      case UNIMPLEMENTED -> new Refused(miner, "unsupported: this Braiins OS does not serve "
          + (step == Step.LOGIN ? "AuthenticationService/Login" : "PerformanceService/SetPowerTarget") + " (" + detail + "); update the firmware");
      case DEADLINE_EXCEEDED -> new Failed(miner, what + " failed: no reply within " + settings.timeouts().total().toMillis() + " ms on gRPC port " + port);
      case UNAVAILABLE -> new Failed(miner, what + " failed: gRPC port " + port + " unreachable (" + detail + ")");
      default -> new Failed(miner, what + " failed: " + detail);
    };
  }

  private Kept acquire(String key, String host) {
    sweepNowAndThen();
    if (closed) return null;
    Kept k = channels.compute(key, (ignored, e) -> {
      Kept out = e != null ? e : new Kept(open(host));
      out.inFlight.incrementAndGet();
      out.lastUsedNs = System.nanoTime();
      return out;
    });
    return k;
  }

  private ManagedChannel open(String host) {
    int connectMs = (int) Math.min(Integer.MAX_VALUE, settings.timeouts().connect().toMillis());
    return NettyChannelBuilder.forAddress(host, settings.braiinsGrpcPort())
        .usePlaintext() // Braiins OS serves the API without TLS
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMs)
        .idleTimeout(CONNECTION_IDLE_S, TimeUnit.SECONDS)
        .maxInboundMessageSize(settings.timeouts().maxReplyBytes())
        .build();
  }

  /** Done with a channel: it stays for the miner's next command unless too many are kept already. */
  private void release(String key, Kept k) {
    k.lastUsedNs = System.nanoTime();
    k.inFlight.decrementAndGet();
    if (channels.size() > settings.maxConcurrent() || closed) dropIfIdle(key, 0);
  }

  private void sweepNowAndThen() {
    long now = System.nanoTime();
    if (now - lastSweep < SWEEP_EVERY_NS) return;
    lastSweep = now;
    for (String key : channels.keySet()) dropIfIdle(key, TimeUnit.MILLISECONDS.toNanos(CHANNEL_IDLE_MS));
  }

  /** Removes and shuts down the channel when no command is using it and it has been quiet that long. */
  private void dropIfIdle(String key, long quietNs) {
    long now = System.nanoTime();
    channels.computeIfPresent(key, (ignored, k) -> {
      if (k.inFlight.get() > 0 || now - k.lastUsedNs < quietNs) return k;
      k.channel.shutdown();
      return null;
    });
  }

  /** Channels open now; for tests and status. */
  int openChannels() {
    return channels.size();
  }

  /** Logins this controller made; for tests. */
  int logins() {
    return logins.get();
  }

  /** Tokens kept; for tests. */
  int keptTokens() {
    return tokens.size();
  }

  @Override
  public void close() {
    closed = true;
    for (String key : channels.keySet()) {
      channels.computeIfPresent(key, (ignored, k) -> {
        k.channel.shutdownNow(); // nothing should be in flight; whatever is, is abandoned
        return null;
      });
    }
    tokens.clear();
  }
}
