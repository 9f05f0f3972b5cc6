package io.hashfleet.cli.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hashfleet.cli.output.Json;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.ModelCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A read-only local endpoint on the running collector, so that {@code hashfleet status} and
 * {@code hashfleet miners} in another terminal see live data: the embedded store file is held by
 * the collector's process while it runs. Bound to loopback only; the web console (a later issue)
 * will serve the full API.
 */
public final class LiveEndpoint implements AutoCloseable {
  public static final int DEFAULT_PORT = 8408;
  private static final String ENERGY_OFF = "{\"error\":\"the energy controller is off: start `hashfleet up --energy`\"}\n";
  private final HttpServer server;

  public LiveEndpoint(Collector collector, ModelCatalog catalog, String storePath, int port) throws IOException {
    this(collector, catalog, storePath, port, null);
  }

  public LiveEndpoint(Collector collector, ModelCatalog catalog, String storePath, int port, EnergyControl energy) throws IOException {
    this(collector, catalog, storePath, port, energy, null);
  }

  /**
   * With {@code energy} non-null, also takes demand-response calls on POST /energy/events, each
   * written to {@code audit} (when given) as the console's own commands are.
   */
  public LiveEndpoint(Collector collector, ModelCatalog catalog, String storePath, int port, EnergyControl energy,
      io.hashfleet.console.access.ConsoleAudit audit) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/status", ex -> {
      Map<String, Object> body = FleetViews.status(collector.live(), collector.alerts().openCount());
      body.put("store", storePath);
      send(ex, Json.line(body) + "\n");
    });
    server.createContext("/miners", ex -> {
      Map<String, String> q = query(ex);
      HealthState health = q.containsKey("health") ? HealthState.fromCode(q.get("health")) : null;
      int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 0;
      List<Map<String, Object>> rows = FleetViews.miners(collector.live(), catalog, q.get("site"), q.get("model"), health, limit);
      StringBuilder b = new StringBuilder();
      for (Map<String, Object> r : rows) b.append(Json.line(r)).append('\n');
      send(ex, b.toString());
    });
    server.createContext("/energy/plan", ex -> {
      if (energy == null) {
        send(ex, 404, ENERGY_OFF);
        return;
      }
      try {
        send(ex, Json.line(energy.dryRun(DryRun.Inputs.fromQuery(query(ex)))) + "\n");
      } catch (IllegalArgumentException e) { // a malformed query, or a site the fleet does not have
        send(ex, 400, Json.line(Map.of("error", String.valueOf(e.getMessage()))) + "\n");
      }
    });
    server.createContext("/energy/events", ex -> {
      if (energy == null) {
        send(ex, 404, ENERGY_OFF);
        return;
      }
      if (!ex.getRequestMethod().equals("POST")) {
        send(ex, 405, "{\"error\":\"POST a demand-response call\"}\n");
        return;
      }
      send(ex, 200, EnergyCalls.demandResponse(energy, ex.getRequestBody().readAllBytes(), audit));
    });
    server.start();
  }

  private static Map<String, String> query(HttpExchange ex) {
    Map<String, String> q = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null) return q;
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  private static void send(HttpExchange ex, String body) throws IOException {
    send(ex, 200, body);
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The port it listens on (the one asked for, or the one chosen when asked for 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
