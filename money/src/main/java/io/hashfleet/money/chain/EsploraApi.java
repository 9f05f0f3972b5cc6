package io.hashfleet.money.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * An Esplora-style REST API (Blockstream's esplora, mempool.space): {@code /blocks/tip/height},
 * {@code /block-height/:height} and {@code /block/:hash}, whose bits is a number.
 */
public final class EsploraApi implements ChainSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  /** @param base the API root, such as https://blockstream.info/api */
  public EsploraApi(URI base) {
    String b = base.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  @Override
  public String name() {
    return "esplora " + base;
  }

  @Override
  public int tipHeight() throws IOException {
    String body = get("/blocks/tip/height").strip();
    try {
      return Integer.parseInt(body);
    } catch (NumberFormatException e) {
      throw new IOException(name() + ": /blocks/tip/height answered '" + abbreviate(body) + "', not a height");
    }
  }

  @Override
  public DifficultyEpoch epochAt(int height) throws IOException {
    String hash = get("/block-height/" + height).strip();
    if (!hash.matches("[0-9a-fA-F]{64}")) throw new IOException(name() + ": /block-height/" + height + " answered '" + abbreviate(hash) + "', not a block hash");
    JsonNode b = JSON.readTree(get("/block/" + hash));
    return new DifficultyEpoch(b.path("height").asInt(), Instant.ofEpochSecond(b.path("timestamp").asLong()), b.path("bits").asLong(),
        b.path("difficulty").asDouble(), name());
  }

  private String get(String path) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) throw new IOException(name() + ": GET " + path + " answered HTTP " + resp.statusCode() + ": " + abbreviate(resp.body()));
      return resp.body();
    } catch (ConnectException e) {
      throw new IOException(name() + ": connection refused", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(name() + ": interrupted", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
