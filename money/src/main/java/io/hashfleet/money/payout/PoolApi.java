package io.hashfleet.money.payout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** What the pool API clients share: sending a request with readable failures, and exact decimals. */
final class PoolApi {
  /**
   * Numbers as {@link BigDecimal}: pools send amounts as JSON numbers, and reading them as
   * {@code double} would lose the last satoshi of some of them.
   */
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private PoolApi() {}

  /** Sends, turning connection failures into messages that name the pool and address. */
  static HttpResponse<String> send(HttpRequest req, String pool) throws IOException {
    try {
      return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException(pool + " " + req.uri().getHost() + ": connection refused", e);
    } catch (HttpTimeoutException e) {
      throw new IOException(pool + " " + req.uri().getHost() + ": no answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(pool + ": interrupted", e);
    }
  }

  /** The body as JSON, or an error naming the pool when it is not JSON at all. */
  static JsonNode parse(String body, String pool) throws IOException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IOException(pool + ": the reply is not JSON: " + excerpt(body), e);
    }
  }

  /** The body as JSON, or null when it is not: for reading error replies, whatever their form. */
  static JsonNode tryParse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** An exact decimal from a JSON number or a decimal string; {@code field} names it in the error. */
  static BigDecimal decimal(JsonNode node, String field, String pool) throws IOException {
    if (node != null && node.isNumber()) return node.decimalValue();
    if (node != null && node.isTextual()) {
      try {
        return new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IOException(pool + ": malformed reply: " + field + " is " + (node == null || node.isMissingNode() ? "missing" : "not a number: " + node));
  }

  /** The first 200 characters of a body, for error messages. */
  static String excerpt(String body) {
    String b = body == null ? "" : body.strip();
    return b.isEmpty() ? "(empty)" : b.length() <= 200 ? b : b.substring(0, 200) + "…";
  }
}
