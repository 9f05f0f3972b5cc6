package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import java.util.List;

/**
 * Canaan's cgminer 4.11 on Avalon: standard MH/s summary, and per-board detail packed into the
 * bracketed "MM ID0" string of {@code stats}/{@code estats} ("GHSavg[130012.5] MTmax[74 73 75]").
 * {@code ascset} softoff/softon put the miner in standby and back (see {@link AvalonAscset}); the
 * status string follows: {@code SoftOFF[1]} and {@code SYSTEMSTATU[Work: In Idle, …]} in standby,
 * and {@code PS[]} with the hash boards' supply at 0 V and only the control board's draw.
 */
final class AvalonFirmware implements Firmware {
  static final AvalonFirmware INSTANCE = new AvalonFirmware();
  private static final String VERSION = "24102401_25462b2_9ddf522";
  private static final String DESCRIPTION = "cgminer 4.11.1";
  private static final long CHIP_SALT = 0x7000000000L;
  private static final long JITTER_SALT = 0x8000000000L;

  private AvalonFirmware() {}

  @Override
  public Reply act(String command, Request request, Telemetry t, Actions miner) {
    return command.equals("ascset") ? AvalonAscset.answer(request, t, miner, DESCRIPTION) : null;
  }

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
          .put("USB Delay", "r0 0.000000 w0 0.000000").put("USB tmo", "0 0"), poolStats(t)));
      default -> Cgminer.invalid(t, DESCRIPTION);
    };
  }

  /**
   * cgminer's per-pool stats object. Canaan's build prints the average wait of a pool that never
   * waited as a bare {@code nan} and the unset maximum difficulty as {@code inf}: not JSON, but
   * what every Avalon sends, so pollers must read past it.
   */
  private static Rec poolStats(Telemetry t) {
    return Rec.of().put("STATS", 1).put("ID", "POOL0").put("Elapsed", t.elapsed).put("Calls", 0).num("Wait", 0, 1).num("Max", 0, 1)
        .num("Min", 99999999, 1).put("Pool Calls", 0).put("Pool Attempts", 0).num("Pool Wait", 0, 1).num("Pool Max", 0, 1)
        .num("Pool Min", 99999999, 1).put("Pool Av", Rec.Bare.NAN).put("Work Had Roll Time", false).put("Work Can Roll", false)
        .put("Work Had Expire", false).put("Work Roll Time", 0).num("Work Diff", Telemetry.POOL_DIFF, 1)
        .num("Min Diff", Telemetry.POOL_DIFF, 1).put("Max Diff", Rec.Bare.INF).put("Min Diff Count", 1).put("Max Diff Count", 1)
        .put("Times Sent", t.accepted + t.rejected + 40).put("Bytes Sent", (t.accepted + t.rejected) * 157)
        .put("Times Recv", t.accepted * 5 / 4 + 60).put("Bytes Recv", t.accepted * 380);
  }

  /** The bracketed key[value] string Canaan packs a whole controller's telemetry into. */
  private String mmId(Telemetry t) {
    Ascii s = new Ascii(4096);
    s.append("Ver[").append(modelNumber(t.model)).append('-').append(VERSION).append("] DNA[").append(dna(t)).append("] SYSTEMSTATU[Work: ")
        .append(work(t)).append(", Hash Board: ").append(workingBoards(t)).append(" ] Elapsed[").append(t.elapsed)
        .append("] MW[").append(t.accepted * 40).append("] LW[").append(t.accepted * 40).append("] MH[");
    perBoard(s, t, b -> 0);
    s.append("] HW[").append(t.hwErrors).append("] DH[0.000%] Temp[").append(Math.round(25 + (t.maxPcbTemp() - 55) / 3))
        .append("] TMax[").append(Math.round(t.maxChipTemp() + 6)).append("] TAvg[").append(Math.round(t.avgChipTemp())).append(']');
    for (int f = 0; f < t.fanRpm.length; f++) s.append(" Fan").append(f + 1).append('[').append(t.fanRpm[f]).append(']');
    s.append(" FanR[").append(Math.min(100, t.fanRpm[t.fanRpm.length - 1] * 100 / 7000)).append("%] Vo[356] ");
    powerSupply(s, t);
    s.append(" GHSspd[").fixed(t.ghs5s, 2).append("] DHspd[0.000%] GHSmm[")
        .fixed(t.idealGhs, 2).append("] GHSavg[").fixed(t.avgGhs, 2).append("] WU[").fixed(t.workUtility(), 2)
        .append("] Freq[").append(t.freqMhz).append("] Led[0] MGHS[");
    for (int b = 0; b < t.boards; b++) {
      if (b > 0) s.append(' ');
      s.fixed(t.boardGhs5s[b], 2);
    }
    s.append("] MTmax[");
    perBoard(s, t, b -> t.chips[b] == 0 ? 0 : Math.round(t.chipTemp[b] + 6));
    s.append("] MTavg[");
    perBoard(s, t, b -> t.chips[b] == 0 ? 0 : Math.round(t.chipTemp[b]));
    s.append("] TA[");
    perBoard(s, t, b -> t.chips[b]);
    s.append("] Core[A3205] PING[78] POWS[0] HASHS[");
    perBoard(s, t, b -> 0);
    s.append("] POOLS[").append(t.poolsAlive ? 0 : 1).append("] SoftOFF[").append(t.asleep() ? 1 : 0).append("] ECHU[");
    perBoard(s, t, b -> 0);
    s.append("] ECMM[0]");
    for (int b = 0; b < t.boards; b++) chipTemps(s, t, b);
    return s.append(" WORKMODE[1]").toString();
  }

  /** What SYSTEMSTATU says the controller is doing: standby reads as idle, a boot as init. */
  private static String work(Telemetry t) {
    return switch (t.powerState) {
      case WINDING_DOWN, SLEEPING -> "In Idle";
      case BOOTING -> "In Init";
      case HASHING, RAMPING_UP -> "In Work";
    };
  }

  private static int workingBoards(Telemetry t) {
    int n = 0;
    for (int chips : t.chips) if (chips > 0) n++;
    return n;
  }

  /**
   * {@code PS[err Vctl Vhash Ihash Pout Vset Pin]}: volts ×100, amps and watts on the hash-board
   * side, then the set voltage and the input (wall) power, which pollers read. Pout is what reaches
   * the boards (about 94% of the input, less the control board); in standby the boards' supply is
   * off, so Vhash, Ihash and Pout read 0 and the input is the control board's draw.
   */
  private static void powerSupply(Ascii s, Telemetry t) {
    long out = Math.round(Math.max(0, t.powerW - PowerBook.STANDBY_WATTS) * 0.94);
    s.append("PS[0 1209 ").append(out == 0 ? 0 : 1303).append(' ').append(Math.round(out / 13.03)).append(' ').append(out)
        .append(" 1303 ").append(t.powerW).append(']');
  }

  /**
   * {@code PVT_Tn[ 76  66 …]}: board n's temperature sensor reading per chip, printed "%3d", one
   * non-zero figure per working chip (pollers count the chips from it). A dead board's chips read 0.
   */
  private static void chipTemps(Ascii s, Telemetry t, int b) {
    s.append(" PVT_T").append(b).append('[');
    int slots = Math.max(t.chips[b], t.model.chipsPerBoard());
    for (int c = 0; c < slots; c++) {
      if (c > 0) s.append(' ');
      // chips spread ±6 °C around the board average, fixed per chip with a little jitter per read
      long temp = c >= t.chips[b] ? 0
          : Math.max(1, Math.round(t.chipTemp[b] + 5.5 * Rng.signed(0, t.index, CHIP_SALT + b * 1024 + c)
              + 0.5 * Rng.signed(0, t.index, JITTER_SALT + (t.now / 5) * 4096 + b * 1024 + c)));
      s.padded(temp, 3);
    }
    s.append(']');
  }

  private static void perBoard(Ascii s, Telemetry t, java.util.function.IntToLongFunction value) {
    for (int b = 0; b < t.boards; b++) {
      if (b > 0) s.append(' ');
      s.append(value.applyAsLong(b));
    }
  }

  private static String modelNumber(AsicModel m) {
    StringBuilder digits = new StringBuilder(4);
    for (char c : m.id().toCharArray()) if (c >= '0' && c <= '9') digits.append(c);
    return digits.toString();
  }

  private static String dna(Telemetry t) {
    return "0201" + Ascii.hexLower(Rng.hash(0, t.index, 77), 12);
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
