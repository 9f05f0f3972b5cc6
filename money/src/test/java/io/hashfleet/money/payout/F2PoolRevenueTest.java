package io.hashfleet.money.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hashfleet.domain.Btc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local server answering in the shape F2Pool's API v2 documents for its bill list. */
class F2PoolRevenueTest {
  static final LocalDate DEC_1 = LocalDate.of(2024, 12, 1);
  static final LocalDate DEC_2 = LocalDate.of(2024, 12, 2);

  /**
   * TransactionItem as documented: revenue with mining_extra, a payout with payout_extra. The
   * amounts are JSON numbers; one carries 18 decimals, as F2Pool's own examples do.
   */
  static final String REPLY = """
      {"transactions":[
        {"id":880001,"type":"revenue_fpps","changed_balance":0.01212345,"created_at":1733101200,
         "mining_extra":{"mining_date":1733011200,"settle_date":1733097600,"pps":0.0119,"pps_fee_rate":0.04,
                         "tx_fee":0.00022345,"tx_fee_rate":0.04,"hash_rate":1.0E17},
         "payout_extra":null},
        {"id":880002,"type":"revenue_fpps","changed_balance":0.000450366451686450,"created_at":1733187600,
         "mining_extra":{"mining_date":1733097600,"settle_date":1733184000,"pps":0.00044,"pps_fee_rate":0.04,
                         "tx_fee":0.000010366451686450,"tx_fee_rate":0.04,"hash_rate":4.0E15},
         "payout_extra":null},
        {"id":880003,"type":"payout","changed_balance":-0.5,"created_at":1733190000,"mining_extra":null,
         "payout_extra":{"value":0.5,"address":"bc1qexample","tx_id":"8f8fba3134ce15e9b0001e67cba93c4a2250445310b5cdada1ac676b5a19b8b9",
                         "paid_time":1733190000,"wallet_type":"mainnet","tip":0.0}},
        {"id":879990,"type":"revenue_fpps","changed_balance":0.0123,"created_at":1733014800,
         "mining_extra":{"mining_date":1732924800,"settle_date":1733011200,"pps":0.012,"pps_fee_rate":0.04,
                         "tx_fee":0.0003,"tx_fee_rate":0.04,"hash_rate":1.0E17},
         "payout_extra":null},
        {"id":880004,"type":"revenue_fpps","changed_balance":0,"created_at":1733187600,
         "mining_extra":{"mining_date":1733097600,"settle_date":1733184000,"pps":0,"pps_fee_rate":0.04,
                         "tx_fee":0,"tx_fee_rate":0.04,"hash_rate":0},
         "payout_extra":null}
      ]}""";

  HttpServer server;
  URI base;
  final Map<String, String> seen = new ConcurrentHashMap<>();
  volatile int status = 200;
  volatile String reply = REPLY;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/assets/transactions/list", ex -> {
      seen.put("method", ex.getRequestMethod());
      seen.put("secret", String.valueOf(ex.getRequestHeaders().getFirst("F2P-API-SECRET")));
      seen.put("contentType", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
      seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] b = reply.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
      if (b.length > 0) ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void eachRevenueCreditIsAPayoutInExactSatoshisCreditedTheDayAfterItsMiningDay() throws Exception {
    List<Payout> p = new F2PoolRevenue(base, "secret-1", "fleet01").fetch(DEC_1, DEC_2);

    assertThat(seen.get("method")).isEqualTo("POST");
    assertThat(seen.get("secret")).isEqualTo("secret-1");
    assertThat(seen.get("contentType")).isEqualTo("application/json");
    JsonNode body = new ObjectMapper().readTree(seen.get("body"));
    assertThat(body.path("currency").asText()).isEqualTo("bitcoin");
    assertThat(body.path("mining_user_name").asText()).isEqualTo("fleet01");
    assertThat(body.path("type").asText()).isEqualTo("revenue");
    assertThat(body.path("start_time").asLong()).isEqualTo(Instant.parse("2024-11-30T00:00:00Z").getEpochSecond());
    assertThat(body.path("end_time").asLong()).isEqualTo(Instant.parse("2024-12-04T00:00:00Z").getEpochSecond());

    // the payout out of the balance, the day before --from and the zero day are not production
    assertThat(p).extracting(Payout::id).containsExactly("f2pool:fleet01:880001", "f2pool:fleet01:880002");
    assertThat(p.get(0).amount()).isEqualTo(Btc.ofSats(1_212_345));
    assertThat(p.get(0).paidAt()).isEqualTo(Instant.parse("2024-12-02T00:00:00Z"));
    assertThat(p.get(0).pool()).isEqualTo("F2Pool");
    // 45,036.645… satoshis in F2Pool's books: rounded once, to the nearest satoshi
    assertThat(p.get(1).amount()).isEqualTo(Btc.ofSats(45_037));
    assertThat(p.get(1).paidAt()).isEqualTo(Instant.parse("2024-12-03T00:00:00Z"));
  }

  @Test
  void aRefusedTokenSaysSoWithThePoolsMessage() {
    status = 401;
    reply = """
        {"code":401,"msg":"error_type: description"}""";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "wrong", "fleet01").fetch(DEC_1, DEC_2))
        .hasMessage("F2Pool: the API token was refused (HTTP 401): error_type: description");
  }

  @Test
  void otherErrorsGiveTheStatusAndTheMessage_evenWhenTheStatusIs200() {
    status = 500;
    reply = "<html>bad gateway</html>";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "fleet01").fetch(DEC_1, DEC_2)).hasMessageEndingWith(": HTTP 500: <html>bad gateway</html>");

    status = 200;
    reply = """
        {"code":10001,"msg":"error_type: description"}""";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "fleet01").fetch(DEC_1, DEC_2))
        .hasMessage("F2Pool: the pool answered code 10001: error_type: description");
  }

  @Test
  void aMalformedReplyNamesTheField() {
    reply = """
        {"transactions":[{"id":7,"type":"revenue_fpps","changed_balance":"lots","mining_extra":{"mining_date":1733011200}}]}""";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "fleet01").fetch(DEC_1, DEC_2))
        .hasMessage("F2Pool: malformed reply: transaction 7 changed_balance is not a number: \"lots\"");

    reply = """
        {"transactions":[{"id":8,"type":"revenue_fpps","changed_balance":0.1,"mining_extra":null}]}""";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "fleet01").fetch(DEC_1, DEC_2))
        .hasMessage("F2Pool: malformed reply: transaction 8 mining_extra.mining_date is missing");

    reply = "{\"data\":[]}";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "fleet01").fetch(DEC_1, DEC_2)).hasMessage("F2Pool: malformed reply: no transactions list");

    reply = "not json";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "fleet01").fetch(DEC_1, DEC_2)).hasMessage("F2Pool: the reply is not JSON: not json");
  }

  @Test
  void aNegativeRevenueEntryIsRefusedRatherThanSilentlyDropped() {
    reply = """
        {"transactions":[{"id":9,"type":"revenue_fpps","changed_balance":-0.001,"mining_extra":{"mining_date":1733011200}}]}""";
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "fleet01").fetch(DEC_1, DEC_2))
        .hasMessage("F2Pool: transaction 9 takes -0.001 BTC off the revenue of 2024-12-01; book such an adjustment by hand");
  }

  @Test
  void aTokenAndAnAccountAreRequired() {
    assertThatThrownBy(() -> new F2PoolRevenue(base, " ", "fleet01")).hasMessageContaining("token is required");
    assertThatThrownBy(() -> new F2PoolRevenue(base, "t", "")).hasMessageContaining("account name is required");
  }
}
