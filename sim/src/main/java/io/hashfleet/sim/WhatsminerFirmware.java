package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MicroBT btminer (API 2.x). Report commands use the cgminer envelope with MH/s numbers and
 * power in {@code summary}; btminer's own commands ({@code get_version}, {@code get_miner_info},
 * {@code status}, {@code get_psu}) answer with a flat status object, Code 131 and a Msg object.
 * Writes ({@code power_off}, {@code power_on}) need a token and encryption: see {@link BtminerWrites}.
 */
final class WhatsminerFirmware implements Firmware {
  static final WhatsminerFirmware INSTANCE = new WhatsminerFirmware();
  private static final String FW = "20230911.22.REL";
  private static final String DESCRIPTION = "btminer";

  private WhatsminerFirmware() {}

  @Override
  public Reply act(String command, Request request, Telemetry t, Actions miner) {
    if (request.encrypted() != null) return BtminerWrites.encrypted(request.encrypted(), t, miner);
    return command.equals("get_token") ? BtminerWrites.token(t, miner) : null;
  }

  @Override
  public Reply answer(String command, Request request, Telemetry t) {
    return switch (command) {
      case "summary" -> Cgminer.ok(t, 11, "Summary", DESCRIPTION, "SUMMARY", List.of(summary(t)));
      case "pools" -> Cgminer.ok(t, 7, "3 Pool(s)", DESCRIPTION, "POOLS", Cgminer.pools(t, "Pool Stale%", false, false));
      case "devs" -> Cgminer.ok(t, 9, t.boards + " ASC(s)", DESCRIPTION, "DEVS", devs(t));
      case "edevs" -> Cgminer.ok(t, 9, t.boards + " ASC(s)", DESCRIPTION, "DEVS", devs(t));
      case "devdetails" -> Cgminer.ok(t, 69, "Device Details", DESCRIPTION, "DEVDETAILS", devdetails(t));
      case "get_version" -> own(t, Rec.of().put("api_ver", "2.0.5").put("fw_ver", FW).put("platform", "H6OS").put("chip", "K60"));
      case "status" -> own(t, Rec.of().put("btmineroff", String.valueOf(t.asleep())).put("Firmware Version", "'" + FW + "'"));
      case "get_miner_info" -> own(t, Rec.of().put("ip", t.ip).put("proto", "dhcp").put("netmask", "255.255.255.0")
          .put("gateway", gateway(t.ip)).put("dns", "1.1.1.1").put("hostname", "WhatsMiner").put("mac", t.mac())
          .put("ledstat", "auto").put("minersn", serial(t, "HE")).put("powersn", serial(t, "P221B")));
      case "get_psu" -> own(t, Rec.of().put("name", "P221B").put("hw_version", "V01.00").put("sw_version", "V01.00.V01.03")
          .put("model", "P221B").put("iin", String.valueOf(t.powerW * 1000 / 230)).put("vin", "23000")
          .put("fan_speed", String.valueOf(t.fanRpm[0])).put("version", "00").put("serial_no", serial(t, "P2")).put("vendor", "2").put("temp0", "44.5"));
      // btminer has no cgminer "version": it refuses it, naming itself in the Description
      case "version" -> invalid(t, "whatsminer v1.1");
      default -> invalid(t, "");
    };
  }

  private static Reply invalid(Telemetry t, String description) {
    return new Reply.Document(Rec.of().put("STATUS", "E").put("When", t.now).put("Code", 14).put("Msg", "invalid cmd").put("Description", description));
  }

  private static Reply own(Telemetry t, Rec msg) {
    return new Reply.Document(Rec.of().put("STATUS", "S").put("When", t.now).put("Code", 131).put("Msg", msg).put("Description", ""));
  }

  private Rec summary(Telemetry t) {
    int in = t.fanRpm[0], out = t.fanRpm.length > 1 ? t.fanRpm[1] : t.fanRpm[0];
    double mhs = 1000;
    Rec r = Rec.of().put("Elapsed", t.elapsed).num("MHS av", t.avgGhs * mhs, 2).num("MHS 5s", t.ghs5s * mhs, 2).num("MHS 1m", t.ghs1m * mhs, 2)
        .num("MHS 5m", t.ghs1m * mhs, 2).num("MHS 15m", t.ghs15m * mhs, 2).num("HS RT", t.ghs1m * mhs, 2);
    Cgminer.summaryCounters(r, t).num("Temperature", t.maxPcbTemp(), 2).put("freq_avg", t.freqMhz).put("Fan Speed In", in)
        .put("Fan Speed Out", out).put("Voltage", 1300).put("Power", t.powerW).put("Power_RT", t.powerW);
    Cgminer.summaryPercents(r, t).put("Uptime", t.elapsed + 120).put("Chip Data", "K60_2 BIN1").put("Power Current", t.powerW * 3 / 40)
        .put("Power Fanspeed", 8880).put("Error Code Count", 0).put("Factory Error Code Count", 0).put("Security Mode", 0)
        .put("Liquid Cooling", false).put("Hash Stable", true).put("Hash Stable Cost Seconds", 1498)
        .num("Hash Deviation%", t.avgGhs == 0 ? 0 : 100 * (t.ghs5s - t.avgGhs) / t.avgGhs, 4).put("Target Freq", t.freqMhz)
        .put("Target MHS", Math.round(t.idealGhs * mhs)).num("Env Temp", 25 + (t.maxPcbTemp() - 55) / 3, 1).put("Power Mode", "Normal")
        .put("Firmware Version", "'" + FW + "'").put("CB Platform", "ALLWINNER_H6").put("CB Version", "V10").put("MAC", t.mac())
        .put("Factory GHS", Math.round(t.idealGhs)).put("Power Limit", t.model.watts() + 300).num("Chip Temp Min", minChip(t), 1)
        .num("Chip Temp Max", t.maxChipTemp() + 6, 1).num("Chip Temp Avg", t.avgChipTemp(), 2);
    return r;
  }

  private static double minChip(Telemetry t) {
    double m = Double.MAX_VALUE;
    for (double c : t.chipTemp) m = Math.min(m, c - 6);
    return m;
  }

  private List<Rec> devs(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) {
      boolean dead = t.chips[b] == 0;
      double mhs = t.boardGhsAvg[b] * 1000;
      rows.add(Rec.of().put("ASC", b).put("Slot", b).put("Enabled", "Y").put("Status", "Alive").num("Temperature", t.pcbTemp[b], 2)
          .put("Chip Frequency", dead ? 0 : t.freqMhz).put("Fan Speed In", t.fanRpm[0]).put("Fan Speed Out", t.fanRpm[t.fanRpm.length - 1])
          .num("MHS av", mhs, 2).num("MHS 5s", t.boardGhs5s[b] * 1000, 2).num("MHS 1m", mhs, 2).num("MHS 5m", mhs, 2).num("MHS 15m", mhs, 2)
          .num("HS RT", mhs, 2).put("Factory GHS", dead ? 0 : Math.round(t.idealGhs / t.boards)).put("Upfreq Complete", 1)
          .put("Effective Chips", t.chips[b]).put("PCB SN", serial(t, "HEM" + b)).put("Chip Temp Min", new Rec.Num(dead ? 0 : t.chipTemp[b] - 6, 2))
          .num("Chip Temp Max", dead ? 0 : t.chipTemp[b] + 6, 2).num("Chip Temp Avg", dead ? 0 : t.chipTemp[b], 2).put("chip_vol_diff", 7));
    }
    return rows;
  }

  private List<Rec> devdetails(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) {
      rows.add(Rec.of().put("DEVDETAILS", b).put("Name", "SM").put("ID", b).put("Driver", "bitmicro").put("Kernel", "").put("Model", modelName(t.model)));
    }
    return rows;
  }

  private static String serial(Telemetry t, String prefix) {
    return prefix + Ascii.hexUpper(Rng.hash(0, t.index, prefix.hashCode()), 12);
  }

  private static String gateway(String ip) {
    return ip.substring(0, ip.lastIndexOf('.')) + ".1";
  }

  @Override
  public boolean nulTerminated() {
    return false;
  }

  @Override
  public String modelName(AsicModel model) {
    String base = model.aliases().isEmpty() ? model.id() : model.aliases().get(0);
    return base.toUpperCase(Locale.ROOT).replace(" ", "") + ".VH20";
  }

  @Override
  public String version(AsicModel model) {
    return FW;
  }
}
