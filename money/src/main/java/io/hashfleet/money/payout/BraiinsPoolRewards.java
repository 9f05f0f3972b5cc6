package io.hashfleet.money.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hashfleet.domain.Btc;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily FPPS rewards from Braiins Pool's documented account API:
 * {@code GET /accounts/rewards/json/btc?from=YYYY-MM-DD&to=YYYY-MM-DD} with the access profile's
 * token in the {@code Pool-Auth-Token} header, answering
 * {@code {"btc":{"daily_rewards":[{"date":<unix>,"total_reward":"0.0123",...}]}}}.
 *
 * <p>Each day's total reward becomes one payout credited at the start of the next UTC day, as
 * FPPS pools credit a day after it ends, so reconciliation's default one-day lag lines it up with
 * the day it was earned. Ids are {@code braiins:<day>}, so fetching a range twice is refused as a
 * duplicate rather than counted twice. The API names no account (the token's access profile picks
 * it), so a store that keeps two Braiins accounts' rewards (two owners' books) labels each:
 * {@code braiins:<label>:<day>}.
 */
public final class BraiinsPoolRewards {
  public static final URI DEFAULT_BASE = URI.create("https://pool.braiins.com");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String token;
  private final String label;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public BraiinsPoolRewards(URI base, String token) {
    this(base, token, null);
  }

  /** @param label kept in the payout ids to tell accounts apart, or null for the store's one account */
  public BraiinsPoolRewards(URI base, String token, String label) {
    if (token == null || token.isBlank()) throw new IllegalArgumentException("a Braiins Pool access token is required");
    if (label != null && !label.strip().matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException("a Braiins account label is 1-64 letters, digits or . _ @ -, got '" + label + "'");
    }
    this.base = base;
    this.token = token;
    this.label = label == null ? null : label.strip();
  }

  public List<Payout> fetch(LocalDate from, LocalDate to) throws IOException {
    URI uri = base.resolve("/accounts/rewards/json/btc?from=" + from + "&to=" + to);
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Pool-Auth-Token", token).GET().build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException("Braiins Pool " + base + ": connection refused", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Braiins Pool: interrupted", e);
    }
    if (resp.statusCode() == 401 || resp.statusCode() == 403) {
      throw new IOException("Braiins Pool " + base + ": the token was refused (HTTP " + resp.statusCode() + "); it needs an access profile with web API access");
    }
    if (resp.statusCode() != 200) throw new IOException("Braiins Pool " + base + ": HTTP " + resp.statusCode());
    return parse(resp.body(), label);
  }

  static List<Payout> parse(String body) throws IOException {
    return parse(body, null);
  }

  static List<Payout> parse(String body, String label) throws IOException {
    String prefix = label == null ? "braiins:" : "braiins:" + label + ":";
    JsonNode rewards = JSON.readTree(body).path("btc").path("daily_rewards");
    if (!rewards.isArray()) throw new IOException("Braiins Pool: the reply has no btc.daily_rewards list");
    List<Payout> out = new ArrayList<>();
    for (JsonNode r : rewards) {
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(r.path("date").asLong()), ZoneOffset.UTC);
      Btc total = Btc.parse(r.path("total_reward").asText());
      if (!total.isPositive()) continue; // a day without hashrate has a zero reward, not a payout
      out.add(new Payout(prefix + day, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), total, "Braiins Pool"));
    }
    return out;
  }
}
