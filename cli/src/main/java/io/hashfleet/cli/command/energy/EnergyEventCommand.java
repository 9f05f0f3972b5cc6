package io.hashfleet.cli.command.energy;

import io.hashfleet.cli.command.DurationConverter;
import io.hashfleet.cli.output.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Posts a demand-response call to the running controller ({@code hashfleet up --energy}). */
@Command(name = "event", mixinStandardHelpOptions = true,
    description = "A demand-response call: shed MW at a site within a deadline for a duration. Sent to the running `hashfleet up --energy`.")
public final class EnergyEventCommand implements Callable<Integer> {
  @Option(names = "--site", required = true) String site;
  @Option(names = "--shed-mw", required = true, paramLabel = "MW") BigDecimal shedMw;
  @Option(names = "--within", defaultValue = "10m", converter = DurationConverter.class, description = "Deadline for the shed (default: ${DEFAULT-VALUE}).")
  Duration within;
  @Option(names = "--for", defaultValue = "30m", converter = DurationConverter.class, description = "How long it lasts after the deadline (default: ${DEFAULT-VALUE}).")
  Duration lasts;
  @Option(names = "--id", description = "The grid operator's or host's id for the call (default: generated).") String id;
  @Option(names = "--live-port", defaultValue = "8408", description = "Where `hashfleet up --energy` listens (default: ${DEFAULT-VALUE}).") int port;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (id != null) body.put("id", id);
    body.put("site", site);
    body.put("shed_mw", shedMw);
    body.put("within_s", within.toSeconds());
    body.put("for_s", lasts.toSeconds());
    body.put("source", "cli:" + System.getProperty("user.name", "unknown"));
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/energy/events")).timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.line(body))).build();
    HttpResponse<String> resp;
    try {
      resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(req, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      throw new IllegalStateException("no `hashfleet up --energy` listening on 127.0.0.1:" + port);
    }
    System.out.print(resp.body());
    return resp.statusCode() == 200 && !resp.body().contains("\"error\"") ? 0 : 1;
  }
}
