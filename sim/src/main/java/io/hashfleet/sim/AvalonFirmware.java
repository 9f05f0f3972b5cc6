package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import java.util.List;

/**
 * Canaan's cgminer 4.11 on Avalon: standard MH/s summary, and per-board detail packed into the
 * bracketed "MM ID0" string of {@code stats}/{@code estats} ("GHSavg[130012.5] MTmax[74 73 75]").
 */
final class AvalonFirmware implements Firmware {
  static final AvalonFirmware INSTANCE = new AvalonFirmware();
  private static final String VERSION = "24102401_25462b2_9ddf522";
  private static final String DESCRIPTION = "cgminer 4.11.1";

  private AvalonFirmware() {}

  @Override
  public Reply answer(String command, Request request, Telemetry t) {
    return switch (command) {
      case "version" -> Cgminer.ok(t, 22, "CGMiner versions", DESCRIPTION, "VERSION", List.of(Rec.of().put("CGMiner", "4.11.1")
          .put("API", "3.7").put("PROD", modelName(t.model)).put("MODEL", modelNumber(t.model)).put("HWTYPE", "MM4v2_X3")
          .put("SWTYPE", "MM319").put("VERSION", VERSION).put("LOADER", "d0d779de.00").put("DNA", dna(t))
          .put("MAC", t.mac().replace(":", "").toLowerCase()).put("UPAPI", "2")));
      case "summary" -> Cgminer.ok(t, 11, "Summary", DESCRIPTION, "SUMMARY", List.of(Cgminer.summaryTail(Rec.of().put("Elapsed", t.elapsed)
          .num("MHS av", t.avgGhs * 1000, 2).num("MHS 30s", t.ghs5s * 1000, 2).num("MHS 1m", t.ghs1m * 1000, 2)
          .num("MHS 5m", t.ghs1m * 1000, 2).num("MHS 15m", t.ghs15m * 1000, 2), t)));
      case "pools" -> Cgminer.ok(t, 7, "3 Pool(s)", DESCRIPTION, "POOLS", Cgminer.pools(t, "Pool Stale%", true, true));
      case "stats", "estats" -> Cgminer.ok(t, 70, "CGMiner stats", DESCRIPTION, "STATS", List.of(Rec.of().put("STATS", 0).put("ID", "AVA100")
          .put("Elapsed", t.elapsed).put("Calls", 0).num("Wait", 0, 6).num("Max", 0, 6).num("Min", 99999999, 6)
          .put("MM ID0", mmId(t)).put("MM Count", 1).put("Smart Speed", 1).put("Connecter", "AUC").put("AUC VER", "AUC-20151208")
          .put("AUC I2C Speed", 400000).put("AUC I2C XDelay", 19200).put("AUC Sensor", 15154).put("AUC Temperature", 28.2)
          .put("Connection Overloaded", false).put("Voltage Offset", 0).put("Nonce Mask", 25).put("USB Pipe", "0")
          .put("USB Delay", "r0 0.000000 w0 0.000000").put("USB tmo", "0 0")));
      default -> Cgminer.invalid(t, DESCRIPTION);
    };
  }

  /** The bracketed key[value] string Canaan packs a whole controller's telemetry into. */
  private String mmId(Telemetry t) {
    StringBuilder mghs = new StringBuilder(), mtmax = new StringBuilder(), mtavg = new StringBuilder(), mh = new StringBuilder(), asics = new StringBuilder();
    for (int b = 0; b < t.boards; b++) {
      String sep = b == 0 ? "" : " ";
      mghs.append(sep).append(JsonOut.fixed(t.boardGhs5s[b], 2));
      mtmax.append(sep).append(t.chips[b] == 0 ? 0 : Math.round(t.chipTemp[b] + 6));
      mtavg.append(sep).append(t.chips[b] == 0 ? 0 : Math.round(t.chipTemp[b]));
      mh.append(sep).append(0);
      asics.append(sep).append(t.chips[b]);
    }
    StringBuilder s = new StringBuilder(512);
    s.append("Ver[").append(modelNumber(t.model)).append("-").append(VERSION).append("] DNA[").append(dna(t)).append("] Elapsed[").append(t.elapsed)
        .append("] MW[").append(t.accepted * 40).append("] LW[").append(t.accepted * 40).append("] MH[").append(mh).append("] HW[").append(t.hwErrors)
        .append("] DH[0.000%] Temp[").append(Math.round(25 + (t.maxPcbTemp() - 55) / 3)).append("] TMax[").append(Math.round(t.maxChipTemp() + 6))
        .append("] TAvg[").append(Math.round(t.avgChipTemp())).append("]");
    for (int f = 0; f < t.fanRpm.length; f++) s.append(" Fan").append(f + 1).append("[").append(t.fanRpm[f]).append("]");
    s.append(" FanR[").append(Math.min(100, t.fanRpm[t.fanRpm.length - 1] * 100 / 7000)).append("%] Vo[356] PS[0 1209 1303 240 ").append(t.powerW)
        .append(" 1303 ").append(t.powerW + 15).append("] GHSspd[").append(JsonOut.fixed(t.ghs5s, 2)).append("] DHspd[0.000%] GHSmm[")
        .append(JsonOut.fixed(t.idealGhs, 2)).append("] GHSavg[").append(JsonOut.fixed(t.avgGhs, 2)).append("] WU[")
        .append(JsonOut.fixed(t.workUtility(), 2)).append("] Freq[").append(t.freqMhz).append("] Led[0] MGHS[").append(mghs).append("] MTmax[")
        .append(mtmax).append("] MTavg[").append(mtavg).append("] TA[").append(asics).append("] Core[A3205] PING[78] POWS[0] HASHS[")
        .append(mh).append("] POOLS[").append(t.poolsAlive ? 0 : 1).append("] SoftOFF[0] ECHU[").append(mh).append("] ECMM[0] WORKMODE[1]");
    return s.toString();
  }

  private static String modelNumber(AsicModel m) {
    return m.id().replaceAll("[^0-9]", "");
  }

  private static String dna(Telemetry t) {
    return String.format("0201%012x", Rng.hash(0, t.index, 77) & 0xFFFFFFFFFFFFL);
  }

  @Override
  public boolean nulTerminated() {
    return true;
  }

  @Override
  public String modelName(AsicModel model) {
    return "AvalonMiner " + modelNumber(model);
  }

  @Override
  public String version(AsicModel model) {
    return VERSION;
  }
}
