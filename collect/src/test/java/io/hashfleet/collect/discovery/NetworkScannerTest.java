package io.hashfleet.collect.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.collect.rpc.RpcException;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NetworkScannerTest {
  private static final MinerIdentity S19XP = new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", Dialect.BITMAIN, "fw", null);

  /** .1 is a miner, .2 resets on the first try, .3 is an HTTP server, the rest refuse. */
  private static final class FakeNetwork implements MinerProbe {
    final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

    @Override
    public Optional<MinerIdentity> identify(MinerAddress a) throws IOException {
      int n = tries.computeIfAbsent(a.host(), k -> new AtomicInteger()).incrementAndGet();
      return switch (a.host()) {
        case "10.0.0.1" -> Optional.of(S19XP);
        case "10.0.0.2" -> {
          if (n == 1) throw new RpcException(a, RpcException.Kind.RESET, "connection reset", null);
          yield Optional.of(S19XP);
        }
        case "10.0.0.3" -> Optional.empty();
        default -> throw new RpcException(a, RpcException.Kind.REFUSED, "connection refused", null);
      };
    }

    @Override
    public MinerTelemetry poll(MinerAddress a, MinerIdentity id) {
      return new MinerTelemetry(a, Instant.EPOCH, id, Hashrate.ofThs(140), Hashrate.ofThs(140), List.of(), List.of(), null, List.of(), 0, 1);
    }
  }

  @Test
  void scan_finds_the_miners_retries_a_reset_once_and_names_what_is_not_a_miner() throws Exception {
    FakeNetwork net = new FakeNetwork();
    ScanReport r = new NetworkScanner(net, 8).scan(List.of(Cidr.parse("10.0.0.0/29")), 4028, ScanProgress.NONE);
    assertThat(r.found()).extracting(f -> f.address().host()).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(r.probed()).isEqualTo(8);
    assertThat(r.notMiners()).singleElement().asString().startsWith("10.0.0.3:4028");
    assertThat(net.tries.get("10.0.0.2").get()).isEqualTo(2);
    assertThat(net.tries.get("10.0.0.4").get()).as("a refused port is not retried").isEqualTo(1);
  }
}
