package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.firmware.bos.v1.AuthenticationServiceGrpc;
import io.hashfleet.firmware.bos.v1.LoginRequest;
import io.hashfleet.firmware.bos.v1.PerformanceServiceGrpc;
import io.hashfleet.firmware.bos.v1.Power;
import io.hashfleet.firmware.bos.v1.SaveAction;
import io.hashfleet.firmware.bos.v1.SetPowerTargetRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Braiins OS gRPC API of the sim, spoken with the bare generated stubs over loopback. */
class BosGrpcFrontTest {
  private final ManualClock clock = new ManualClock();
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final SimFleet fleet = SimFleet.start(new SimConfig(6, Cidr.parse("127.0.33.0/24"), SimConfig.parseMix("s19xp:1"),
      SimConfig.parseMix("braiins:1,stock:1"), 0, 4, "0.0.0.0", 0, ModelCatalog.bundled()), clock);

  @AfterEach
  void stop() {
    channels.forEach(ManagedChannel::shutdownNow);
    fleet.close();
  }

  private VirtualMinerView miner(Dialect d) {
    return fleet.miners().stream().filter(m -> m.dialect() == d).findFirst().orElseThrow();
  }

  private ManagedChannel channel(VirtualMinerView m) {
    ManagedChannel c = NettyChannelBuilder.forAddress(m.ip(), fleet.grpcPort()).usePlaintext().build();
    channels.add(c);
    return c;
  }

  /** Logs in and answers the token from the response header, as grpcurl -vv shows it. */
  private static String login(ManagedChannel c, String password) {
    AtomicReference<Metadata> headers = new AtomicReference<>();
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    AuthenticationServiceGrpc.newBlockingStub(c).withDeadlineAfter(5, TimeUnit.SECONDS)
        .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
        .login(LoginRequest.newBuilder().setUsername("root").setPassword(password).build());
    return headers.get().get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
  }

  private static PerformanceServiceGrpc.PerformanceServiceBlockingStub performance(ManagedChannel c, String token) {
    Metadata h = new Metadata();
    if (token != null) h.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), token);
    return PerformanceServiceGrpc.newBlockingStub(c).withDeadlineAfter(5, TimeUnit.SECONDS)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(h));
  }

  private static SetPowerTargetRequest target(long watts) {
    return SetPowerTargetRequest.newBuilder().setSaveAction(SaveAction.SAVE_ACTION_SAVE_AND_APPLY)
        .setPowerTarget(Power.newBuilder().setWatt(watts)).build();
  }

  @Test
  void loginHandsOutATokenInTheHeader_andATargetMovesTheDrawAndTheTunerLimit() throws Exception {
    VirtualMinerView m = miner(Dialect.BRAIINS_OS);
    ManagedChannel c = channel(m);
    String token = login(c, "");
    assertThat(token).isNotBlank();
    assertThat(fleet.braiinsLogins(m.ip())).isEqualTo(1);

    var reply = performance(c, token).setPowerTarget(target(2500));

    assertThat(reply.getPowerTarget().getWatt()).isEqualTo(2500);
    clock.advance(SimConfig.DEFAULT_SLEEP_TIME); // the target settles in the sleep time
    VirtualMinerView now = fleet.at(m.ip()).orElseThrow();
    assertThat(now.powerState()).isEqualTo(PowerState.HASHING);
    assertThat((double) now.watts()).isCloseTo(2500, within(2500 * 0.01));
    assertThat(now.avgThs()).isLessThan(m.avgThs() * 0.95).isGreaterThan(m.avgThs() * 2500 / m.watts());
    JsonNode tuner = Wire.json(m.ip(), fleet.port(), "{\"command\":\"tunerstatus\"}");
    assertThat(tuner.at("/TUNERSTATUS/0/PowerLimit").asInt()).isEqualTo(2500);
    assertThat(tuner.at("/TUNERSTATUS/0/ApproximateMinerPowerConsumption").asDouble()).isCloseTo(2500, within(2500 * 0.01));
  }

  @Test
  void wrongPassword_missingToken_expiredToken_areUnauthenticated() {
    VirtualMinerView m = miner(Dialect.BRAIINS_OS);
    ManagedChannel c = channel(m);
    assertThatThrownBy(() -> login(c, "admin")).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThat(fleet.braiinsLogins(m.ip())).isZero();
    assertThatThrownBy(() -> performance(c, null).setPowerTarget(target(2500))).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThatThrownBy(() -> performance(c, "not-a-token").setPowerTarget(target(2500))).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

    String token = login(c, "");
    clock.advance(Duration.ofMillis(Logins.BOS_TOKEN_TTL_MS));
    assertThatThrownBy(() -> performance(c, token).setPowerTarget(target(2500))).as("expired").isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    String fresh = login(c, "");
    fleet.forgetBraiinsTokens(m.ip());
    assertThatThrownBy(() -> performance(c, fresh).setPowerTarget(target(2500))).as("forgotten").isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThat((double) fleet.at(m.ip()).orElseThrow().watts()).as("nothing applied").isCloseTo(m.watts(), within(m.watts() * 0.01 + 1));
  }

  @Test
  void aTargetOutsideTheModelsRange_isInvalidArgument_namingTheRange() {
    VirtualMinerView m = miner(Dialect.BRAIINS_OS);
    ManagedChannel c = channel(m);
    String token = login(c, "");
    int nominal = ModelCatalog.bundled().byId("s19xp").orElseThrow().watts();
    long tooHigh = Math.round(nominal * 1.2);
    assertThatThrownBy(() -> performance(c, token).setPowerTarget(target(tooHigh))).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(e.getStatus().getDescription()).contains(tooHigh + " W is out of range", Math.round(nominal * 0.6) + " W to " + Math.round(nominal * 1.1) + " W");
    });
    assertThatThrownBy(() -> performance(c, token).setPowerTarget(target(Math.round(nominal * 0.5)))).isInstanceOf(StatusRuntimeException.class);
    assertThat(performance(c, token).setPowerTarget(target(Math.round(nominal * 0.6))).getPowerTarget().getWatt()).as("the bound itself is in range")
        .isEqualTo(Math.round(nominal * 0.6));
  }

  @Test
  void otherFirmware_servesNoGrpcApi() {
    VirtualMinerView stock = miner(Dialect.BITMAIN);
    assertThatThrownBy(() -> login(channel(stock), "")).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }

  @Test
  void aHungMiner_neverAnswers_untilTheCallersDeadline() {
    VirtualMinerView m = miner(Dialect.BRAIINS_OS);
    fleet.inject(m.ip(), Fault.HUNG);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> AuthenticationServiceGrpc.newBlockingStub(channel(m)).withDeadlineAfter(300, TimeUnit.MILLISECONDS)
        .login(LoginRequest.newBuilder().setUsername("root").build())).isInstanceOfSatisfying(StatusRuntimeException.class,
        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
  }
}
