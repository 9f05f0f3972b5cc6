package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Braiins OS (BOSminer): a cgminer-compatible API written anew, so keys come out sorted, rates are
 * MH/s numbers, model names carry "Bitmain ", and power is reported by {@code tunerstatus}. The
 * legacy API's {@code pause} and {@code resume} sleep and wake the miner.
 */
final class BraiinsFirmware implements Firmware {
  static final BraiinsFirmware INSTANCE = new BraiinsFirmware();
  private static final String VERSION = "bosminer-plus-tuner 24.03.1-c1e3a5e9";
  private static final String DESCRIPTION = "BOSminer " + VERSION;

  private BraiinsFirmware() {}

  @Override
  public Reply act(String command, Request request, Telemetry t, Actions miner) {
    return switch (command) {
      case "pause" -> {
        miner.sleep();
        yield Cgminer.ok(t, 100, "Pause", DESCRIPTION, "PAUSE", List.of(Rec.of().put("Paused", true)));
      }
      case "resume" -> {
        miner.wake();
        yield Cgminer.ok(t, 101, "Resume", DESCRIPTION, "RESUME", List.of(Rec.of().put("Paused", false)));
      }
      default -> null;
    };
  }

  @Override
  public Reply answer(String command, Request request, Telemetry t) {
    return switch (command) {
      case "version" -> Cgminer.ok(t, 22, "BOSminer versions", DESCRIPTION, "VERSION", List.of(Rec.of().put("API", "3.7").put("BOSminer", VERSION)));
      case "summary" -> Cgminer.ok(t, 11, "Summary", DESCRIPTION, "SUMMARY", List.of(summary(t)));
      case "pools" -> Cgminer.ok(t, 7, "3 Pool(s)", DESCRIPTION, "POOLS", Cgminer.pools(t, "Pool Stale%%", false, false));
      case "devs" -> Cgminer.ok(t, 9, t.boards + " ASC(s)", DESCRIPTION, "DEVS", devs(t));
      case "devdetails" -> Cgminer.ok(t, 69, "Device Details", DESCRIPTION, "DEVDETAILS", devdetails(t));
      case "temps" -> Cgminer.ok(t, 201, t.boards + " Temp(s)", DESCRIPTION, "TEMPS", temps(t));
      case "fans" -> Cgminer.ok(t, 202, t.fanRpm.length + " Fan(s)", DESCRIPTION, "FANS", fans(t));
      case "tunerstatus" -> Cgminer.ok(t, 203, "Tuner Status", DESCRIPTION, "TUNERSTATUS", List.of(tuner(t)));
      case "stats" -> Cgminer.ok(t, 70, "CGMiner stats", DESCRIPTION, "STATS", List.of(Rec.of().put("Calls", 0).put("Elapsed", t.elapsed)
          .put("ID", "pool0").num("Max", 0, 1).num("Min", 99999999, 1).put("STATS", 0).num("Wait", 0, 1)));
      default -> Cgminer.invalid(t, DESCRIPTION);
    };
  }

  private Rec summary(Telemetry t) {
    double mhs = 1000;
    return Cgminer.summaryTail(Rec.of().put("Elapsed", t.elapsed).num("MHS av", t.avgGhs * mhs, 2).num("MHS 5s", t.ghs5s * mhs, 2)
        .num("MHS 1m", t.ghs1m * mhs, 2).num("MHS 5m", t.ghs1m * mhs, 2).num("MHS 15m", t.ghs15m * mhs, 2), t);
  }

  private List<Rec> devs(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) {
      boolean dead = t.chips[b] == 0;
      rows.add(Rec.of().put("ASC", b).put("Accepted", t.accepted / t.boards).put("Device Elapsed", t.elapsed).num("Device Hardware%", 0, 1)
          .num("Device Rejected%", 0, 1).put("Enabled", "Y").put("Hardware Errors", dead ? 0 : t.hwErrors / t.boards).put("ID", b + 1)
          .put("Last Share Time", t.now - 3).num("MHS 15m", t.boardGhsAvg[b] * 1000, 4).num("MHS 1m", t.boardGhsAvg[b] * 1000, 4)
          .num("MHS 5m", t.boardGhsAvg[b] * 1000, 4).num("MHS 5s", t.boardGhs5s[b] * 1000, 4).num("MHS av", t.boardGhsAvg[b] * 1000, 4)
          .put("Name", "").num("Nominal MHS", dead ? 0 : t.idealGhs * 1000 / t.boards, 1).put("Rejected", 0)
          .put("Status", dead ? "Dead" : "Alive").num("Temperature", t.pcbTemp[b], 1).num("Total MH", t.boardGhsAvg[b] * 1000 * t.elapsed, 1));
    }
    return rows;
  }

  private List<Rec> devdetails(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) {
      boolean dead = t.chips[b] == 0;
      rows.add(Rec.of().put("DEVDETAILS", b).put("Name", "").put("ID", b + 1).put("Driver", "").put("Kernel", "")
          .put("Model", modelName(t.model)).put("Device Path", "").put("Chips", t.chips[b]).num("Frequency", dead ? 0 : t.freqMhz + b, 1)
          .num("Voltage", dead ? 0 : 13.6, 1));
    }
    return rows;
  }

  private List<Rec> temps(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) rows.add(Rec.of().num("Board", t.pcbTemp[b], 1).num("Chip", t.chipTemp[b] + 6, 1).put("ID", b + 1).put("TEMP", b));
    return rows;
  }

  private List<Rec> fans(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int f = 0; f < t.fanRpm.length; f++) rows.add(Rec.of().put("FAN", f).put("ID", f).put("RPM", t.fanRpm[f]).put("Speed", t.fanRpm[f] * 100 / 7000));
    return rows;
  }

  private Rec tuner(Telemetry t) {
    int limit = t.powerLimitW;
    List<Object> chains = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) {
      chains.add(Rec.of().put("ApproximatePowerConsumptionWatt", (t.powerW - 120) / t.boards).put("HashchainIndex", b + 1).put("Iteration", 0)
          .put("LoadedProfile", true).put("PowerLimitWatt", limit / t.boards).put("StageElapsed", t.elapsed).put("Status", "Stable"));
    }
    return Rec.of().put("ApproximateChainPowerConsumption", Math.max(0, t.powerW - 120)).put("ApproximateMinerPowerConsumption", t.powerW)
        .put("DynamicPowerScaling", "Disabled").put("PowerLimit", limit).put("TunerChainStatus", chains).put("TunerMode", "PowerTarget");
  }

  @Override
  public String modelName(AsicModel model) {
    return "Bitmain " + model.name().replaceFirst("^Antminer ", "");
  }

  @Override
  public String version(AsicModel model) {
    return VERSION;
  }
}
