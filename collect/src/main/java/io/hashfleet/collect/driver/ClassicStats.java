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
  // the numbered key names, built once rather than concatenated for every chain of every poll
  private static final String[] ACN = numbered("chain_acn", MAX_CHAINS);
  private static final String[] RATE = numbered("chain_rate", MAX_CHAINS);
  private static final String[] HW = numbered("chain_hw", MAX_CHAINS);
  private static final String[] TEMP_PCB = numbered("temp_pcb", MAX_CHAINS);
  private static final String[] TEMP_CHIP = numbered("temp_chip", MAX_CHAINS);
  private static final String[] TEMP2 = numbered("temp2_", MAX_CHAINS);
  private static final String[] TEMP = numbered("temp", MAX_CHAINS);
  private static final String[] FAN = numbered("fan", MAX_FANS);

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
      if (!stats.has(ACN[n]) && !stats.has(RATE[n])) continue;
      double pcb;
      double chip;
      if (stats.has(TEMP_PCB[n]) || stats.has(TEMP_CHIP[n])) {
        pcb = maxOf(text(stats, TEMP_PCB[n]), '-');
        chip = maxOf(text(stats, TEMP_CHIP[n]), '-');
      } else {
        pcb = num(stats, TEMP2[n]);
        chip = num(stats, TEMP[n]);
      }
      boards.add(new HashboardReading(n, Hashrate.ofGhs(num(stats, RATE[n]) * scale), (int) Math.min(count(stats, ACN[n]), Integer.MAX_VALUE),
          temp(pcb), temp(chip), count(stats, HW[n])));
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
      if (!stats.has(FAN[i])) continue;
      fans.add((int) Math.min(count(stats, FAN[i]), Integer.MAX_VALUE));
    }
    return fans;
  }

  /** {@code prefix + n} at index n, for n from 1 to max (index 0 unused, as the firmware counts from 1). */
  private static String[] numbered(String prefix, int max) {
    String[] keys = new String[max + 1];
    for (int n = 1; n <= max; n++) keys[n] = prefix + n;
    return keys;
  }
}
