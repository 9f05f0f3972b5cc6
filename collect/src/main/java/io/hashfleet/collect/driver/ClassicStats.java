package io.hashfleet.collect.driver;

import static io.hashfleet.collect.json.Values.count;
import static io.hashfleet.collect.json.Values.maxOf;
import static io.hashfleet.collect.json.Values.num;
import static io.hashfleet.collect.json.Values.temp;
import static io.hashfleet.collect.json.Values.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HashboardReading;
import java.util.ArrayList;
import java.util.List;

/**
 * The flat bmminer {@code stats} object that Bitmain stock and LuxOS share: {@code chain_rateN}
 * (GH/s, often a string, {@code ""} for an empty slot), {@code chain_acnN} chips, {@code chain_hwN},
 * temperatures as dash strings ({@code temp_pcbN}, {@code temp_chipN}) or, on LuxOS, as
 * {@code temp2_N} (board) and {@code tempN} (chip), and {@code fan1..fanN}.
 */
final class ClassicStats {
  private static final int MAX_CHAINS = 16;
  private static final int MAX_FANS = 8;

  private ClassicStats() {}

  /** The object in a STATS array that carries the chain fields (the first one is a header). */
  static JsonNode dataObject(JsonNode statsArray) {
    if (statsArray == null || !statsArray.isArray()) return null;
    JsonNode fallback = null;
    for (JsonNode o : statsArray) {
      if (!o.isObject()) continue;
      if (o.has("chain_acn1") || o.has("chain_rate1") || o.has("fan_num") || o.has("GHS 5s")) return o;
      if (o.has("ID") || o.has("STATS")) fallback = o;
    }
    return fallback;
  }

  /** Multiplier from the object's {@code rate_unit} to GH/s. */
  static double toGhs(JsonNode stats) {
    String unit = text(stats, "rate_unit");
    if (unit == null) return 1;
    String u = unit.trim().toUpperCase(java.util.Locale.ROOT);
    if (u.startsWith("TH")) return 1e3;
    if (u.startsWith("MH")) return 1e-3;
    if (u.startsWith("PH")) return 1e6;
    return 1;
  }

  static List<HashboardReading> boards(JsonNode stats) {
    List<HashboardReading> boards = new ArrayList<>();
    if (stats == null) return boards;
    double scale = toGhs(stats);
    for (int n = 1; n <= MAX_CHAINS; n++) {
      String acn = "chain_acn" + n;
      String rate = "chain_rate" + n;
      if (!stats.has(acn) && !stats.has(rate)) continue;
      double pcb = maxOf(text(stats, "temp_pcb" + n), '-');
      double chip = maxOf(text(stats, "temp_chip" + n), '-');
      if (!stats.has("temp_pcb" + n) && !stats.has("temp_chip" + n)) {
        pcb = num(stats, "temp2_" + n);
        chip = num(stats, "temp" + n);
      }
      boards.add(new HashboardReading(n, Hashrate.ofGhs(num(stats, rate) * scale), (int) Math.min(count(stats, acn), Integer.MAX_VALUE),
          temp(pcb), temp(chip), count(stats, "chain_hw" + n)));
    }
    return boards;
  }

  /** fan1..fanN, N from {@code fan_num} when given (a stopped fan reads 0 and still counts). */
  static List<Integer> fans(JsonNode stats) {
    List<Integer> fans = new ArrayList<>();
    if (stats == null) return fans;
    double declared = num(stats, "fan_num");
    int n = Double.isFinite(declared) && declared > 0 ? (int) Math.min(declared, MAX_FANS) : MAX_FANS;
    for (int i = 1; i <= n; i++) {
      if (!stats.has("fan" + i)) continue;
      fans.add((int) Math.min(count(stats, "fan" + i), Integer.MAX_VALUE));
    }
    return fans;
  }
}
