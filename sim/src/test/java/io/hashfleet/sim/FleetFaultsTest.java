package io.hashfleet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.ModelCatalog;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetFaultsTest {
  private SimFleet fleet;

  @BeforeEach
  void start() {
    fleet = SimFleet.start(new SimConfig(200, Cidr.parse("127.0.20.0/24"), SimConfig.parseMix("s19xp:60,s21:30,m50s:10"),
        SimConfig.parseMix("stock:1"), 0, 42, "0.0.0.0", 0, ModelCatalog.bundled()));
  }

  @AfterEach
  void stop() {
    fleet.close();
  }

  @Test
  void addressOutsideTheFleet_isResetLikeAClosedPort() {
    assertThatThrownBy(() -> Wire.raw("127.0.21.7", fleet.port(), "{\"command\":\"summary\"}", 2000)).isInstanceOf(SocketException.class);
  }

  @Test
  void offlineMiner_isReset_andClearBringsItBack() throws Exception {
    String ip = fleet.miners().get(3).ip();
    fleet.inject(ip, Fault.OFFLINE);
    assertThatThrownBy(() -> Wire.raw(ip, fleet.port(), "summary", 2000)).isInstanceOf(SocketException.class);
    fleet.clear(ip);
    assertThat(Wire.text(ip, fleet.port(), "summary")).startsWith("STATUS=S");
  }

  @Test
  void hungMiner_neverAnswers_butDoesNotBlockOthers() throws Exception {
    String hung = fleet.miners().get(0).ip();
    fleet.inject(hung, Fault.HUNG);
    Thread t = Thread.ofVirtual().start(() -> {
      try {
        Wire.raw(hung, fleet.port(), "{\"command\":\"summary\"}", 1500);
      } catch (IOException expected) {
        // timeout
      }
    });
    for (int i = 1; i < 20; i++) assertThat(Wire.json(fleet.miners().get(i).ip(), fleet.port(), "{\"command\":\"version\"}").has("STATUS")).isTrue();
    assertThatThrownBy(() -> Wire.raw(hung, fleet.port(), "{\"command\":\"summary\"}", 500)).isInstanceOf(SocketTimeoutException.class);
    t.join();
  }

  @Test
  void garbageMiner_sendsBytesThatAreNotJson() throws Exception {
    String ip = fleet.miners().get(5).ip();
    fleet.inject(ip, Fault.GARBAGE);
    for (int i = 0; i < 3; i++) {
      byte[] b = Wire.raw(ip, fleet.port(), "{\"command\":\"summary\"}", 5000);
      assertThat(b.length).isGreaterThan(0);
      assertThatThrownBy(() -> Wire.JSON.readTree(new String(b, StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }
  }

  @Test
  void slowMiner_dripsTheReplyAboutFiveBytesASecond() throws Exception {
    String ip = fleet.miners().get(6).ip();
    fleet.inject(ip, Fault.SLOW);
    try (java.net.Socket s = new java.net.Socket(ip, fleet.port())) {
      s.getOutputStream().write("{\"command\":\"summary\"}".getBytes(StandardCharsets.UTF_8));
      s.setSoTimeout(300);
      long deadline = System.nanoTime() + 1_000_000_000L;
      int got = 0;
      while (System.nanoTime() < deadline) {
        try {
          int n = s.getInputStream().read(new byte[64]);
          if (n < 0) break;
          got += n;
        } catch (SocketTimeoutException e) {
          // keep waiting until the deadline
        }
      }
      assertThat(got).isBetween(2, 10);
    }
  }

  @Test
  void hardwareFaults_showInTheReplies() throws Exception {
    VirtualMinerView m = fleet.miners().stream().filter(v -> v.modelId().equals("s21")).findFirst().orElseThrow();
    double healthy = m.avgThs();
    fleet.inject(m.ip(), Fault.DEAD_BOARD);
    JsonNode st = Wire.json(m.ip(), fleet.port(), "{\"command\":\"stats\",\"new_api\":true}");
    assertThat(st.at("/STATS/0/chain").findValues("asic_num").stream().filter(n -> n.asInt() == 0)).hasSize(1);
    assertThat(fleet.at(m.ip()).orElseThrow().avgThs()).isLessThan(healthy * 0.7);
    fleet.inject(m.ip(), Fault.OVERHEAT);
    assertThat(Wire.json(m.ip(), fleet.port(), "{\"command\":\"stats\",\"new_api\":true}").at("/STATS/0/chain/0/temp_chip/3").asInt()).isGreaterThan(95);
    fleet.inject(m.ip(), Fault.FAN_FAIL);
    assertThat(Wire.json(m.ip(), fleet.port(), "{\"command\":\"stats\",\"new_api\":true}").at("/STATS/0/fan/0").asInt()).isZero();
    fleet.inject(m.ip(), Fault.POOL_DOWN);
    JsonNode j = Wire.json(m.ip(), fleet.port(), "{\"command\":\"summary+pools\"}");
    assertThat(j.at("/summary/0/SUMMARY/0/GHS av").asDouble()).isZero();
    assertThat(j.at("/pools/0/POOLS").findValuesAsText("Status")).containsOnly("Dead");
  }

  @Test
  void reportedAverage_isStableBetweenPolls() throws Exception {
    VirtualMinerView m = fleet.miners().stream().filter(v -> v.modelId().equals("m50s")).findFirst().orElseThrow();
    double a = Wire.json(m.ip(), fleet.port(), "{\"command\":\"summary\"}").at("/SUMMARY/0/MHS av").asDouble();
    Thread.sleep(1100);
    double b = Wire.json(m.ip(), fleet.port(), "{\"command\":\"summary\"}").at("/SUMMARY/0/MHS av").asDouble();
    assertThat(a).isEqualTo(b);
    assertThat(a / 1e6).isEqualTo(m.avgThs(), org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void twoThousandPolls_areServedQuickly() throws Exception {
    long t0 = System.nanoTime();
    int n = 2000;
    Thread[] workers = new Thread[8];
    for (int w = 0; w < workers.length; w++) {
      int id = w;
      workers[w] = Thread.ofVirtual().start(() -> {
        for (int i = id; i < n; i += workers.length) {
          try {
            Wire.raw(fleet.miners().get(i % 200).ip(), fleet.port(), "{\"command\":\"summary+pools+stats\"}", 5000);
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        }
      });
    }
    for (Thread w : workers) w.join();
    double secs = (System.nanoTime() - t0) / 1e9;
    assertThat(fleet.requestsServed()).isGreaterThanOrEqualTo(n);
    assertThat(secs).as("2000 polls took %.2fs", secs).isLessThan(10);
  }
}
