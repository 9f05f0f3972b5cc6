package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API port's fast path and what leaves it: late or split requests, a second simulator on the port. */
class ApiFrontTest {
  private SimFleet fleet;

  @BeforeEach
  void start() {
    fleet = SimFleet.start(new SimConfig(100, Cidr.parse("127.0.22.0/24"), SimConfig.parseMix("s19xp:1"), SimConfig.parseMix("stock:1"), 0, 7,
        "0.0.0.0", 0, ModelCatalog.bundled()));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void requestSentLateAndInPieces_isStillAnswered() throws Exception {
    String ip = fleet.miners().get(5).ip();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, fleet.port()), 2000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      Thread.sleep(300); // the front has accepted and found nothing to read yet
      out.write("{\"command\":".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(200);
      out.write("\"summary\"}".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
      assertThat(reply).contains("\"SUMMARY\"").endsWith("\0");
    }
  }

  @Test
  void clientThatNeverSends_doesNotHoldUpOthers() throws Exception {
    try (Socket idle = new Socket()) {
      idle.connect(new InetSocketAddress(fleet.miners().get(0).ip(), fleet.port()), 2000);
      for (int i = 1; i < 30; i++) {
        assertThat(Wire.json(fleet.miners().get(i).ip(), fleet.port(), "{\"command\":\"summary\"}").path("SUMMARY").isArray()).isTrue();
      }
    }
  }

  @Test
  void manyClientsAtOnce_eachGetTheirOwnMinersReply() throws Exception {
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String ip = fleet.miners().get(i % 100).ip();
      calls.add(() -> Wire.json(ip, fleet.port(), "{\"command\":\"stats\"}").path("STATS").path(0).path("Type").asText() + "@" + ip);
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
      List<Future<String>> results = pool.invokeAll(calls);
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).startsWith("Antminer S19 XP").endsWith("@" + fleet.miners().get(i % 100).ip());
      }
    }
    assertThat(fleet.requestsServed()).isGreaterThanOrEqualTo(400);
  }

  @Test
  void secondSimulatorOnTheSamePort_failsInsteadOfSharingIt() {
    SimConfig same = new SimConfig(10, Cidr.parse("127.0.23.0/24"), SimConfig.parseMix("s19xp:1"), SimConfig.parseMix("stock:1"), 0, 7,
        "0.0.0.0", fleet.port(), ModelCatalog.bundled());
    assertThatThrownBy(() -> SimFleet.start(same).close()).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot listen");
  }

  private static byte[] readAll(InputStream in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) >= 0; ) out.write(buf, 0, n);
    return out.toByteArray();
  }
}
