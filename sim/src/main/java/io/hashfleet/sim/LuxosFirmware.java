package io.hashfleet.sim;

import io.hashfleet.domain.AsicModel;
import java.util.ArrayList;
import java.util.List;

/**
 * LuxOS (LUXminer): cgminer-style JSON with Bitmain-like GH/s summary and stats (as numbers, not
 * strings), plus its own {@code fans}, {@code temps} and {@code power} commands, and sessions for
 * privileged ones: {@code logon} opens the only session a miner allows, {@code session} tells its
 * id, {@code logoff} ends it, and {@code curtail <sid>,sleep|wakeup} sleeps or wakes the miner.
 */
final class LuxosFirmware implements Firmware {
  static final LuxosFirmware INSTANCE = new LuxosFirmware();
  private static final String VERSION = "2024.5.1.155309-f0d9ca9e";
  private static final String DESCRIPTION = "LUXminer " + VERSION;
  private static final String COMPILE_TIME = "Wed May  1 15:53:09 UTC 2024";

  private LuxosFirmware() {}

  @Override
  public Reply act(String command, Request request, Telemetry t, Actions miner) {
    Logins logins = miner.logins();
    return switch (command) {
      case "logon" -> {
        String id = logins.luxLogon(t.index);
        yield id == null ? error(t, 45, "Another session is active")
            : Cgminer.ok(t, 330, "Logon", DESCRIPTION, "SESSION", List.of(Rec.of().put("SessionID", id)));
      }
      case "session" -> Cgminer.ok(t, 331, "Session", DESCRIPTION, "SESSION", List.of(Rec.of().put("SessionID", logins.luxSession(t.index))));
      case "logoff" -> logins.luxLogoff(t.index, arg(request, 0)) ? Cgminer.ok(t, 332, "Logoff", DESCRIPTION, null, List.of())
          : error(t, 45, "Invalid session id");
      case "curtail" -> curtail(request, t, miner);
      default -> null;
    };
  }

  /** The sleep outlives a reboot on real units; here it lasts until the next wakeup. */
  private Reply curtail(Request request, Telemetry t, Actions miner) {
    if (!miner.logins().luxValid(t.index, arg(request, 0))) return error(t, 45, "Invalid session id");
    String mode = arg(request, 1);
    if ("sleep".equals(mode)) miner.sleep();
    else if ("wakeup".equals(mode)) miner.wake();
    else return error(t, 14, "Invalid curtail mode '" + mode + "', expected sleep or wakeup");
    return Cgminer.ok(t, 335, "Curtail " + mode, DESCRIPTION, null, List.of());
  }

  /** The n-th comma-separated field of the parameter ("<sid>,sleep"), or null. */
  private static String arg(Request request, int n) {
    if (request.parameter() == null) return null;
    String[] parts = request.parameter().split(",", -1);
    return n < parts.length ? parts[n].trim() : null;
  }

  private static Reply error(Telemetry t, int code, String msg) {
    return new Reply.Envelope(Cgminer.status("E", t.now, code, msg, DESCRIPTION), null, List.of());
  }

  @Override
  public Reply answer(String command, Request request, Telemetry t) {
    return switch (command) {
      case "version" -> Cgminer.ok(t, 22, "LUXminer versions", DESCRIPTION, "VERSION", List.of(Rec.of().put("API", "3.7")
          .put("CompileTime", COMPILE_TIME).put("LUXminer", VERSION).put("Miner", VERSION).put("Type", modelName(t.model))));
      case "summary" -> Cgminer.ok(t, 11, "Summary", DESCRIPTION, "SUMMARY", List.of(Cgminer.summaryTail(Rec.of().put("Elapsed", t.elapsed)
          .numText("GHS 5s", t.ghs5s, 2).num("GHS av", t.avgGhs, 2).num("GHS 30m", t.ghs30m, 2), t)));
      case "pools" -> Cgminer.ok(t, 7, "3 Pool(s)", DESCRIPTION, "POOLS", Cgminer.pools(t, "Pool Stale%%", true, true));
      case "stats" -> Cgminer.ok(t, 70, "CGMiner stats", DESCRIPTION, "STATS", List.of(Rec.of().put("CompileTime", COMPILE_TIME)
          .put("LUXminer", VERSION).put("Miner", VERSION).put("Type", modelName(t.model)), stats(t)));
      case "fans" -> Cgminer.ok(t, 202, t.fanRpm.length + " Fan(s)", DESCRIPTION, "FANS", fans(t));
      case "temps" -> Cgminer.ok(t, 201, t.boards + " Temp(s)", DESCRIPTION, "TEMPS", temps(t));
      case "power" -> Cgminer.ok(t, 300, "Power", DESCRIPTION, "POWER", List.of(Rec.of().put("PSU", true).put("Watts", t.powerW)));
      default -> Cgminer.invalid(t, DESCRIPTION);
    };
  }

  private Rec stats(Telemetry t) {
    Rec r = Rec.of().put("STATS", 0).put("ID", "LUX0").put("Elapsed", t.elapsed).num("GHS 5s", t.ghs5s, 2).num("GHS av", t.avgGhs, 2)
        .num("rate_30m", t.ghs30m, 2).put("miner_count", t.boards).put("frequency", t.freqMhz).put("fan_num", t.fanRpm.length);
    for (int f = 0; f < t.fanRpm.length; f++) r.put("fan" + (f + 1), t.fanRpm[f]);
    r.put("temp_num", t.boards);
    for (int b = 0; b < t.boards; b++) r.put("temp_pcb" + (b + 1), Firmware.dashTemps(t.pcbTemp[b], 7));
    for (int b = 0; b < t.boards; b++) r.put("temp_chip" + (b + 1), Firmware.dashTemps(t.chipTemp[b], 6));
    r.num("total_rateideal", t.idealGhs, 2).put("rate_unit", "GH");
    for (int b = 0; b < t.boards; b++) r.put("chain_acn" + (b + 1), t.chips[b]);
    for (int b = 0; b < t.boards; b++) r.put("chain_acs" + (b + 1), Cgminer.chipStatus(t.chips[b]));
    for (int b = 0; b < t.boards; b++) r.put("chain_hw" + (b + 1), t.chips[b] == 0 ? 0 : t.hwErrors / t.boards);
    for (int b = 0; b < t.boards; b++) r.num("chain_rate" + (b + 1), t.boardGhs5s[b], 2);
    for (int b = 0; b < t.boards; b++) r.num("chain_rateideal" + (b + 1), t.chips[b] == 0 ? 0 : t.idealGhs / t.boards, 2);
    return r;
  }

  private List<Rec> fans(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int f = 0; f < t.fanRpm.length; f++) rows.add(Rec.of().put("FAN", f).put("ID", f).put("RPM", t.fanRpm[f]).put("Speed", t.fanRpm[f] * 100 / 7000));
    return rows;
  }

  private List<Rec> temps(Telemetry t) {
    List<Rec> rows = new ArrayList<>();
    for (int b = 0; b < t.boards; b++) {
      rows.add(Rec.of().put("ID", b).put("Board", Math.round(t.pcbTemp[b])).put("Chip", Math.round(t.chipTemp[b] + 6))
          .put("TopLeft", Math.round(t.pcbTemp[b] - 7)).put("TopRight", Math.round(t.pcbTemp[b] - 5))
          .put("BottomLeft", Math.round(t.pcbTemp[b] + 6)).put("BottomRight", Math.round(t.pcbTemp[b] + 7)));
    }
    return rows;
  }

  @Override
  public String version(AsicModel model) {
    return VERSION;
  }
}
