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
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Daily earnings from Antpool's user API, {@code POST /api/paymentHistoryV2.htm} with
 * {@code type=recv}. Antpool's own guide renders only in a browser, so the shape here is the one
 * several independent public clients agree on: a form of {@code key} (the API key), {@code nonce}
 * (a number that must grow from call to call; milliseconds here), {@code signature} (upper-case hex
 * HMAC-SHA256, keyed by the API secret, of user id + key + nonce), {@code coin=BTC}, {@code type},
 * {@code pageEnable=1}, {@code page}, {@code pageSize} (at most 50); answering
 * {@code {"code":0,"message":"ok","data":{"page":1,"totalPage":3,"pageSize":50,"totalRecord":120,
 * "rows":[{"timestamp":"2024-12-01 00:00:00","hashrate":"30.4 EH/s","fppsBlockAmount":…,
 * "fppsFeeAmount":…,"ppsAmount":…,"pplnsAmount":…,"soloAmount":…,"ppappsAmount":…,
 * "ppapplnsAmount":…}]}}}, newest first; a non-zero {@code code} is an error named by
 * {@code message}.
 *
 * <p>A row is one day's earnings under every scheme Antpool pays (FPPS block reward and fees, PPS,
 * PPLNS, solo…): they are summed, read exactly from the reply's text, and the day's total rounded
 * once to the satoshi. The row's timestamp is read as UTC and its date taken as the day earned;
 * like the other pools, the payout is credited at the start of the next day, so reconciliation's
 * one-day lag lines it up with the hashrate that earned it. Ids are {@code antpool:<user>:<day>}:
 * fetching a range twice is refused as a duplicate, never counted twice. Not checked against a live
 * account: if Antpool stamps a row with its settlement day rather than the day earned,
 * reconciliation shows every day one day off, plainly.
 */
public final class AntpoolRevenue {
  public static final URI DEFAULT_BASE = URI.create("https://antpool.com");
  static final String POOL = "Antpool";
  static final int PAGE_SIZE = 50;
  /** Guards against a server that keeps answering "more pages": a year and a half of days. */
  static final int MAX_PAGES = 12;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> AMOUNTS = List.of("fppsBlockAmount", "fppsFeeAmount", "ppsAmount", "pplnsAmount", "soloAmount", "ppappsAmount",
      "ppapplnsAmount");

  private final URI base;
  private final String userId;
  private final String apiKey;
  private final String apiSecret;
  private final Clock clock;
  private long lastNonce;

  public AntpoolRevenue(URI base, String userId, String apiKey, String apiSecret, Clock clock) {
    if (userId == null || userId.isBlank()) throw new IllegalArgumentException("an Antpool user id (the account or sub-account name) is required");
    if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("an Antpool API key is required");
    if (apiSecret == null || apiSecret.isBlank()) throw new IllegalArgumentException("an Antpool API secret is required");
    this.base = base;
    this.userId = userId.strip();
    this.apiKey = apiKey.strip();
    this.apiSecret = apiSecret.strip();
    this.clock = clock;
  }

  /** Earnings for the days {@code from} to {@code to}, both inclusive. */
  public List<Payout> fetch(LocalDate from, LocalDate to) throws IOException {
    Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      HttpResponse<String> resp = PoolApi.send(request(page), POOL);
      if (resp.statusCode() != 200) throw new IOException(POOL + " " + base + ": HTTP " + resp.statusCode() + ": " + PoolApi.excerpt(resp.body()));
      JsonNode data = data(PoolApi.parse(resp.body(), POOL));
      boolean olderThanRange = collect(data.path("rows"), from, to, byDay);
      int totalPages = data.path("totalPage").asInt(1);
      if (olderThanRange || page >= totalPages) break;
    }
    List<Payout> out = new ArrayList<>();
    for (Map.Entry<LocalDate, BigDecimal> d : byDay.entrySet()) {
      Btc btc = Btc.roundedFrom(d.getValue());
      if (!btc.isPositive()) continue; // a day without hashrate earns nothing: no payout
      out.add(new Payout("antpool:" + userId + ":" + d.getKey(), d.getKey().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), btc, POOL));
    }
    return out;
  }

  HttpRequest request(int page) {
    long nonce = nextNonce();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("key", apiKey);
    form.put("nonce", Long.toString(nonce));
    form.put("signature", signature(userId, apiKey, apiSecret, nonce));
    form.put("coin", "BTC");
    form.put("type", "recv");
    form.put("pageEnable", "1");
    form.put("page", Integer.toString(page));
    form.put("pageSize", Integer.toString(PAGE_SIZE));
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(base.resolve("/api/paymentHistoryV2.htm"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  /** Milliseconds, never repeated: two pages asked within the same millisecond still get growing nonces. */
  private synchronized long nextNonce() {
    lastNonce = Math.max(lastNonce + 1, clock.millis());
    return lastNonce;
  }

  static String signature(String userId, String apiKey, String apiSecret, long nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().withUpperCase().formatHex(mac.doFinal((userId + apiKey + nonce).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  private static JsonNode data(JsonNode reply) throws IOException {
    int code = reply.path("code").asInt(-1);
    if (code != 0) {
      String msg = reply.path("message").asText("");
      throw new IOException(POOL + ": the API answered code " + code + (msg.isBlank() ? "" : " (" + msg + ")")
          + (msg.toLowerCase(java.util.Locale.ROOT).contains("sign") ? "; check the user id, key and secret" : ""));
    }
    JsonNode data = reply.path("data");
    if (!data.path("rows").isArray()) throw new IOException(POOL + ": malformed reply: no data.rows list");
    return data;
  }

  /** Adds the rows inside [from, to]; true when a row older than {@code from} was seen (rows come newest first). */
  static boolean collect(JsonNode rows, LocalDate from, LocalDate to, Map<LocalDate, BigDecimal> byDay) throws IOException {
    boolean older = false;
    for (JsonNode row : rows) {
      LocalDate day = day(row.path("timestamp"));
      if (day.isBefore(from)) {
        older = true;
        continue;
      }
      if (day.isAfter(to)) continue;
      BigDecimal sum = BigDecimal.ZERO;
      for (String field : AMOUNTS) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) continue; // schemes this account never mined under may be absent
        BigDecimal amount = PoolApi.decimal(v, field + " of " + day, POOL);
        if (amount.signum() < 0) {
          throw new IOException(POOL + ": " + field + " of " + day + " is negative (" + amount.toPlainString() + " BTC); book such an adjustment by hand");
        }
        sum = sum.add(amount);
      }
      byDay.merge(day, sum, BigDecimal::add);
    }
    return older;
  }

  private static LocalDate day(JsonNode stamp) throws IOException {
    if (stamp.isNumber()) return LocalDate.ofInstant(Instant.ofEpochMilli(stamp.asLong()), ZoneOffset.UTC);
    String text = stamp.asText("").strip();
    try {
      return text.contains("T") ? LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC) : LocalDateTime.parse(text, STAMP).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e2) {
        throw new IOException(POOL + ": malformed reply: a row's timestamp is " + (text.isEmpty() ? "missing" : "'" + text + "'"));
      }
    }
  }
}
