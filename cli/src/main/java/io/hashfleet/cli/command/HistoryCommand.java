package io.hashfleet.cli.command;

import io.hashfleet.cli.output.BarChart;
import io.hashfleet.cli.output.Json;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import io.hashfleet.store.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Hashrate and power over time for the fleet, a site, a model or a miner, with uptime. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Hashrate and power over a time range (fleet, site, model or miner) with uptime %%, as a chart or JSON Lines.")
public final class HistoryCommand implements Callable<Integer> {
  @Option(names = "--scope", defaultValue = "fleet", description = "fleet, site:NAME, model:ID or miner:HOST[:PORT] (default: ${DEFAULT-VALUE}).")
  String scope;

  @Option(names = "--since", defaultValue = "1h", converter = DurationConverter.class, description = "How far back (default: ${DEFAULT-VALUE}).")
  Duration since;

  @Option(names = "--bucket", defaultValue = "1m", converter = DurationConverter.class, description = "Bucket size (default: ${DEFAULT-VALUE}).")
  Duration bucket;

  @Option(names = "--json", description = "One JSON object per bucket.") boolean json;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    Scope s = parseScope(scope);
    Instant to = Instant.now();
    Instant from = to.minus(since);
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      List<SeriesPoint> points = store.hashrateSeries(s, from, to, bucket);
      OptionalDouble uptime = store.uptimePct(s, from, to);
      if (json) {
        for (SeriesPoint p : points) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("start", p.start().toString());
          m.put("hashrate_ths", Math.round(p.hashrate().ths() * 100) / 100.0);
          m.put("power_w", p.power() == null ? null : p.power().watts());
          m.put("miners_reporting", p.minersReporting());
          System.out.println(Json.line(m));
        }
        return 0;
      }
      DateTimeFormatter hm = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (SeriesPoint p : points) {
        labels.add(hm.format(p.start()) + "Z");
        values.add(p.hashrate().ths());
        texts.add(p.hashrate() + (p.power() == null ? "" : "  " + p.power()) + "  " + p.minersReporting() + " miners");
      }
      System.out.printf("%s hashrate, %s to %s UTC, %d s buckets%n", scope, hm.format(from), hm.format(to), bucket.toSeconds());
      System.out.print(points.isEmpty() ? "no samples in this range\n" : BarChart.render(labels, values, texts, 40));
      System.out.printf("uptime: %s%n", uptime.isPresent() ? String.format("%.2f%%", uptime.getAsDouble()) : "no polls in this range");
      return 0;
    }
  }

  public static Scope parseScope(String text) {
    if (text.equals("fleet")) return Scope.fleet();
    int colon = text.indexOf(':');
    String kind = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.isBlank()) throw new IllegalArgumentException("scope '" + text + "': expected fleet, site:NAME, model:ID or miner:HOST[:PORT]");
    return switch (kind) {
      case "site" -> Scope.site(value);
      case "model" -> Scope.model(value);
      case "miner" -> Scope.miner(MinerAddress.parse(value));
      default -> throw new IllegalArgumentException("scope '" + text + "': expected fleet, site:NAME, model:ID or miner:HOST[:PORT]");
    };
  }
}
