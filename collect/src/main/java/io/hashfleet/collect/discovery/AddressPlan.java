package io.hashfleet.collect.discovery;

import io.hashfleet.domain.Cidr;
import io.hashfleet.domain.Ipv4;
import io.hashfleet.domain.MinerLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a site numbers its network: which range is which site, and how rack and position follow
 * from the address. Sites commonly give each rack a /24 (third octet) and each slot a host number.
 *
 * <p>File format, one rule per line ({@code #} comments), first match wins:
 *
 * <pre>
 * # cidr, site, rack pattern, position pattern
 * 10.1.0.0/16, dallas, R{c}, {d}
 * 10.2.0.0/24, odessa, A1, {d}
 * </pre>
 *
 * Patterns may use the address octets {a}, {b}, {c}, {d}; a position must come out a number.
 */
public final class AddressPlan {
  private record Rule(Cidr range, String site, String rack, String position) {}

  private final List<Rule> rules;

  private AddressPlan(List<Rule> rules) {
    this.rules = rules;
  }

  public static AddressPlan read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Rule> rules = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split(",", -1);
      try {
        if (f.length < 2 || f.length > 4) throw new IllegalArgumentException("expected 'cidr, site[, rack pattern[, position pattern]]'");
        String site = f[1].strip();
        if (site.isEmpty()) throw new IllegalArgumentException("site is empty");
        rules.add(new Rule(Cidr.parse(f[0]), site, f.length > 2 ? f[2].strip() : "", f.length > 3 ? f[3].strip() : ""));
      } catch (IllegalArgumentException e) {
        errors.add(file + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("\n", errors));
    return new AddressPlan(rules);
  }

  /** A plan putting every address at one site, racks and positions unknown. */
  public static AddressPlan singleSite(String site) {
    return new AddressPlan(List.of(new Rule(Cidr.parse("0.0.0.0/0"), site, "", "")));
  }

  public MinerLocation locate(String host) {
    for (Rule r : rules) {
      if (!r.range.contains(host)) continue;
      long v = Ipv4.toLong(host);
      String rack = r.rack.isEmpty() ? null : expand(r.rack, v);
      Integer position = null;
      if (!r.position.isEmpty()) {
        String p = expand(r.position, v);
        try {
          position = Integer.parseInt(p);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(host + ": position pattern '" + r.position + "' gave '" + p + "', not a number");
        }
      }
      return new MinerLocation(r.site, rack, position);
    }
    return MinerLocation.UNKNOWN;
  }

  private static String expand(String pattern, long v) {
    return pattern
        .replace("{a}", Long.toString((v >>> 24) & 255))
        .replace("{b}", Long.toString((v >>> 16) & 255))
        .replace("{c}", Long.toString((v >>> 8) & 255))
        .replace("{d}", Long.toString(v & 255));
  }
}
