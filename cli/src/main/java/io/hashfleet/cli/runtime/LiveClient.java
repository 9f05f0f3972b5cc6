package io.hashfleet.cli.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Asks a running collector on this machine for live data; empty when none is running. */
public final class LiveClient {
  private LiveClient() {}

  public static Optional<String> get(int port, String pathAndQuery) {
    return answer(port, pathAndQuery).filter(a -> a.status() == 200).map(Answer::body);
  }

  /** What the running collector answered, whatever its status; empty when none is running. */
  public static Optional<Answer> answer(int port, String pathAndQuery) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
      return Optional.of(new Answer(resp.statusCode(), resp.body()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public record Answer(int status, String body) {}

  /** Whether the running collector writes to the same store file as this command would read. */
  public static boolean sameStore(String liveStatusJson, Path store) {
    return liveStatusJson.contains("\"store\":\"" + store.toAbsolutePath().toString().replace("\\", "\\\\") + "\"");
  }
}
