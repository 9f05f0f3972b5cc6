package io.hashfleet.energy.power;

import io.hashfleet.domain.AsicModel;
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
 * A fleet as counts per model: from a file of {@code model,count} lines (catalog ids such as
 * {@code s19xp}), or from the store's registry.
 */
public record FleetMix(List<FleetGroup> groups) {
  public FleetMix {
    groups = List.copyOf(groups);
    if (groups.isEmpty()) throw new IllegalArgumentException("the fleet is empty");
  }

  /** Reads {@code model,count} lines; a header line and # comments are allowed. All lines or none. */
  public static FleetMix read(Path file, ModelCatalog catalog) throws IOException {
    String name = file.getFileName().toString();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    List<ImportError> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int n = i + 1;
      if (line.isEmpty() || line.startsWith("#") || (n == 1 && line.toLowerCase().startsWith("model"))) continue;
      String[] f = line.split(",", -1);
      if (f.length != 2) {
        errors.add(new ImportError(name, n, "expected model,count, got '" + line + "'"));
        continue;
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
      Integer first = lineOf.putIfAbsent(id, n);
      if (first != null) {
        errors.add(new ImportError(name, n, "model '" + id + "' listed twice (first on line " + first + ")"));
        continue;
      }
      counts.put(id, count);
    }
    if (!errors.isEmpty()) throw new ImportException(errors);
    return of(counts, catalog);
  }

  /** The registered fleet, by catalog model; miners of unknown models are left out (and counted in the message). */
  public static FleetMix fromStore(FleetStore store, ModelCatalog catalog) {
    Map<String, Long> counts = store.read("miners by model", c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT model_id, count(*) FROM miners WHERE model_id IS NOT NULL GROUP BY 1 ORDER BY 1");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    });
    counts.keySet().removeIf(id -> catalog.byId(id).isEmpty());
    if (counts.isEmpty()) throw new IllegalArgumentException("no registered miners of a catalog model: give --fleet FILE (model,count lines)");
    return of(counts, catalog);
  }

  private static FleetMix of(Map<String, Long> counts, ModelCatalog catalog) {
    List<FleetGroup> groups = new ArrayList<>();
    counts.forEach((id, n) -> groups.add(new FleetGroup(catalog.byId(id).orElseThrow(), n)));
    return new FleetMix(groups);
  }

  private static String ids(ModelCatalog catalog) {
    return String.join(", ", catalog.all().stream().map(AsicModel::id).sorted().toList());
  }
}
