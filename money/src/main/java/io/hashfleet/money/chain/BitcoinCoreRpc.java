package io.hashfleet.money.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hashfleet.domain.Btc;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A Bitcoin Core node over JSON-RPC: getblockchaininfo, getblockhash, getblockheader and
 * getblockstats (for fees). Credentials come from the URL's user info or a cookie file's
 * {@code user:password} line, and never appear in names or messages.
 */
public final class BitcoinCoreRpc implements ChainSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final String authorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** @param credentials {@code user:password}, or null to take them from the URL */
  public BitcoinCoreRpc(URI url, String credentials) {
    String userInfo = credentials != null ? credentials : url.getUserInfo();
    this.endpoint = URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath()));
    this.authorization = userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String name() {
    return "bitcoin core " + endpoint;
  }

  @Override
  public int tipHeight() throws IOException {
    return call("getblockchaininfo", JSON.createArrayNode()).path("blocks").asInt();
  }

  @Override
  public DifficultyEpoch epochAt(int height) throws IOException {
    String hash = call("getblockhash", JSON.createArrayNode().add(height)).asText();
    JsonNode h = call("getblockheader", JSON.createArrayNode().add(hash).add(true));
    long bits = Long.parseLong(h.path("bits").asText(), 16);
    return new DifficultyEpoch(h.path("height").asInt(), Instant.ofEpochSecond(h.path("time").asLong()), bits,
        h.path("difficulty").asDouble(), name());
  }

  /** A block's total fees and time, from getblockstats. */
  public ChainStore.BlockFees blockFees(int height) throws IOException {
    ArrayNode stats = JSON.createArrayNode().add("height").add("time").add("totalfee");
    JsonNode s = call("getblockstats", JSON.createArrayNode().add(height).add(stats));
    return new ChainStore.BlockFees(s.path("height").asInt(), Instant.ofEpochSecond(s.path("time").asLong()),
        Btc.ofSats(s.path("totalfee").asLong()));
  }

  private JsonNode call(String method, ArrayNode params) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("jsonrpc", "1.0").put("id", "hashfleet").put("method", method);
    body.set("params", params);
    HttpRequest.Builder req = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (authorization != null) req.header("Authorization", authorization);
    HttpResponse<String> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException(name() + ": connection refused (is the node running and rpcbind/rpcallowip set?)", e);
    } catch (HttpTimeoutException e) {
      throw new IOException(name() + ": " + method + " timed out after " + TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(name() + ": interrupted", e);
    }
    if (resp.statusCode() == 401 || resp.statusCode() == 403) {
      throw new IOException(name() + ": authentication failed (HTTP " + resp.statusCode() + "): check the RPC user and password or cookie");
    }
    JsonNode reply;
    try {
      reply = JSON.readTree(resp.body());
    } catch (IOException e) {
      throw new IOException(name() + ": " + method + " answered HTTP " + resp.statusCode() + " with something that is not JSON-RPC");
    }
    // Core answers RPC errors with HTTP 500 (or 404 for an unknown method) and an error object.
    JsonNode error = reply.path("error");
    if (!error.isMissingNode() && !error.isNull()) {
      throw new IOException(name() + ": " + method + " " + params + ": " + error.path("message").asText() + " (code " + error.path("code").asInt() + ")");
    }
    if (resp.statusCode() != 200) throw new IOException(name() + ": " + method + " answered HTTP " + resp.statusCode());
    return reply.path("result");
  }
}
