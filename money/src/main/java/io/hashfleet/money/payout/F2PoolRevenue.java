package io.hashfleet.money.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashfleet.domain.Btc;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily mining revenue from F2Pool's documented API v2 (https://api.f2pool.com/v2/doc/en.html,
 * "Assets module", "Bill list"): {@code POST /v2/assets/transactions/list} with a JSON body
 * {@code {"currency":"bitcoin","mining_user_name":..,"type":"revenue","start_time":..,"end_time":..}}
 * and the API token in the {@code F2P-API-SECRET} header, answering
 * {@code {"transactions":[{"id":..,"type":..,"changed_balance":..,"created_at":..,
 * "mining_extra":{"mining_date":..,..}}]}}; an error answers {@code {"code":..,"msg":".."}}.
 *
 * <p>Each revenue credit becomes one payout credited at the start of the UTC day after its mining
 * day, as for Braiins Pool, so reconciliation's default one-day lag lines it up with the day it was
 * earned. Ids are {@code f2pool:<account>:<transaction id>}, so fetching a range twice is refused as
 * a duplicate rather than counted twice.
 *
 * <p>F2Pool documents its amounts as doubles and keeps its books below the satoshi (its examples
 * carry 18 decimals). Each amount is read exactly from the reply's text and rounded once, to the
 * nearest satoshi: at most half a satoshi from the pool's figure per day.
 */
public final class F2PoolRevenue {
  public static final URI DEFAULT_BASE = URI.create("https://api.f2pool.com");
  static final String POOL = "F2Pool";

  private final URI base;
  private final String token;
  private final String account;

  /** @param account the mining account name ({@code mining_user_name}) whose revenue to read */
  public F2PoolRevenue(URI base, String token, String account) {
    if (token == null || token.isBlank()) throw new IllegalArgumentException("an F2Pool API token is required");
    if (account == null || account.isBlank()) throw new IllegalArgumentException("an F2Pool mining account name is required");
    this.base = base;
    this.token = token.strip();
    this.account = account.strip();
  }

  /** Revenue for the mining days {@code from} to {@code to}, both inclusive. */
  public List<Payout> fetch(LocalDate from, LocalDate to) throws IOException {
    HttpResponse<String> resp = PoolApi.send(request(from, to), POOL);
    if (resp.statusCode() == 401 || resp.statusCode() == 403) {
      throw new IOException(POOL + ": the API token was refused (HTTP " + resp.statusCode() + ")" + errorMessage(resp.body()));
    }
    if (resp.statusCode() != 200) throw new IOException(POOL + " " + base + ": HTTP " + resp.statusCode() + errorMessage(resp.body()));
    return parse(PoolApi.parse(resp.body(), POOL), account, from, to);
  }

  HttpRequest request(LocalDate from, LocalDate to) {
    ObjectNode body = PoolApi.JSON.createObjectNode();
    body.put("currency", "bitcoin");
    body.put("mining_user_name", account);
    body.put("type", "revenue");
    // A day's credit is booked after the day ends, and F2Pool does not say which timestamp the
    // window filters on, so ask for a day more on each side and keep the mining days asked for.
    body.put("start_time", from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    body.put("end_time", to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    return HttpRequest.newBuilder(base.resolve("/v2/assets/transactions/list"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("F2P-API-SECRET", token)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  static List<Payout> parse(JsonNode reply, String account, LocalDate from, LocalDate to) throws IOException {
    JsonNode txs = reply.path("transactions");
    if (!txs.isArray()) {
      // the documented error shape can also come with HTTP 200
      if (reply.has("msg")) throw new IOException(POOL + ": the pool answered code " + reply.path("code").asText() + ": " + reply.path("msg").asText());
      throw new IOException(POOL + ": malformed reply: no transactions list");
    }
    List<Payout> out = new ArrayList<>();
    for (JsonNode tx : txs) {
      // "revenue" also matches the detailed types the reply carries (e.g. revenue_fpps); anything
      // else (payouts out of the balance) is not production
      if (!tx.path("type").asText().startsWith("revenue")) continue;
      JsonNode id = tx.path("id");
      if (!id.canConvertToExactIntegral()) throw new IOException(POOL + ": malformed reply: transaction id is " + describe(id));
      String where = "transaction " + id.asText();
      JsonNode miningDate = tx.path("mining_extra").path("mining_date");
      if (!miningDate.canConvertToExactIntegral()) {
        throw new IOException(POOL + ": malformed reply: " + where + " mining_extra.mining_date is " + describe(miningDate));
      }
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(miningDate.asLong()), ZoneOffset.UTC);
      if (day.isBefore(from) || day.isAfter(to)) continue;
      BigDecimal amount = PoolApi.decimal(tx.get("changed_balance"), where + " changed_balance", POOL);
      if (amount.signum() < 0) {
        throw new IOException(POOL + ": " + where + " takes " + amount.toPlainString() + " BTC off the revenue of " + day
            + "; book such an adjustment by hand");
      }
      Btc btc = Btc.roundedFrom(amount);
      if (!btc.isPositive()) continue; // a day without hashrate earns nothing: no payout
      out.add(new Payout("f2pool:" + account + ":" + id.asText(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), btc, POOL));
    }
    return out;
  }

  /** ": the pool's msg", or the start of the body; empty when the body is. */
  private static String errorMessage(String body) {
    if (body == null || body.isBlank()) return "";
    JsonNode reply = PoolApi.tryParse(body);
    String msg = reply == null ? "" : reply.path("msg").asText("");
    return ": " + (msg.isBlank() ? PoolApi.excerpt(body) : msg);
  }

  private static String describe(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "missing" : "not a whole number: " + n;
  }
}
