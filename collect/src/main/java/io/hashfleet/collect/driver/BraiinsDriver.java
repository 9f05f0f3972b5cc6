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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Braiins OS (BOSminer) through its cgminer-compatible API: hashrates in MH/s; boards from
 * {@code devs} (one ASC per hashboard, matched by {@code ID} to {@code devdetails} for chips and to
 * {@code temps} for board/chip temperature); fans from {@code fans}; power from the tuner's
 * {@code ApproximateMinerPowerConsumption}.
 */
public final class BraiinsDriver implements MinerDriver {
  static final List<String> COMMANDS = List.of("summary", "pools", "devs", "devdetails", "temps", "fans", "tunerstatus");

  @Override
  public Dialect dialect() {
    return Dialect.BRAIINS_OS;
  }

  @Override
  public List<String> commands() {
    return COMMANDS;
  }

  @Override
  public MinerTelemetry parse(MinerAddress address, MinerIdentity identity, Instant at, Replies replies) throws ReplyFormatException {
    return MinerDriver.guarded(address, dialect(), () -> {
      JsonNode summary = MinerDriver.summary(replies, address, dialect());
      Map<Integer, JsonNode> details = byId(replies.list("devdetails", "DEVDETAILS"));
      Map<Integer, JsonNode> temps = byId(replies.list("temps", "TEMPS"));
      List<HashboardReading> boards = new ArrayList<>();
      for (JsonNode dev : replies.list("devs", "DEVS")) {
        int id = (int) count(dev, "ID");
        JsonNode t = temps.get(id);
        double board = t != null ? num(t, "Board") : num(dev, "Temperature");
        double chip = t != null ? num(t, "Chip") : Double.NaN;
        boards.add(new HashboardReading(id, Hashrate.ofMhs(BitmainDriver.firstFinite(num(dev, "MHS 5s"), num(dev, "MHS 1m"))),
            (int) Math.min(count(details.get(id), "Chips"), Integer.MAX_VALUE), temp(board), temp(chip), count(dev, "Hardware Errors")));
      }
      List<Integer> fans = new ArrayList<>();
      for (JsonNode f : replies.list("fans", "FANS")) fans.add((int) Math.min(count(f, "RPM"), Integer.MAX_VALUE));
      double watts = num(replies.first("tunerstatus", "TUNERSTATUS"), "ApproximateMinerPowerConsumption");
      Integer power = Double.isFinite(watts) && watts > 0 ? (int) Math.round(watts) : null;
      double now = BitmainDriver.firstFinite(num(summary, "MHS 5s"), num(summary, "MHS 1m"));
      return new MinerTelemetry(address, at, identity, Hashrate.ofMhs(now), Hashrate.ofMhs(num(summary, "MHS av")), boards, fans, power,
          Pools.parse(replies.list("pools", "POOLS")), count(summary, "Hardware Errors"), count(summary, "Elapsed"));
    });
  }

  private static Map<Integer, JsonNode> byId(JsonNode list) {
    Map<Integer, JsonNode> m = new HashMap<>();
    for (JsonNode n : list) if (n.isObject()) m.put((int) count(n, "ID"), n);
    return m;
  }
}
