package io.hashfleet.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The stats shape newer Bitmain firmware (S21 family) returns for {"command":"stats","new_api":true}:
 * STATUS is an object, not an array; per-board figures live in STATS[0].chain[] with arrays of temps.
 */
final class NewApiStats {
  private NewApiStats() {}

  static Reply.Document of(Telemetry t, String minerVersion, String compileTime, String type) {
    Rec status = Rec.of().put("STATUS", "S").put("when", t.now).put("Msg", "stats").put("api_version", "1.0.0");
    Rec info = Rec.of().put("miner_version", minerVersion).put("CompileTime", compileTime).put("type", type);
    List<Object> fans = new ArrayList<>();
    for (int f : t.fanRpm) fans.add(f);
    List<Object> chains = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) {
      boolean dead = t.chips[b] == 0;
      chains.add(Rec.of().put("index", b).put("freq_avg", dead ? 0 : t.freqMhz).num("rate_ideal", dead ? 0 : t.idealGhs / t.boards, 2)
          .num("rate_real", t.boardGhs5s[b], 2).put("asic_num", t.chips[b]).put("asic", Cgminer.chipStatus(t.chips[b]))
          .put("temp_pic", four(t.pcbTemp[b] - 10, 7, dead)).put("temp_pcb", four(t.pcbTemp[b], 7, dead))
          .put("temp_chip", four(t.chipTemp[b], 6, dead)).put("hw", dead ? 0 : t.hwErrors / t.boards).put("eeprom_loaded", true)
          .put("sn", "HKYRJ" + Ascii.zeroPadded((long) t.index * 3 + b, 10)).num("hwp", 0.0001, 4));
    }
    Rec stats = Rec.of().put("elapsed", t.elapsed).num("rate_5s", t.ghs5s, 2).num("rate_30m", t.ghs30m, 2).num("rate_avg", t.avgGhs, 2)
        .num("rate_ideal", t.idealGhs, 2).put("rate_unit", "GH/s").put("chain_num", t.boards).put("fan_num", t.fanRpm.length)
        .put("fan", fans).num("hwp_total", 0.0001, 4).put("miner-mode", t.asleep() ? 1 : 0).put("freq-level", 100).put("chain", chains);
    return new Reply.Document(Rec.of().put("STATUS", status).put("INFO", info).put("STATS", List.of(stats)));
  }

  private static List<Object> four(double centre, double spread, boolean dead) {
    if (dead) return List.of(0, 0, 0, 0);
    return List.of(Math.round(centre - spread), Math.round(centre - spread + 2), Math.round(centre + spread - 1), Math.round(centre + spread));
  }
}
