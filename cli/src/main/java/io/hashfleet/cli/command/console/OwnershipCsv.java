package io.hashfleet.cli.command.console;

import io.hashfleet.console.access.Tenant;
import io.hashfleet.console.access.TenantKind;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads which owner each miner belongs to from a CSV of {@code address,tenant} lines (header
 * optional). Every bad line is reported with its number, and if any line is bad nothing is
 * returned, so a hosting contract's list is applied whole or not at all.
 */
final class OwnershipCsv {
  private OwnershipCsv() {}

  /** The miners of each owner tenant, in file order. */
  static Map<String, List<MinerAddress>> read(Path file, Set<MinerAddress> registered, List<Tenant> tenants) throws IOException {
    Map<String, TenantKind> kinds = new HashMap<>();
    for (Tenant t : tenants) kinds.put(t.id(), t.kind());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, List<MinerAddress>> byTenant = new LinkedHashMap<>();
    Map<MinerAddress, Integer> seenAt = new HashMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int lineNo = i + 1;
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (lineNo == 1 && line.toLowerCase().startsWith("address")) continue;
      try {
        String[] f = line.split(",", -1);
        if (f.length != 2) throw new IllegalArgumentException("expected 2 columns address,tenant; got " + f.length);
        MinerAddress address = address(f[0]);
        String tenant = f[1].strip();
        if (!registered.contains(address)) throw new IllegalArgumentException("unknown miner address " + address + " (not registered)");
        TenantKind kind = kinds.get(tenant);
        if (kind == null) throw new IllegalArgumentException("unknown tenant '" + tenant + "'");
        if (kind != TenantKind.OWNER) throw new IllegalArgumentException("tenant " + tenant + " is the operator: only owners own miners");
        Integer earlier = seenAt.putIfAbsent(address, lineNo);
        if (earlier != null) throw new IllegalArgumentException(address + " already listed on line " + earlier);
        byTenant.computeIfAbsent(tenant, k -> new ArrayList<>()).add(address);
      } catch (IllegalArgumentException e) {
        errors.add(file + ":" + lineNo + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.size() + " bad line(s), nothing assigned:\n" + String.join("\n", errors));
    }
    return byTenant;
  }

  private static MinerAddress address(String text) {
    try {
      return MinerAddress.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed address '" + text.strip() + "' (expected host or host:port)");
    }
  }
}
