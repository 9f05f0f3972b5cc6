package io.hashfleet.sim;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.hashfleet.domain.Dialect;
import io.hashfleet.firmware.bos.v1.AuthenticationServiceGrpc;
import io.hashfleet.firmware.bos.v1.LoginRequest;
import io.hashfleet.firmware.bos.v1.LoginResponse;
import io.hashfleet.firmware.bos.v1.PerformanceServiceGrpc;
import io.hashfleet.firmware.bos.v1.Power;
import io.hashfleet.firmware.bos.v1.SaveAction;
import io.hashfleet.firmware.bos.v1.SetPowerTargetRequest;
import io.hashfleet.firmware.bos.v1.SetPowerTargetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fleet's third listening socket: the Braiins OS public gRPC API (plaintext HTTP/2, port 50051
 * on real units), told apart by the loopback address the client connected to, like the other
 * ports. It serves {@code AuthenticationService/Login} and {@code PerformanceService/SetPowerTarget}.
 *
 * <p>Only Braiins OS miners have this API. Any other address answers UNAVAILABLE: a real stock
 * Antminer, LuxOS, Whatsminer or Avalon has nothing listening on the port and refuses the TCP
 * connection, which a gRPC client reports as UNAVAILABLE; one shared socket cannot refuse per
 * address, so the sim answers what the client would have concluded. OFFLINE miners answer the
 * same; HUNG miners take the call and never answer, so the client's deadline ends it.
 *
 * <p>Login takes the factory login, {@code root} with an empty password, and answers the token in
 * the {@code authorization} response header; other calls need a live token in the
 * {@code authorization} request header, or end UNAUTHENTICATED. A target outside 60–110% of the
 * model's nominal draw ends INVALID_ARGUMENT naming the range: Braiins OS bounds targets per model;
 * the exact bounds are the firmware's, these are the sim's plausible stand-in.
 */
final class BosGrpcFront implements AutoCloseable {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final String USER = "root";
  static final String PASSWORD = "";
  /** Power targets the sim takes, as shares of the model's nominal draw. */
  static final double MIN_TARGET_SHARE = 0.60;
  static final double MAX_TARGET_SHARE = 1.10;

  private static final Context.Key<Integer> MINER = Context.key("sim-bos-miner");
  private static final Context.Key<AtomicReference<String>> ISSUED = Context.key("sim-bos-issued-token");

  private final Server server;

  private BosGrpcFront(Server server) {
    this.server = server;
  }

  static BosGrpcFront start(FleetState state, String bindHost, int port) {
    Gate gate = new Gate(state);
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port))
        .directExecutor() // every handler is a few microseconds of arithmetic and never blocks
        .addService(ServerInterceptors.intercept(new Authentication(state), gate))
        .addService(ServerInterceptors.intercept(new Performance(state), gate))
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("sim: cannot listen for gRPC on " + bindHost + ":" + port + ": " + e.getMessage(), e);
    }
    return new BosGrpcFront(server);
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Which miner was called, whether it serves the API at all, and whether the caller is logged in. */
  private static final class Gate implements ServerInterceptor {
    private final FleetState state;

    Gate(FleetState state) {
      this.state = state;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      int index = indexOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR));
      if (index < 0) return refuse(call, Status.UNAVAILABLE.withDescription("no miner at this address"));
      if (state.dialect(index) != Dialect.BRAIINS_OS) {
        return refuse(call, Status.UNAVAILABLE.withDescription("connection refused: " + state.dialect(index) + " firmware serves no gRPC API"));
      }
      Fault fault = state.fault(index);
      if (fault == Fault.OFFLINE) return refuse(call, Status.UNAVAILABLE.withDescription("connection refused"));
      if (fault == Fault.HUNG) return new ServerCall.Listener<>() {}; // never answered: the client's deadline ends it
      boolean login = call.getMethodDescriptor().getServiceName().equals(AuthenticationServiceGrpc.SERVICE_NAME);
      if (!login && !state.logins.bosValid(index, headers.get(AUTHORIZATION), state.nowMillis())) {
        return refuse(call, Status.UNAUTHENTICATED.withDescription("missing or expired authorization token: log in first"));
      }
      AtomicReference<String> issued = new AtomicReference<>();
      ServerCall<Q, R> handingOutTokens = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
        @Override
        public void sendHeaders(Metadata responseHeaders) {
          String token = issued.get();
          if (token != null) responseHeaders.put(AUTHORIZATION, token);
          super.sendHeaders(responseHeaders);
        }
      };
      Context context = Context.current().withValues(MINER, index, ISSUED, issued);
      return Contexts.interceptCall(context, handingOutTokens, headers, next);
    }

    private int indexOf(SocketAddress local) {
      if (!(local instanceof InetSocketAddress a) || !(a.getAddress() instanceof Inet4Address v4)) return -1;
      byte[] b = v4.getAddress();
      long v = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
      return state.indexOf(v);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
      call.close(status, new Metadata());
      return new ServerCall.Listener<>() {};
    }
  }

  private static final class Authentication extends AuthenticationServiceGrpc.AuthenticationServiceImplBase {
    private final FleetState state;

    Authentication(FleetState state) {
      this.state = state;
    }

    @Override
    public void login(LoginRequest request, StreamObserver<LoginResponse> out) {
      if (!USER.equals(request.getUsername()) || !PASSWORD.equals(request.getPassword())) {
        out.onError(Status.UNAUTHENTICATED.withDescription("invalid username or password").asRuntimeException());
        return;
      }
      ISSUED.get().set(state.logins.bosLogin(MINER.get(), state.nowMillis()));
      out.onNext(LoginResponse.getDefaultInstance());
      out.onCompleted();
    }
  }

  private static final class Performance extends PerformanceServiceGrpc.PerformanceServiceImplBase {
    private final FleetState state;

    Performance(FleetState state) {
      this.state = state;
    }

    @Override
    public void setPowerTarget(SetPowerTargetRequest request, StreamObserver<SetPowerTargetResponse> out) {
      int index = MINER.get();
      long now = state.nowMillis();
      Telemetry t = new Telemetry(state, index, now);
      if (request.getSaveAction() != SaveAction.SAVE_ACTION_SAVE_AND_APPLY && request.getSaveAction() != SaveAction.SAVE_ACTION_SAVE_AND_FORCE_APPLY) {
        // the sim keeps no configuration apart from what is in force
        out.onError(Status.INVALID_ARGUMENT.withDescription("save action " + request.getSaveAction() + " is not supported by the simulator").asRuntimeException());
        return;
      }
      long min = Math.round(t.model.watts() * MIN_TARGET_SHARE);
      long max = Math.round(t.model.watts() * MAX_TARGET_SHARE);
      long watts = request.getPowerTarget().getWatt();
      if (!request.hasPowerTarget() || watts < min || watts > max) {
        out.onError(Status.INVALID_ARGUMENT
            .withDescription("power target " + watts + " W is out of range: " + min + " W to " + max + " W for " + BraiinsFirmware.INSTANCE.modelName(t.model))
            .asRuntimeException());
        return;
      }
      new Actions(state, index, now).powerTarget(watts / t.normalW);
      out.onNext(SetPowerTargetResponse.newBuilder().setPowerTarget(Power.newBuilder().setWatt(watts)).build());
      out.onCompleted();
    }
  }
}
