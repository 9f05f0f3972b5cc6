package io.hashfleet.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ASIC models Hashfleet knows, read from a CSV data file that users can extend.
 *
 * <p>Firmware reports models in many spellings ("Antminer S19 XP", "S19XP", "M50S.VH20"), so
 * lookup compares names with case, spaces and punctuation removed, and falls back to the longest
 * known name the reported one starts with.
 */
public final class ModelCatalog {
  private static final String BUNDLED = "/io/hashfleet/domain/asic-models.csv";
  private final Map<String, AsicModel> byId = new LinkedHashMap<>();
  private final Map<String, AsicModel> byKey = new LinkedHashMap<>();

  private ModelCatalog() {}

  /** The catalog shipped with Hashfleet. */
  public static ModelCatalog bundled() {
    ModelCatalog c = new ModelCatalog();
    try (InputStream in = ModelCatalog.class.getResourceAsStream(BUNDLED)) {
      c.load(new InputStreamReader(in, StandardCharsets.UTF_8), "asic-models.csv (bundled)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  /** The bundled catalog with a user's file on top: rows with a known id replace the bundled row. */
  public static ModelCatalog withExtension(Path file) {
    ModelCatalog c = bundled();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      c.load(r, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model catalog " + file + ": " + e.getMessage(), e);
    }
    return c;
  }

  private void load(Reader reader, String source) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    String line;
    int lineNo = 0;
    boolean header = true;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) continue;
      if (header) {
        header = false;
        if (line.startsWith("id,")) continue;
      }
      try {
        add(parse(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ":" + lineNo + ": " + e.getMessage(), e);
      }
    }
  }

  private static AsicModel parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length < 9) throw new IllegalArgumentException("expected 9 or 10 columns (id,make,name,nominal_ths,watts,j_per_th,hashboards,chips_per_board,fans[,aliases]), got " + f.length);
    List<String> aliases = f.length > 9 && !f[9].isBlank() ? Arrays.stream(f[9].split(";")).map(String::trim).toList() : List.of();
    try {
      return new AsicModel(f[0].trim(), Make.fromLabel(f[1].trim()), f[2].trim(), Double.parseDouble(f[3].trim()),
          Integer.parseInt(f[4].trim()), Double.parseDouble(f[5].trim()), Integer.parseInt(f[6].trim()),
          Integer.parseInt(f[7].trim()), Integer.parseInt(f[8].trim()), aliases);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number: " + e.getMessage());
    }
  }

  private void add(AsicModel m) {
    AsicModel old = byId.put(m.id(), m);
    if (old != null) byKey.values().removeIf(v -> v == old);
    byKey.put(key(m.id()), m);
    byKey.put(key(m.name()), m);
    for (String a : m.aliases()) byKey.put(key(a), m);
  }

  static String key(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c)) b.append(c);
    return b.toString();
  }

  public Optional<AsicModel> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Finds the model a firmware-reported name means, or empty when no known name fits. */
  public Optional<AsicModel> match(String reported) {
    if (reported == null) return Optional.empty();
    String k = key(reported);
    if (k.isEmpty()) return Optional.empty();
    AsicModel exact = byKey.get(k);
    if (exact != null) return Optional.of(exact);
    AsicModel best = null;
    int bestLen = 0;
    for (Map.Entry<String, AsicModel> e : byKey.entrySet()) {
      String known = e.getKey();
      // "antminers19xphyd" starts with "antminers19xp"; "m50svh20" starts with "m50s"
      if (known.length() > bestLen && known.length() >= 3 && k.startsWith(known)) {
        best = e.getValue();
        bestLen = known.length();
      }
    }
    return Optional.ofNullable(best);
  }

  public Collection<AsicModel> all() {
    return new ArrayList<>(byId.values());
  }
}
