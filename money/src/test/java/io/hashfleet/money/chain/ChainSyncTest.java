package io.hashfleet.money.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sync against a local HTTP server that answers as Bitcoin Core and Esplora do (their reply
 * shapes: JSON-RPC envelopes with hex bits; Esplora's plain-text heights and numeric bits). Up to
 * block 878,976 it serves the real headers from the bundled checkpoints; above, one made-up epoch.
 */
class ChainSyncTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int TIP = 881_000;
  static final DifficultyEpoch BEYOND = new DifficultyEpoch(880_992, Instant.parse("2025-01-27T10:00:00Z"), 0x17029cf0L,
      110.45e12, "test");

  HttpServer server;
  Map<Integer, DifficultyEpoch> chain = new HashMap<>();
  AtomicInteger requests = new AtomicInteger();
  FleetStore store;

  @BeforeEach
  void start() throws IOException {
    for (DifficultyEpoch e : BundledCheckpoints.mainnet()) chain.put(e.height(), e);
    chain.put(BEYOND.height(), BEYOND);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::node);
    server.createContext("/api/", this::esplora);
    server.start();
    store = FleetStore.inMemory();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    store.close();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void nodeSync_addsTheEpochsPastTheBundledDataAndRecentFees() throws IOException {
    ChainStore cs = new ChainStore(store);
    ChainSync.Result r = new ChainSync(cs, 20).update(new BitcoinCoreRpc(url("/"), "alice:secret"), OptionalInt.empty(), true, (d, t) -> {});

    assertThat(r.tip()).isEqualTo(TIP);
    assertThat(r.epochsNew()).isEqualTo(1);
    assertThat(r.feeBlocksFetched()).isEqualTo(20);
    ChainHistory h = cs.history();
    assertThat(h.last().height()).isEqualTo(880_992);
    assertThat(h.epochAt(Instant.parse("2025-01-28T00:00:00Z")).difficulty()).isEqualTo(110.45e12);
    assertThat(h.last().source()).startsWith("bitcoin core http://127.0.0.1:").doesNotContain("secret");
    // the last 20 blocks, all mined on one day
    assertThat(cs.feesPerBlockByDay()).containsOnlyKeys(LocalDate.of(2025, 1, 28));

    int before = requests.get();
    ChainSync.Result again = new ChainSync(cs, 20).update(new BitcoinCoreRpc(url("/"), "alice:secret"), OptionalInt.empty(), true, (d, t) -> {});
    assertThat(again.epochsFetched()).isZero();
    assertThat(again.feeBlocksFetched()).isZero();
    assertThat(requests.get() - before).isEqualTo(1); // just getblockchaininfo
  }

  @Test
  void nodeSync_fromAnEarlierHeightAgreesWithTheBundledHeaders() throws IOException {
    ChainStore cs = new ChainStore(store);
    new ChainSync(cs, 0).update(new BitcoinCoreRpc(url("/"), "alice:secret"), OptionalInt.of(870_000), false, (d, t) -> {});
    List<DifficultyEpoch> stored = cs.epochs();
    assertThat(stored).extracting(DifficultyEpoch::height).containsExactly(870_912, 872_928, 874_944, 876_960, 878_976, 880_992);
    for (DifficultyEpoch e : stored.subList(0, 5)) {
      DifficultyEpoch bundled = chain.get(e.height());
      assertThat(e.start()).isEqualTo(bundled.start());
      assertThat(e.bits()).isEqualTo(bundled.bits());
      assertThat(e.difficulty()).isEqualTo(bundled.difficulty());
    }
  }

  @Test
  void wrongPassword_saysAuthenticationFailed() {
    assertThatThrownBy(() -> new BitcoinCoreRpc(url("/"), "alice:wrong").tipHeight())
        .hasMessageContaining("authentication failed (HTTP 401)").hasMessageNotContaining("wrong");
  }

  @Test
  void anRpcErrorIsReportedWithItsMessage() {
    assertThatThrownBy(() -> new BitcoinCoreRpc(url("/"), "alice:secret").epochAt(9_999_999))
        .hasMessageContaining("getblockhash [9999999]: Block height out of range (code -8)");
  }

  @Test
  void esploraSync_readsTheSameEpochs() throws IOException {
    ChainStore cs = new ChainStore(store);
    ChainSync.Result r = new ChainSync(cs).update(new EsploraApi(url("/api")), OptionalInt.empty(), true, (d, t) -> {});
    assertThat(r.epochsNew()).isEqualTo(1);
    assertThat(r.feeBlocksFetched()).isZero(); // Esplora blocks carry no fee total
    assertThat(cs.history().last().bits()).isEqualTo(BEYOND.bits());
  }

  @Test
  void nothingListening_isAClearError() {
    assertThatThrownBy(() -> new EsploraApi(URI.create("http://127.0.0.1:1/api")).tipHeight()).hasMessageContaining("connection refused");
  }

  // --- the fake node: Bitcoin Core's JSON-RPC reply shapes

  private void node(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String good = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
    if (!good.equals(auth)) {
      send(ex, 401, "");
      return;
    }
    JsonNode req = JSON.readTree(ex.getRequestBody());
    JsonNode params = req.path("params");
    String result;
    switch (req.path("method").asText()) {
      case "getblockchaininfo" -> result = "{\"chain\":\"main\",\"blocks\":" + TIP + ",\"headers\":" + TIP + ",\"difficulty\":1.1e14}";
      case "getblockhash" -> {
        int h = params.get(0).asInt();
        if (h > TIP) {
          send(ex, 500, "{\"result\":null,\"error\":{\"code\":-8,\"message\":\"Block height out of range\"},\"id\":\"hashfleet\"}");
          return;
        }
        result = "\"" + hashOf(h) + "\"";
      }
      case "getblockheader" -> {
        int h = Integer.parseInt(params.get(0).asText().substring(40), 16);
        DifficultyEpoch e = chain.get(h);
        result = "{\"hash\":\"" + hashOf(h) + "\",\"confirmations\":" + (TIP - h + 1) + ",\"height\":" + h + ",\"version\":536870912,"
            + "\"versionHex\":\"20000000\",\"merkleroot\":\"" + hashOf(h + 1) + "\",\"time\":" + e.start().getEpochSecond()
            + ",\"mediantime\":" + (e.start().getEpochSecond() - 3000) + ",\"nonce\":1234,\"bits\":\"" + String.format("%08x", e.bits())
            + "\",\"difficulty\":" + e.difficulty() + ",\"chainwork\":\"" + hashOf(7) + "\",\"nTx\":3000,\"previousblockhash\":\"" + hashOf(h - 1) + "\"}";
      }
      case "getblockstats" -> {
        int h = params.get(0).asInt();
        result = "{\"height\":" + h + ",\"time\":" + (Instant.parse("2025-01-28T00:00:00Z").getEpochSecond() + (h - TIP + 20) * 600L)
            + ",\"totalfee\":" + (2_000_000 + h) + "}";
      }
      default -> {
        send(ex, 404, "{\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":\"hashfleet\"}");
        return;
      }
    }
    send(ex, 200, "{\"result\":" + result + ",\"error\":null,\"id\":\"hashfleet\"}");
  }

  // --- the fake Esplora: plain-text tip and hashes, JSON blocks with numeric bits

  private void esplora(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().substring("/api".length());
    if (path.equals("/blocks/tip/height")) {
      send(ex, 200, Integer.toString(TIP));
    } else if (path.startsWith("/block-height/")) {
      send(ex, 200, hashOf(Integer.parseInt(path.substring("/block-height/".length()))));
    } else if (path.startsWith("/block/")) {
      int h = Integer.parseInt(path.substring("/block/".length() + 40), 16);
      DifficultyEpoch e = chain.get(h);
      send(ex, 200, "{\"id\":\"" + hashOf(h) + "\",\"height\":" + h + ",\"version\":536870912,\"timestamp\":" + e.start().getEpochSecond()
          + ",\"tx_count\":3000,\"size\":1500000,\"weight\":3993000,\"merkle_root\":\"" + hashOf(h + 1) + "\",\"previousblockhash\":\""
          + hashOf(h - 1) + "\",\"mediantime\":" + (e.start().getEpochSecond() - 3000) + ",\"nonce\":1234,\"bits\":" + e.bits()
          + ",\"difficulty\":" + e.difficulty() + "}");
    } else {
      send(ex, 404, "Not Found");
    }
  }

  private static String hashOf(int height) {
    return String.format("%064x", height);
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) ex.getResponseBody().write(b);
    ex.close();
  }
}
