package io.hashfleet.collect.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The selector transport: every case of {@link TcpMinerRpcTest} (hung, dripping, oversized, broken
 * UTF-8, refused, empty), with the same failures, plus what only a shared loop can get wrong.
 */
class RpcLoopTest extends TcpMinerRpcTest {
  private final RpcLoop loop = new RpcLoop(2);

  @AfterEach
  void closeLoop() {
    loop.close();
  }

  @Override
  String call(MinerAddress a, RpcTimeouts timeouts, String request) throws IOException {
    try {
      return start(a, timeouts, request).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the loop never answered: " + e);
    }
  }

  private CompletableFuture<String> start(MinerAddress a, RpcTimeouts timeouts, String request) {
    CompletableFuture<String> f = new CompletableFuture<>();
    loop.call(a, timeouts, request, new RpcLoop.Reply() {
      @Override
      public void answered(String raw) {
        f.complete(raw);
      }

      @Override
      public void failed(IOException why) {
        f.completeExceptionally(why);
      }
    });
    return f;
  }

  @Test
  void hung_peers_hold_up_no_one_on_the_same_loop() throws Exception {
    MinerAddress a = serve(s -> {
      try (s) {
        String req = readRequest(s);
        if (req.contains("hang")) {
          Thread.sleep(3_000);
          return;
        }
        s.getOutputStream().write(("{\"echo\":\"" + req + "\"}\0").getBytes(StandardCharsets.UTF_8));
      } catch (Exception ignored) {
      }
    });
    RpcTimeouts patient = new RpcTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 1 << 20);
    List<CompletableFuture<String>> hung = new ArrayList<>();
    for (int i = 0; i < 30; i++) hung.add(start(a, patient, "hang"));
    long t0 = System.nanoTime();
    // in batches: the test server's accept queue holds 50, and a dropped SYN costs a second
    for (int batch = 0; batch < 10; batch++) {
      List<CompletableFuture<String>> quick = new ArrayList<>();
      for (int i = 0; i < 15; i++) quick.add(start(a, patient, "q" + batch + "-" + i));
      for (int i = 0; i < quick.size(); i++) assertThat(quick.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("{\"echo\":\"q" + batch + "-" + i + "\"}");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("150 answers while 30 peers hang").isLessThan(Duration.ofMillis(1500));
    for (CompletableFuture<String> h : hung) {
      assertThat(h).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(RpcException.class).withMessageContaining("no reply within 1000 ms");
    }
  }

  @Test
  void a_callback_that_throws_does_not_stop_the_loop() throws Exception {
    MinerAddress a = serve(s -> {
      try (s) {
        s.getOutputStream().write(("{\"r\":\"" + readRequest(s) + "\"}\0").getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
      }
    });
    loop.call(a, FAST, "x", new RpcLoop.Reply() {
      @Override
      public void answered(String raw) {
        throw new UncheckedIOException(new IOException("a sink broke"));
      }

      @Override
      public void failed(IOException why) {}
    });
    assertThat(call(a, FAST, "y")).isEqualTo("{\"r\":\"y\"}");
  }

  @Test
  void after_close_calls_fail_at_once_instead_of_hanging() throws Exception {
    MinerAddress a = serve(s -> {});
    loop.close();
    CompletableFuture<String> f = start(a, FAST, "summary");
    assertThat(f).failsWithin(Duration.ofSeconds(1)).withThrowableOfType(ExecutionException.class).havingCause().withMessageContaining("stopped");
  }
}
