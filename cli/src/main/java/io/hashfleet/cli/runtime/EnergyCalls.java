package io.hashfleet.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.cli.output.Json;
import io.hashfleet.console.access.ConsoleAudit;
import io.hashfleet.energy.execution.ExecutionReport;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A demand-response call as JSON on the live endpoint:
 * {@code {"site":"odessa","shed_mw":2.5,"within_s":600,"for_s":1800,"id":"ers-7","source":"cli"}},
 * answered with what was sent and accepted.
 */
final class EnergyCalls {
  private EnergyCalls() {}

  static String demandResponse(EnergyControl energy, byte[] body, ConsoleAudit audit) {
    try {
      JsonNode call = Json.MAPPER.readTree(body);
      String site = call.path("site").asText(null);
      double mw = call.path("shed_mw").asDouble(0);
      if (site == null || site.isBlank() || !(mw > 0)) return error("a call needs site and a positive shed_mw");
      String id = call.hasNonNull("id") ? call.get("id").asText() : "dr-" + UUID.randomUUID().toString().substring(0, 8);
      Duration within = Duration.ofSeconds(call.path("within_s").asLong(600));
      Duration lasts = Duration.ofSeconds(call.path("for_s").asLong(1800));
      long started = System.nanoTime();
      String source = call.path("source").asText("api");
      // The same audit log as the console's commands: who (the local endpoint, from `source`), what, where.
      if (audit != null) {
        audit.record(null, null, "command", site, "demand response " + id + " from " + source + " via the live endpoint: shed " + mw + " MW within "
            + within.toMinutes() + " min for " + lasts.toMinutes() + " min", "127.0.0.1");
      }
      ExecutionReport r = energy.demandResponse(id, site, Math.round(mw * 1e6), within, lasts, source);
      if (audit != null) {
        audit.record(null, null, "command_result", id, r.accepted() + " of " + r.orders() + " accepted, " + r.refused().size() + " refused, "
            + r.failed().size() + " failed", "127.0.0.1");
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("event", id);
      m.put("site", site);
      m.put("shed_mw", mw);
      m.put("orders", r.orders());
      m.put("accepted", r.accepted());
      long planned = 0;
      long accepted = 0;
      for (long w : r.plannedSleepWatts()) planned += w;
      for (long w : r.acceptedSleepWatts()) accepted += w;
      m.put("planned_mw", planned / 1e6);
      m.put("accepted_mw", accepted / 1e6);
      // Thousands of refusals would drown the answer: counts, and the first few as examples.
      m.put("refused", r.refused().size());
      m.put("failed", r.failed().size());
      m.put("refused_examples", r.refused().subList(0, Math.min(5, r.refused().size())));
      m.put("failed_examples", r.failed().subList(0, Math.min(5, r.failed().size())));
      m.put("attempts", r.attempts());
      m.put("elapsed_ms", (System.nanoTime() - started) / 1_000_000);
      return Json.line(m) + "\n";
    } catch (IllegalArgumentException e) {
      return error(e.getMessage());
    } catch (IOException e) {
      return error("not a JSON call: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted");
    }
  }

  private static String error(String message) {
    return Json.line(Map.of("error", message)) + "\n";
  }
}
