package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import java.util.List;

/**
 * Bitmain stock firmware (bmminer/cgminer). Quirks kept on purpose: "GHS 5s" and "chain_rateN" are
 * strings, an empty fourth slot prints "chain_rate4":"" and "0-0-0-0" temperatures, pools carry
 * "Pool Stale%%". S21-family units also answer {"command":"stats","new_api":true} in the newer shape.
 */
final class BitmainFirmware implements Firmware {
  static final BitmainFirmware INSTANCE = new BitmainFirmware();
  private static final String DESCRIPTION = "cgminer 1.0.0";
  private static final String COMPILE_TIME = "Thu Nov 16 10:06:49 CST 2023";
  private static final int SLOTS = 4;

  private BitmainFirmware() {}

  @Override
  public Reply answer(String command, Request request, Telemetry t) {
    return switch (command) {
      case "version" -> Cgminer.ok(t, 22, "CGMiner versions", DESCRIPTION, "VERSION", List.of(Rec.of().put("BMMiner", "1.0.0")
          .put("API", "3.1").put("Miner", version(t.model)).put("CompileTime", COMPILE_TIME).put("Type", modelName(t.model))));
      case "summary" -> Cgminer.ok(t, 11, "Summary", DESCRIPTION, "SUMMARY", List.of(summary(t)));
      case "pools" -> Cgminer.ok(t, 7, "3 Pool(s)", DESCRIPTION, "POOLS", Cgminer.pools(t, "Pool Stale%%", true, true));
      case "stats" -> request.newApi() && isS21(t.model) ? NewApiStats.of(t, version(t.model), COMPILE_TIME, modelName(t.model))
          : classicStats(t);
      default -> Cgminer.invalid(t, DESCRIPTION);
    };
  }

  /**
   * bmminer on the S19 family prints its STATS objects back to back as {@code }{}, with no comma,
   * in every stats reply (alone or joined); pollers have to mend it, so the sim sends it as well.
   */
  private Reply classicStats(Telemetry t) {
    Reply.Envelope e = Cgminer.ok(t, 70, "CGMiner stats", DESCRIPTION, "STATS", List.of(head(t), stats(t)));
    return t.model.id().startsWith("s19") ? e.withRowsRunTogether() : e;
  }

  private static boolean isS21(AsicModel m) {
    return m.id().startsWith("s21");
  }

  private Rec summary(Telemetry t) {
    Rec r = Rec.of().put("Elapsed", t.elapsed).numText("GHS 5s", t.ghs5s, 2).num("GHS av", t.avgGhs, 2).num("GHS 30m", t.ghs30m, 2);
    return Cgminer.summaryTail(r, t);
  }

  private Rec head(Telemetry t) {
    return Rec.of().put("BMMiner", "1.0.0").put("Miner", version(t.model)).put("CompileTime", COMPILE_TIME).put("Type", modelName(t.model));
  }

  private Rec stats(Telemetry t) {
    Rec r = Rec.of(128).put("STATS", 0).put("ID", "BTM_SOC0").put("Elapsed", t.elapsed).put("Calls", 0).put("Wait", 0).put("Max", 0)
        .put("Min", 99999999).num("GHS 5s", t.ghs5s, 2).num("GHS av", t.avgGhs, 2).num("rate_30m", t.ghs30m, 2).put("Mode", 2)
        .put("miner_count", t.boards).put("frequency", t.freqMhz).put("fan_num", t.fanRpm.length);
    for (int f = 0; f < t.fanRpm.length; f++) r.put("fan" + (f + 1), t.fanRpm[f]);
    r.put("temp_num", t.boards);
    for (int b = 0; b < t.boards; b++) {
      r.put("temp" + (b + 1), Math.round(t.pcbTemp[b] + 6)).put("temp2_" + (b + 1), Math.round(t.chipTemp[b] + 6));
    }
    for (String kind : new String[] {"pcb", "chip", "pic"}) {
      for (int s = 0; s < SLOTS; s++) {
        String v = s >= t.boards ? "0-0-0-0" : switch (kind) {
          case "pcb" -> Firmware.dashTemps(t.pcbTemp[s], 7);
          case "chip" -> Firmware.dashTemps(t.chipTemp[s], 6);
          default -> Firmware.dashTemps(t.pcbTemp[s] - 10, 7);
        };
        r.put("temp_" + kind + (s + 1), v);
      }
    }
    int totalChips = 0;
    for (int c : t.chips) totalChips += c;
    r.num("total_rateideal", t.idealGhs, 2).put("rate_unit", "GH").put("total_freqavg", t.freqMhz).put("total_acn", totalChips)
        .num("total rate", t.avgGhs, 2).put("temp_max", 0).put("no_matching_work", t.hwErrors);
    for (int s = 0; s < SLOTS; s++) r.put("chain_acn" + (s + 1), s < t.boards ? t.chips[s] : 0);
    for (int s = 0; s < SLOTS; s++) r.put("chain_acs" + (s + 1), s < t.boards ? Cgminer.chipStatus(t.chips[s]) : "");
    for (int s = 0; s < SLOTS; s++) r.put("chain_hw" + (s + 1), s < t.boards && t.chips[s] > 0 ? t.hwErrors / t.boards : 0);
    for (int s = 0; s < SLOTS; s++) r.put("chain_rate" + (s + 1), s < t.boards ? new Rec.NumText(t.boardGhs5s[s], 2) : "");
    for (int s = 0; s < SLOTS; s++) r.put("freq" + (s + 1), s < t.boards && t.chips[s] > 0 ? t.freqMhz : 0);
    return r.put("miner_version", version(t.model)).put("miner_id", Ascii.hexLower(Rng.hash(0, t.index, 99), 16));
  }

  @Override
  public String version(AsicModel model) {
    return model.id().startsWith("s21") ? "uart_trans.1.3" : "49.0.1.3";
  }
}
