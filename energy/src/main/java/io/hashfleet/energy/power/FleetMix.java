package io.hashfleet.energy.power;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.money.csv.ImportError;
import io.hashfleet.money.csv.ImportException;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet as counts per model: from a file of {@code model,count[,firmware]} lines (catalog ids
 * such as {@code s19xp}; firmware a dialect such as {@code braiins_os}, default stock), or from the
 * store's registry. The firmware decides whether a group takes power targets ({@link PowerTargets}).
 */
public record FleetMix(List<FleetGroup> groups) {
  public FleetMix {
    groups = List.copyOf(groups);
    if (groups.isEmpty()) throw new IllegalArgumentException("the fleet is empty");
  }

  /** How far the policy may use power targets in a backtest. */
  public enum PartialPowerMode {
    /** Where the group's firmware takes them (the default). */
    FIRMWARE,
    /** Every machine, as if all ran firmware that takes them: what partial power would be worth. */
    ALL,
    /** None: sleep or nominal only. */
    NONE
  }

  /** The same fleet with partial power set by {@code mode}. */
  public FleetMix withPartialPower(PartialPowerMode mode) {
    if (mode == PartialPowerMode.FIRMWARE) return this;
    return new FleetMix(groups.stream().map(g -> new FleetGroup(g.model(), g.count(), mode == PartialPowerMode.ALL)).toList());
  }

  /** Reads {@code model,count[,firmware]} lines; a header line and # comments are allowed. All lines or none. */
  public static FleetMix read(Path file, ModelCatalog catalog) throws IOException {
    String name = file.getFileName().toString();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Long> counts = new LinkedHashMap<>(); // key: model id, plus "+pt" for a group that takes targets
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    List<ImportError> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int n = i + 1;
      if (line.isEmpty() || line.startsWith("#") || (n == 1 && line.toLowerCase().startsWith("model"))) continue;
      String[] f = line.split(",", -1);
      if (f.length != 2 && f.length != 3) {
        errors.add(new ImportError(name, n, "expected model,count or model,count,firmware, got '" + line + "'"));
        continue;
      }
      boolean targets = false;
      if (f.length == 3 && !f[2].isBlank()) {
        Dialect d = dialect(f[2].strip());
        if (d == null) {
          errors.add(new ImportError(name, n, "unknown firmware '" + f[2].strip() + "' (one of: " + dialects() + ")"));
          continue;
        }
        targets = PowerTargets.accepts(d);
      }
      String id = f[0].strip();
      if (catalog.byId(id).isEmpty()) {
        errors.add(new ImportError(name, n, "unknown model '" + id + "' (catalog ids: " + ids(catalog) + ")"));
        continue;
      }
      long count;
      try {
        count = Long.parseLong(f[1].strip());
      } catch (NumberFormatException e) {
        errors.add(new ImportError(name, n, "bad count '" + f[1].strip() + "'"));
        continue;
      }
      if (count <= 0) {
        errors.add(new ImportError(name, n, "count must be positive, got " + count));
        continue;
      }
      String key = targets ? id + PT : id;
      Integer first = lineOf.putIfAbsent(key, n);
      if (first != null) {
        errors.add(new ImportError(name, n, "model '" + id + "'" + (targets ? " with power targets" : "") + " listed twice (first on line " + first + ")"));
        continue;
      }
      counts.put(key, count);
    }
    if (!errors.isEmpty()) throw new ImportException(errors);
    return of(counts, catalog);
  }

  /** The registered fleet, by catalog model; miners of unknown models are left out (and counted in the message). */
  public static FleetMix fromStore(FleetStore store, ModelCatalog catalog) {
    Map<String, Long> counts = store.read("miners by model", c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT model_id, dialect, count(*) FROM miners WHERE model_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          Dialect d = dialect(rs.getString(2));
          out.merge(d != null && PowerTargets.accepts(d) ? rs.getString(1) + PT : rs.getString(1), rs.getLong(3), Long::sum);
        }
      }
      return out;
    });
    counts.keySet().removeIf(key -> catalog.byId(modelId(key)).isEmpty());
    if (counts.isEmpty()) throw new IllegalArgumentException("no registered miners of a catalog model: give --fleet FILE (model,count lines)");
    return of(counts, catalog);
  }

  private static FleetMix of(Map<String, Long> counts, ModelCatalog catalog) {
    List<FleetGroup> groups = new ArrayList<>();
    counts.forEach((key, n) -> groups.add(new FleetGroup(catalog.byId(modelId(key)).orElseThrow(), n, key.endsWith(PT))));
    return new FleetMix(groups);
  }

  private static final String PT = "+pt";

  private static String modelId(String key) {
    return key.endsWith(PT) ? key.substring(0, key.length() - PT.length()) : key;
  }

  /** A dialect by its enum name in any case ({@code braiins_os}), or null. */
  private static Dialect dialect(String text) {
    for (Dialect d : Dialect.values()) if (d.name().equalsIgnoreCase(text)) return d;
    return null;
  }

  private static String dialects() {
    return String.join(", ", java.util.Arrays.stream(Dialect.values()).map(d -> d.name().toLowerCase()).toList());
  }

  private static String ids(ModelCatalog catalog) {
    return String.join(", ", catalog.all().stream().map(AsicModel::id).sorted().toList());
  }
}
