package io.hashfleet.collect.driver;

import static io.hashfleet.collect.json.Values.count;
import static io.hashfleet.collect.json.Values.num;
import static io.hashfleet.collect.json.Values.temp;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Canaan cgminer on Avalon (A13xx and kin). Summary and pools are plain cgminer (MH/s); everything
 * per board lives in the {@code MM ID0} string of {@code stats}: {@code MGHS[]} board GH/s,
 * {@code MTmax[]} hottest chip per board, {@code PVT_Tn[]} one temperature per chip (its non-zero
 * entries count the chips), {@code FanN[]}, and power in {@code PS[]}.
 */
public final class AvalonDriver implements MinerDriver {
  static final List<String> COMMANDS = List.of("summary", "pools", "stats");

  @Override
  public Dialect dialect() {
    return Dialect.AVALON;
  }

  @Override
  public List<String> commands() {
    return COMMANDS;
  }

  @Override
  public MinerTelemetry parse(MinerAddress address, MinerIdentity identity, Instant at, Replies replies) throws ReplyFormatException {
    return MinerDriver.guarded(address, dialect(), () -> {
      JsonNode summary = MinerDriver.summary(replies, address, dialect());
      Map<String, String> mm = AvalonStatus.parse(mmString(replies.list("stats", "STATS")));
      double[] mghs = AvalonStatus.numbers(mm.get("MGHS"));
      double[] tmax = AvalonStatus.numbers(mm.get("MTmax"));
      List<HashboardReading> boards = new ArrayList<>();
      for (int b = 0; b < mghs.length; b++) {
        int chips = 0;
        for (double t : AvalonStatus.numbers(mm.get("PVT_T" + b))) if (Double.isFinite(t) && t != 0) chips++;
        if (chips == 0 && !mm.containsKey("PVT_T" + b)) {
          // Firmware without per-chip temperatures reports the ASICs found per board in TA[].
          double[] ta = AvalonStatus.numbers(mm.get("TA"));
          if (b < ta.length && Double.isFinite(ta[b])) chips = (int) ta[b];
        }
        boards.add(new HashboardReading(b, Hashrate.ofGhs(mghs[b]), chips, null, temp(b < tmax.length ? tmax[b] : Double.NaN), 0));
      }
      List<Integer> fans = new ArrayList<>();
      for (int f = 1; f <= 8; f++) {
        double[] v = AvalonStatus.numbers(mm.get("Fan" + f));
        if (v.length > 0) fans.add(Double.isFinite(v[0]) && v[0] > 0 ? (int) Math.min(v[0], Integer.MAX_VALUE) : 0);
      }
      double now = num(summary, "MHS 5s");
      if (!Double.isFinite(now)) now = BitmainDriver.firstFinite(num(summary, "MHS 30s"), num(summary, "MHS 1m"));
      return new MinerTelemetry(address, at, identity, Hashrate.ofMhs(now), Hashrate.ofMhs(num(summary, "MHS av")), boards, fans,
          power(mm), Pools.parse(replies.list("pools", "POOLS")), count(summary, "Hardware Errors"), count(summary, "Elapsed"));
    });
  }

  /** The first {@code MM ID…} value; Avalon Q names it {@code "MM ID0:Summary"}. */
  private static String mmString(JsonNode stats) {
    for (JsonNode o : stats) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("MM ID") && e.getValue().isTextual() && e.getValue().textValue().indexOf('[') >= 0) {
          return e.getValue().textValue();
        }
      }
    }
    return null;
  }

  /**
   * Wall power: {@code WALLPOWER[]} where the firmware has it; else {@code PS[]}, whose 7th entry
   * is input power on current firmware (A13xx, Nano) and whose 5th is output power on the older
   * 6-entry form (A10xx).
   */
  static Integer power(Map<String, String> mm) {
    double[] wall = AvalonStatus.numbers(mm.get("WALLPOWER"));
    double w = wall.length > 0 ? wall[0] : Double.NaN;
    if (!(w > 0)) {
      double[] ps = AvalonStatus.numbers(mm.get("PS"));
      if (ps.length >= 7) w = ps[6];
      else if (ps.length >= 5) w = ps[4];
    }
    return Double.isFinite(w) && w > 0 && w < 1e6 ? (int) Math.round(w) : null;
  }
}
