package io.hashfleet.collect.discovery;

import io.hashfleet.domain.Ipv4;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads where machines stand from a CSV that site staff keep: {@code address,site,rack,position}
 * with a header line. Every bad line is reported with its number; if any line is bad nothing is
 * returned, so an import is never half-applied.
 */
public final class LocationCsv {
  private LocationCsv() {}

  public static Map<MinerAddress, MinerLocation> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<MinerAddress, MinerLocation> out = new LinkedHashMap<>();
    Map<MinerAddress, Integer> seenAt = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int lineNo = i + 1;
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (lineNo == 1 && line.toLowerCase().startsWith("address")) continue;
      String[] f = line.split(",", -1);
      try {
        if (f.length != 4) throw new IllegalArgumentException("expected 4 columns address,site,rack,position; got " + f.length);
        MinerAddress address = MinerAddress.parse(f[0]);
        Ipv4.toLong(address.host());
        String site = f[1].strip();
        if (site.isEmpty()) throw new IllegalArgumentException("site is empty");
        Integer position = f[3].isBlank() ? null : parsePosition(f[3].strip());
        Integer earlier = seenAt.putIfAbsent(address, lineNo);
        if (earlier != null) throw new IllegalArgumentException(address + " already listed on line " + earlier);
        out.put(address, new MinerLocation(site, f[2].isBlank() ? null : f[2].strip(), position));
      } catch (IllegalArgumentException e) {
        errors.add(file + ":" + lineNo + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.size() + " bad line(s), nothing imported:\n" + String.join("\n", errors));
    }
    return out;
  }

  private static int parsePosition(String s) {
    try {
      int p = Integer.parseInt(s);
      if (p < 0) throw new IllegalArgumentException("position must not be negative: " + s);
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("position '" + s + "' is not a whole number");
    }
  }
}
