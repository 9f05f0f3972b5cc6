package io.hashfleet.money.cost;

import io.hashfleet.money.csv.CsvFile;
import io.hashfleet.money.csv.ImportResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hosting contracts from a CSV file the owner keeps:
 * {@code operator,site,pricing,usd_per_kwh,fee_usd_per_kwh,uptime_sla_pct,minimum_take_kw}, where
 * pricing is {@code all-in} (usd_per_kwh is everything) or {@code power+fee}, site is a site name
 * or {@code *}, and the last three may be empty.
 */
public final class HostingContracts {
  public static final List<String> COLUMNS = List.of("operator", "site", "pricing", "usd_per_kwh");

  private final List<HostingContract> contracts;

  public HostingContracts(List<HostingContract> contracts) {
    this.contracts = List.copyOf(contracts);
  }

  public List<HostingContract> all() {
    return contracts;
  }

  /** The contract for a site: one naming it, else one for every site. */
  public Optional<HostingContract> forSite(String site) {
    return contracts.stream().filter(c -> c.site().equals(site)).findFirst()
        .or(() -> contracts.stream().filter(c -> c.site().equals(HostingContract.ANY_SITE)).findFirst());
  }

  public static HostingContracts read(Path file) throws IOException {
    return new HostingContracts(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)).orThrow());
  }

  public static ImportResult<HostingContract> parse(String name, String text) {
    CsvFile csv = CsvFile.parse(name, text, COLUMNS);
    List<HostingContract> out = new ArrayList<>();
    Map<String, Integer> lineOfSite = new HashMap<>();
    for (CsvFile.Row row : csv.rows()) {
      try {
        BigDecimal rate = decimal(row.get("usd_per_kwh"), "usd_per_kwh");
        HostingContract.Rate r = switch (row.get("pricing").toLowerCase(Locale.ROOT)) {
          case "all-in" -> new HostingContract.Rate.AllIn(rate);
          case "power+fee" -> new HostingContract.Rate.PowerPlusFee(rate, decimal(row.get("fee_usd_per_kwh"), "fee_usd_per_kwh"));
          default -> throw new IllegalArgumentException("pricing must be all-in or power+fee, got '" + row.get("pricing") + "'");
        };
        HostingContract c = new HostingContract(row.get("operator"), row.get("site"), r, optional(row.get("uptime_sla_pct"), "uptime_sla_pct"),
            optional(row.get("minimum_take_kw"), "minimum_take_kw"));
        Integer first = lineOfSite.putIfAbsent(c.site(), row.line());
        if (first != null) {
          csv.error(row.line(), "a second contract for site '" + c.site() + "' (first on line " + first + ")");
          continue;
        }
        out.add(c);
      } catch (IllegalArgumentException e) {
        csv.error(row.line(), e.getMessage());
      }
    }
    return ImportResult.of(out, csv.errors());
  }

  private static BigDecimal decimal(String text, String column) {
    if (text == null || text.isEmpty()) throw new IllegalArgumentException(column + " is required");
    try {
      BigDecimal d = new BigDecimal(text);
      if (d.signum() < 0) throw new IllegalArgumentException("negative " + column + " " + text);
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number '" + text + "' in " + column);
    }
  }

  private static BigDecimal optional(String text, String column) {
    return text == null || text.isEmpty() ? null : decimal(text, column);
  }
}
