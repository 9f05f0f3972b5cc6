package io.hashfleet.sim;

import java.util.ArrayList;
import java.util.List;

/** Pieces every cgminer-derived firmware shares: the STATUS object, errors, the pools list. */
final class Cgminer {
  private Cgminer() {}

  static Rec status(String st, long when, int code, String msg, String description) {
    return Rec.of().put("STATUS", st).put("When", when).put("Code", code).put("Msg", msg).put("Description", description);
  }

  static Reply.Envelope ok(Telemetry t, int code, String msg, String description, String section, List<Rec> rows) {
    return new Reply.Envelope(status("S", t.now, code, msg, description), section, rows);
  }

  /** cgminer's answer to a command it does not know: STATUS E, Code 14. */
  static Reply.Envelope invalid(Telemetry t, String description) {
    return new Reply.Envelope(status("E", t.now, 14, "Invalid command", description), null, List.of());
  }

  /** Percent of shares rejected, as cgminer computes it. */
  static double rejectedPct(Telemetry t) {
    return t.accepted + t.rejected == 0 ? 0 : 100.0 * t.rejected / (t.accepted + t.rejected);
  }

  /**
   * Three pools, the first carrying the work. {@code staleKey} is "Pool Stale%%" on firmware that
   * kept cgminer's doubled percent sign, "Pool Stale%" elsewhere.
   */
  static List<Rec> pools(Telemetry t, String staleKey, boolean diffAsText, boolean clockShareTime) {
    List<Rec> rows = new ArrayList<>(3);
    for (int p = 0; p < 3; p++) {
      boolean main = p == 0;
      long acc = main ? t.accepted : 0;
      long rej = main ? t.rejected : 0;
      Rec r = Rec.of().put("POOL", p).put("URL", p == 0 ? Telemetry.POOL_URL : "stratum+tcp://pool" + (p + 1) + ".example.com:3333")
          .put("Status", t.poolsAlive ? "Alive" : "Dead").put("Priority", p).put("Quota", 1).put("Long Poll", "N")
          .put("Getworks", main ? t.accepted / 4 + 12 : 1).put("Accepted", acc).put("Rejected", rej).put("Discarded", main ? t.accepted / 3 : 0)
          .put("Stale", 0).put("Get Failures", 0).put("Remote Failures", 0).put("User", t.worker())
          .put("Last Share Time", clockShareTime ? (Object) (main ? "0:00:03" : "0") : (Object) (main ? t.now - 3 : 0))
          .put("Diff", diffAsText ? "65.5K" : (Object) new Rec.Num(Telemetry.POOL_DIFF, 0))
          .put("Diff1 Shares", acc * Telemetry.POOL_DIFF).put("Proxy Type", "").put("Proxy", "")
          .num("Difficulty Accepted", acc * (double) Telemetry.POOL_DIFF, 8).num("Difficulty Rejected", rej * (double) Telemetry.POOL_DIFF, 8)
          .num("Difficulty Stale", 0, 8).num("Last Share Difficulty", main ? Telemetry.POOL_DIFF : 0, 8)
          .put("Work Difficulty", new Rec.Num(Telemetry.POOL_DIFF, 8)).put("Has Stratum", true)
          .put("Stratum Active", main && t.poolsAlive).put("Stratum URL", p == 0 ? "pool.example.com" : "pool" + (p + 1) + ".example.com")
          .num("Stratum Difficulty", Telemetry.POOL_DIFF, 8).put("Has GBT", false).put("Best Share", main ? t.accepted * 977 : 0)
          .num("Pool Rejected%", main ? rejectedPct(t) : 0, 4).num(staleKey, 0, 4).put("Bad Work", 0)
          .put("Current Block Height", 0).put("Current Block Version", 536870912);
      rows.add(r);
    }
    return rows;
  }

  /** cgminer's summary tail after the hashrate keys; the same in every cgminer fork. */
  static Rec summaryTail(Rec r, Telemetry t) {
    return summaryPercents(summaryCounters(r, t), t);
  }

  /** Found Blocks … Best Share: the counters block of cgminer's summary. */
  static Rec summaryCounters(Rec r, Telemetry t) {
    double mh = t.avgGhs * 1000 * t.elapsed;
    return r.put("Found Blocks", 0).put("Getworks", t.accepted / 4 + 12).put("Accepted", t.accepted).put("Rejected", t.rejected)
        .put("Hardware Errors", t.hwErrors).num("Utility", t.accepted * 60.0 / t.elapsed, 2).put("Discarded", t.accepted / 3)
        .put("Stale", 0).put("Get Failures", 0).put("Local Work", t.accepted * 40).put("Remote Failures", 0)
        .put("Network Blocks", t.elapsed / 600).num("Total MH", mh, 4).num("Work Utility", t.workUtility(), 2)
        .num("Difficulty Accepted", t.accepted * (double) Telemetry.POOL_DIFF, 8)
        .num("Difficulty Rejected", t.rejected * (double) Telemetry.POOL_DIFF, 8).num("Difficulty Stale", 0, 8)
        .put("Best Share", t.accepted * 977);
  }

  /** Device Hardware% … Last getwork: the closing block of cgminer's summary. */
  static Rec summaryPercents(Rec r, Telemetry t) {
    return r.num("Device Hardware%", 0.0001 * t.hwErrors / Math.max(1, t.elapsed / 1000), 4)
        .num("Device Rejected%", rejectedPct(t), 4).num("Pool Rejected%", rejectedPct(t), 4).num("Pool Stale%", 0, 4)
        .put("Last getwork", t.now);
  }

  /** "oooo oooo …" chip status, grouped as Bitmain prints it; empty for a dead board. */
  static String chipStatus(int chips) {
    if (chips == 0) return "";
    if (chips < CHIP_STATUS.length) {
      String s = CHIP_STATUS[chips];
      if (s == null) CHIP_STATUS[chips] = s = buildChipStatus(chips); // benign race: equal strings
      return s;
    }
    return buildChipStatus(chips);
  }

  /** Chip counts repeat (one per model), so their status strings are built once. */
  private static final String[] CHIP_STATUS = new String[512];

  private static String buildChipStatus(int chips) {
    StringBuilder b = new StringBuilder(chips + chips / 8 + 1);
    for (int i = 0; i < chips; i++) {
      if (i % 8 == 0) b.append(' ');
      b.append('o');
    }
    return b.toString();
  }
}
