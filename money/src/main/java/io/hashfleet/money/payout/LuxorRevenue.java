package io.hashfleet.money.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Btc;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily mining revenue from Luxor's documented pool API v2
 * (https://docs.luxor.tech/mining/api/v2/reporting/get-revenue; authentication and errors in
 * https://docs.luxor88.com/mining/api/introduction): {@code GET /api/v2/pool/revenue/BTC?
 * subaccount_names=..&start_date=YYYY-MM-DD&end_date=YYYY-MM-DD} with the workspace API key in the
 * {@code authorization} header, answering {@code {"revenue":[{"date_time":"..Z","revenue":
 * {"currency_type":"BTC","revenue_type":"MINING","revenue":0.00066154}}],..}}; an error answers
 * {@code {"error":{"code":..,"message":".."}}} with 401 for a bad key and 403 for missing
 * permissions.
 *
 * <p>One request per subaccount, so every payout belongs to one subaccount and one UTC day: ids are
 * {@code luxor:<subaccount>:<day>}, and fetching a range twice, or the subaccounts in another
 * grouping, is refused as a duplicate rather than counted twice. Entries are summed by the UTC day
 * of {@code date_time} (whatever their granularity) and credited at the start of the next day, as
 * for Braiins Pool, so reconciliation's default one-day lag lines them up with the day earned.
 *
 * <p>Amounts arrive as JSON numbers: they are read exactly from the reply's text, and each day's
 * sum is rounded once to the nearest satoshi.
 */
public final class LuxorRevenue {
  public static final URI DEFAULT_BASE = URI.create("https://app.luxor.tech");
  static final String POOL = "Luxor";

  private final URI base;
  private final String apiKey;
  private final List<String> subaccounts;

  public LuxorRevenue(URI base, String apiKey, List<String> subaccounts) {
    if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("a Luxor API key is required");
    List<String> names = subaccounts.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    if (names.isEmpty()) throw new IllegalArgumentException("at least one Luxor subaccount name is required");
    this.base = base;
    this.apiKey = apiKey.strip();
    this.subaccounts = names;
  }

  /** Revenue for the days {@code from} to {@code to}, both inclusive, subaccount by subaccount. */
  public List<Payout> fetch(LocalDate from, LocalDate to) throws IOException {
    List<Payout> out = new ArrayList<>();
    for (String subaccount : subaccounts) {
      HttpResponse<String> resp = PoolApi.send(request(subaccount, from, to), POOL);
      int status = resp.statusCode();
      if (status == 401) throw new IOException(POOL + ": the API key was refused (HTTP 401)" + errorMessage(resp.body()));
      if (status == 403) {
        throw new IOException(POOL + ": the API key may not read subaccount '" + subaccount + "' (HTTP 403)" + errorMessage(resp.body()));
      }
      if (status != 200) throw new IOException(POOL + " " + base + ": HTTP " + status + errorMessage(resp.body()));
      out.addAll(parse(PoolApi.parse(resp.body(), POOL), subaccount, from, to));
    }
    return out;
  }

  HttpRequest request(String subaccount, LocalDate from, LocalDate to) {
    // the documented example asks for 2025-01-01..2025-01-31, a whole month: end_date is inclusive
    String query = "subaccount_names=" + URLEncoder.encode(subaccount, StandardCharsets.UTF_8) + "&start_date=" + from + "&end_date=" + to;
    return HttpRequest.newBuilder(base.resolve("/api/v2/pool/revenue/BTC?" + query))
        .timeout(Duration.ofSeconds(30))
        .header("authorization", apiKey)
        .GET()
        .build();
  }

  static List<Payout> parse(JsonNode reply, String subaccount, LocalDate from, LocalDate to) throws IOException {
    JsonNode revenue = reply.path("revenue");
    if (!revenue.isArray()) throw new IOException(POOL + ": malformed reply for subaccount '" + subaccount + "': no revenue list");
    Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
    for (JsonNode entry : revenue) {
      String when = entry.path("date_time").asText("");
      LocalDate day;
      try {
        day = LocalDate.ofInstant(Instant.parse(when), ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IOException(POOL + ": malformed reply: revenue date_time is " + (when.isEmpty() ? "missing" : "'" + when + "'"));
      }
      JsonNode r = entry.path("revenue");
      String currency = r.path("currency_type").asText("BTC");
      if (!currency.equals("BTC")) throw new IOException(POOL + ": revenue of " + when + " is in " + currency + ", not BTC");
      BigDecimal amount = PoolApi.decimal(r.get("revenue"), "revenue.revenue of " + when, POOL);
      if (day.isBefore(from) || day.isAfter(to)) continue;
      byDay.merge(day, amount, BigDecimal::add);
    }
    List<Payout> out = new ArrayList<>();
    for (Map.Entry<LocalDate, BigDecimal> d : byDay.entrySet()) {
      if (d.getValue().signum() < 0) {
        throw new IOException(POOL + ": subaccount '" + subaccount + "' has negative revenue on " + d.getKey() + " (" + d.getValue().toPlainString()
            + " BTC); book such an adjustment by hand");
      }
      Btc btc = Btc.roundedFrom(d.getValue());
      if (!btc.isPositive()) continue; // a day without hashrate earns nothing: no payout
      out.add(new Payout("luxor:" + subaccount + ":" + d.getKey(), d.getKey().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), btc, POOL));
    }
    return out;
  }

  /** ": error.message", or the start of the body; empty when the body is. */
  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) return "";
    JsonNode reply = PoolApi.tryParse(body);
    String msg = reply == null ? "" : reply.path("error").path("message").asText("");
    return ": " + (msg.isBlank() ? PoolApi.excerpt(body) : msg);
  }
}
