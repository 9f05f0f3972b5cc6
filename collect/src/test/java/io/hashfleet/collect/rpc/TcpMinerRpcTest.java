package io.hashfleet.collect.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport against peers that behave like real miners and like broken ones. */
class TcpMinerRpcTest {
  static final RpcTimeouts FAST = new RpcTimeouts(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(800), 1 << 20);
  private ServerSocket server;

  MinerAddress serve(Consumer<Socket> behaviour) throws IOException {
    server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread.ofVirtual().start(() -> behaviour.accept(s));
        } catch (IOException e) {
          return;
        }
      }
    });
    return new MinerAddress("127.0.0.1", server.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) server.close();
  }

  /** One exchange through the transport under test. */
  String call(MinerAddress a, RpcTimeouts timeouts, String request) throws IOException {
    return new TcpMinerRpc(a, timeouts).call(request);
  }

  static String readRequest(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[256];
    int n = in.read(buf);
    return new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8);
  }

  @Test
  void a_reply_ending_in_nul_is_returned_without_it() throws Exception {
    MinerAddress a = serve(s -> {
      try (s) {
        String req = readRequest(s);
        s.getOutputStream().write(("{\"echo\":\"" + req + "\"}\0").getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
      }
    });
    assertThat(call(a, FAST, "summary")).isEqualTo("{\"echo\":\"summary\"}");
  }

  @Test
  void a_miner_that_never_answers_times_out_with_its_address() throws Exception {
    MinerAddress a = serve(s -> {
      try {
        readRequest(s);
        Thread.sleep(5_000);
      } catch (Exception ignored) {
      }
    });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> call(a, FAST, "summary"))
        .isInstanceOf(RpcException.class)
        .hasMessageStartingWith(a.toString())
        .satisfies(e -> assertThat(((RpcException) e).kind()).isEqualTo(RpcException.Kind.READ_TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void a_miner_that_drips_bytes_is_cut_off_at_the_total_deadline() throws Exception {
    MinerAddress a = serve(s -> {
      try (s) {
        readRequest(s);
        OutputStream out = s.getOutputStream();
        for (int i = 0; i < 100; i++) {
          out.write('{');
          out.flush();
          Thread.sleep(100);
        }
      } catch (Exception ignored) {
      }
    });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> call(a, FAST, "summary")).isInstanceOf(RpcException.class).hasMessageContaining("not complete");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void a_reply_over_the_limit_is_refused() throws Exception {
    MinerAddress a = serve(s -> {
      try (s) {
        readRequest(s);
        byte[] junk = new byte[64 * 1024];
        java.util.Arrays.fill(junk, (byte) 'x');
        for (int i = 0; i < 40; i++) s.getOutputStream().write(junk);
      } catch (IOException ignored) {
      }
    });
    assertThatThrownBy(() -> call(a, FAST, "stats"))
        .isInstanceOf(RpcException.class)
        .satisfies(e -> assertThat(((RpcException) e).kind()).isEqualTo(RpcException.Kind.TOO_LARGE));
  }

  @Test
  void invalid_utf8_is_replaced_not_thrown() throws Exception {
    MinerAddress a = serve(s -> {
      try (s) {
        readRequest(s);
        s.getOutputStream().write(new byte[] {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'});
      } catch (IOException ignored) {
      }
    });
    assertThat(call(a, FAST, "summary")).startsWith("{").endsWith("}").contains("\uFFFD");
  }

  @Test
  void a_closed_port_is_refused_and_an_empty_close_is_reported() throws Exception {
    MinerAddress a = serve(s -> {
      try {
        s.close();
      } catch (IOException ignored) {
      }
    });
    assertThatThrownBy(() -> call(a, FAST, "summary"))
        .isInstanceOf(RpcException.class)
        .satisfies(e -> assertThat(((RpcException) e).kind()).isIn(RpcException.Kind.EMPTY, RpcException.Kind.RESET));
    int freePort;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      freePort = probe.getLocalPort();
    }
    MinerAddress nobody = new MinerAddress("127.0.0.1", freePort);
    assertThatThrownBy(() -> call(nobody, FAST, "summary"))
        .isInstanceOf(RpcException.class)
        .satisfies(e -> assertThat(((RpcException) e).kind()).isEqualTo(RpcException.Kind.REFUSED));
  }
}
