package io.hashfleet.money.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local server answering in the shape Luxor's pool API v2 documents for revenue. */
class LuxorRevenueTest {
  static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
  static final LocalDate JAN_2 = LocalDate.of(2025, 1, 2);

  /** As documented, plus a second entry on 2 January and one the day before the range. */
  static final String SITE_A = """
      {"currency_type":"BTC","start_date":"2025-01-01","end_date":"2025-01-02",
       "subaccounts":[{"id":1,"name":"site_a","site_id":"b0a5fad8-0e09-4f10-ac20-ccd80fb2d138","created_at":"2024-08-24T14:15:22Z","url":"string"}],
       "revenue":[
         {"date_time":"2024-12-31T00:00:00Z","revenue":{"currency_type":"BTC","revenue_type":"MINING","revenue":0.00099999}},
         {"date_time":"2025-01-01T00:00:00Z","revenue":{"currency_type":"BTC","revenue_type":"MINING","revenue":0.00066154}},
         {"date_time":"2025-01-02T00:00:00Z","revenue":{"currency_type":"BTC","revenue_type":"MINING","revenue":0.00070000}},
         {"date_time":"2025-01-02T12:00:00Z","revenue":{"currency_type":"BTC","revenue_type":"MINING","revenue":0.00000001}}
       ]}""";
  static final String SITE_B = """
      {"currency_type":"BTC","start_date":"2025-01-01","end_date":"2025-01-02","subaccounts":[{"id":2,"name":"site_b"}],
       "revenue":[{"date_time":"2025-01-01T00:00:00Z","revenue":{"currency_type":"BTC","revenue_type":"MINING","revenue":0}},
                  {"date_time":"2025-01-02T00:00:00Z","revenue":{"currency_type":"BTC","revenue_type":"MINING","revenue":1.23456789}}]}""";

  HttpServer server;
  URI base;
  final List<String> queries = new CopyOnWriteArrayList<>();
  final List<String> keys = new CopyOnWriteArrayList<>();
  final Map<String, String> replies = new ConcurrentHashMap<>(Map.of("site_a", SITE_A, "site_b", SITE_B));
  volatile int status = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v2/pool/revenue/BTC", ex -> {
      String query = ex.getRequestURI().getQuery();
      queries.add(query);
      keys.add(String.valueOf(ex.getRequestHeaders().getFirst("authorization")));
      String sub = query.replaceAll(".*subaccount_names=([^&]*).*", "$1");
      byte[] b = replies.getOrDefault(sub, "{}").getBytes(StandardCharsets.UTF_8);
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

  @Test
  void eachSubaccountsDayIsOnePayoutInExactSatoshisCreditedTheNextDay() throws Exception {
    List<Payout> p = new LuxorRevenue(base, "key-1", List.of("site_a", " site_b ")).fetch(JAN_1, JAN_2);

    assertThat(queries).containsExactly("subaccount_names=site_a&start_date=2025-01-01&end_date=2025-01-02",
        "subaccount_names=site_b&start_date=2025-01-01&end_date=2025-01-02");
    assertThat(keys).containsOnly("key-1");

    assertThat(p).extracting(Payout::id).containsExactly("luxor:site_a:2025-01-01", "luxor:site_a:2025-01-02", "luxor:site_b:2025-01-02");
    assertThat(p).extracting(Payout::amount).containsExactly(Btc.ofSats(66_154), Btc.ofSats(70_001), Btc.ofSats(123_456_789));
    assertThat(p).extracting(Payout::paidAt)
        .containsExactly(Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2025-01-03T00:00:00Z"), Instant.parse("2025-01-03T00:00:00Z"));
    assertThat(p).extracting(Payout::pool).containsOnly("Luxor");
  }

  @Test
  void aRefusedKeyAndAMissingPermissionSaySoWithLuxorsMessage() {
    status = 401;
    replies.put("site_a", """
        {"error":{"code":"unauthorized","message":"Invalid or missing API key"}}""");
    assertThatThrownBy(() -> new LuxorRevenue(base, "wrong", List.of("site_a")).fetch(JAN_1, JAN_2))
        .hasMessage("Luxor: the API key was refused (HTTP 401): Invalid or missing API key");

    status = 403;
    replies.put("site_a", """
        {"error":{"code":"forbidden","message":"Insufficient permissions"}}""");
    assertThatThrownBy(() -> new LuxorRevenue(base, "k", List.of("site_a")).fetch(JAN_1, JAN_2))
        .hasMessage("Luxor: the API key may not read subaccount 'site_a' (HTTP 403): Insufficient permissions");

    status = 400;
    replies.put("site_a", """
        {"error":{"code":"invalid_request","message":"Invalid parameters provided"}}""");
    assertThatThrownBy(() -> new LuxorRevenue(base, "k", List.of("site_a")).fetch(JAN_1, JAN_2))
        .hasMessageEndingWith(": HTTP 400: Invalid parameters provided");
  }

  @Test
  void aMalformedReplyNamesTheField() {
    replies.put("site_a", "{\"revenue\":[{\"date_time\":\"yesterday\",\"revenue\":{\"revenue\":0.1}}]}");
    assertThatThrownBy(() -> new LuxorRevenue(base, "k", List.of("site_a")).fetch(JAN_1, JAN_2))
        .hasMessage("Luxor: malformed reply: revenue date_time is 'yesterday'");

    replies.put("site_a", "{\"revenue\":[{\"date_time\":\"2025-01-01T00:00:00Z\",\"revenue\":{\"currency_type\":\"BTC\"}}]}");
    assertThatThrownBy(() -> new LuxorRevenue(base, "k", List.of("site_a")).fetch(JAN_1, JAN_2))
        .hasMessage("Luxor: malformed reply: revenue.revenue of 2025-01-01T00:00:00Z is missing");

    replies.put("site_a", "{\"error\":null}");
    assertThatThrownBy(() -> new LuxorRevenue(base, "k", List.of("site_a")).fetch(JAN_1, JAN_2))
        .hasMessage("Luxor: malformed reply for subaccount 'site_a': no revenue list");
  }

  @Test
  void aKeyAndASubaccountAreRequired() {
    assertThatThrownBy(() -> new LuxorRevenue(base, "", List.of("site_a"))).hasMessageContaining("API key is required");
    assertThatThrownBy(() -> new LuxorRevenue(base, "k", List.of(" ", ""))).hasMessageContaining("subaccount name is required");
  }
}
