package io.hashfleet.money.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hashfleet.domain.Btc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local server answering paymentHistoryV2 in the shape public Antpool clients read. */
class AntpoolRevenueTest {
  static final LocalDate DEC_1 = LocalDate.of(2024, 12, 1);
  static final LocalDate DEC_3 = LocalDate.of(2024, 12, 3);

  /** Newest first; amounts as strings and as numbers, one scheme missing, a day after the range. */
  static final String PAGE_1 = """
      {"code":0,"message":"ok","data":{"page":1,"totalPage":2,"pageSize":50,"totalRecord":5,"rows":[
        {"timestamp":"2024-12-04 00:00:00","hashrate":"30.41 EH/s","hashrate_unit":1,"fppsBlockAmount":"9.99","fppsFeeAmount":"0.5"},
        {"timestamp":"2024-12-03 00:00:00","hashrate":"30.40 EH/s","hashrate_unit":1,"ppsAmount":"0","pplnsAmount":"0","soloAmount":"0",
         "ppappsAmount":"0","ppapplnsAmount":"0","fppsBlockAmount":"17.51234567","fppsFeeAmount":"1.23456789"},
        {"timestamp":"2024-12-02 00:00:00","hashrate":"30.38 EH/s","hashrate_unit":1,"ppsAmount":0,"pplnsAmount":0,"soloAmount":0,
         "ppappsAmount":0,"ppapplnsAmount":0,"fppsBlockAmount":17.60000000,"fppsFeeAmount":0.912345675}
      ]}}""";
  static final String PAGE_2 = """
      {"code":0,"message":"ok","data":{"page":2,"totalPage":2,"pageSize":50,"totalRecord":5,"rows":[
        {"timestamp":"2024-12-01 00:00:00","hashrate":"0 TH/s","fppsBlockAmount":"0","fppsFeeAmount":"0"},
        {"timestamp":"2024-11-30 00:00:00","hashrate":"30.2 EH/s","fppsBlockAmount":"18","fppsFeeAmount":"1"}
      ]}}""";

  HttpServer server;
  URI base;
  final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
  volatile String override;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/paymentHistoryV2.htm", ex -> {
      Map<String, String> form = new HashMap<>();
      for (String kv : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
        int eq = kv.indexOf('=');
        form.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
      forms.add(form);
      String body = override != null ? override : "2".equals(form.get("page")) ? PAGE_2 : PAGE_1;
      int status = ex.getRequestMethod().equals("POST") ? 200 : 405;
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private AntpoolRevenue client() {
    return new AntpoolRevenue(base, "northwind01", "key-abc", "secret-xyz", Clock.fixed(Instant.ofEpochMilli(1_733_011_200_000L), ZoneOffset.UTC));
  }

  @Test
  void the_signature_is_upper_case_hmac_sha256_of_user_key_and_nonce() {
    // computed independently (Python's hmac module) for these inputs
    assertThat(AntpoolRevenue.signature("northwind01", "key-abc", "secret-xyz", 1_733_011_200_000L))
        .isEqualTo("8312D57C147D6D2D513C62970930A09160C6F9452934B24BF30BF2F4D0BACBAA");
  }

  @Test
  void each_day_in_the_range_is_one_payout_of_every_scheme_summed_exactly_credited_the_next_day() throws IOException {
    List<Payout> payouts = client().fetch(DEC_1, DEC_3);

    assertThat(payouts).extracting(Payout::id).containsExactly("antpool:northwind01:2024-12-02", "antpool:northwind01:2024-12-03");
    // 17.6 + 0.912345675 = 18.512345675, rounded half-even once: 18.51234568 (the 1 Dec row earned nothing: no payout)
    assertThat(payouts.get(0).amount()).isEqualTo(Btc.ofSats(1_851_234_568L));
    assertThat(payouts.get(0).paidAt()).isEqualTo(Instant.parse("2024-12-03T00:00:00Z"));
    assertThat(payouts.get(1).amount()).isEqualTo(Btc.ofSats(1_874_691_356L));
    assertThat(payouts).allSatisfy(p -> assertThat(p.pool()).isEqualTo("Antpool"));

    assertThat(forms).hasSize(2);
    Map<String, String> first = forms.get(0);
    assertThat(first).containsEntry("key", "key-abc").containsEntry("coin", "BTC").containsEntry("type", "recv").containsEntry("pageEnable", "1")
        .containsEntry("page", "1").containsEntry("pageSize", "50").containsEntry("nonce", "1733011200000")
        .containsEntry("signature", "8312D57C147D6D2D513C62970930A09160C6F9452934B24BF30BF2F4D0BACBAA");
    assertThat(Long.parseLong(forms.get(1).get("nonce"))).as("the nonce grows even within one millisecond").isGreaterThan(1_733_011_200_000L);
  }

  @Test
  void paging_stops_once_a_page_reaches_back_before_the_range() throws IOException {
    client().fetch(DEC_3, DEC_3);
    assertThat(forms).as("page 1 already holds 2 December, older than the range").hasSize(1);
  }

  @Test
  void errors_are_named() {
    override = "{\"code\":1,\"message\":\"sign error\",\"data\":null}";
    assertThatThrownBy(() -> client().fetch(DEC_1, DEC_3)).isInstanceOf(IOException.class)
        .hasMessage("Antpool: the API answered code 1 (sign error); check the user id, key and secret");
    override = "{\"code\":0,\"message\":\"ok\",\"data\":{\"totalPage\":1,\"rows\":[{\"timestamp\":\"yesterday\",\"fppsBlockAmount\":\"1\"}]}}";
    assertThatThrownBy(() -> client().fetch(DEC_1, DEC_3)).hasMessage("Antpool: malformed reply: a row's timestamp is 'yesterday'");
    override = "{\"code\":0,\"message\":\"ok\",\"data\":{\"totalPage\":1,\"rows\":[{\"timestamp\":\"2024-12-02 00:00:00\",\"fppsBlockAmount\":\"-0.1\"}]}}";
    assertThatThrownBy(() -> client().fetch(DEC_1, DEC_3)).hasMessageContaining("fppsBlockAmount of 2024-12-02 is negative");
    override = "{\"code\":0,\"message\":\"ok\",\"data\":{\"totalPage\":1,\"rows\":[{\"timestamp\":\"2024-12-02 00:00:00\",\"fppsFeeAmount\":\"0.1x\"}]}}";
    assertThatThrownBy(() -> client().fetch(DEC_1, DEC_3)).hasMessageContaining("fppsFeeAmount of 2024-12-02 is not a number");
  }

  @Test
  void credentials_are_required() {
    assertThatThrownBy(() -> new AntpoolRevenue(base, " ", "k", "s", Clock.systemUTC())).hasMessageContaining("user id");
    assertThatThrownBy(() -> new AntpoolRevenue(base, "u", "", "s", Clock.systemUTC())).hasMessageContaining("API key");
    assertThatThrownBy(() -> new AntpoolRevenue(base, "u", "k", null, Clock.systemUTC())).hasMessageContaining("API secret");
  }
}
