package io.hashfleet.collect.driver;

import static io.hashfleet.collect.json.Values.count;
import static io.hashfleet.collect.json.Values.num;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LuxOS (LUXminer): bmminer-style summary and stats in GH/s, plus {@code power} ({@code
 * POWER[0].Watts}) and {@code fans} ({@code FANS[].RPM}), all read-only commands needing no session.
 */
public final class LuxosDriver implements MinerDriver {
  static final List<String> COMMANDS = List.of("summary", "pools", "stats", "power", "fans");

  @Override
  public Dialect dialect() {
    return Dialect.LUXOS;
  }

  @Override
  public List<String> commands() {
    return COMMANDS;
  }

  @Override
  public MinerTelemetry parse(MinerAddress address, MinerIdentity identity, Instant at, Replies replies) throws ReplyFormatException {
    return MinerDriver.guarded(address, dialect(), () -> {
      JsonNode summary = MinerDriver.summary(replies, address, dialect());
      JsonNode stats = ClassicStats.dataObject(replies.list("stats", "STATS"));
      List<Integer> fans = new ArrayList<>();
      for (JsonNode f : replies.list("fans", "FANS")) fans.add((int) Math.min(count(f, "RPM"), Integer.MAX_VALUE));
      if (fans.isEmpty()) fans = ClassicStats.fans(stats);
      double watts = num(replies.first("power", "POWER"), "Watts");
      Integer power = Double.isFinite(watts) && watts > 0 ? (int) Math.round(watts) : null;
      return new MinerTelemetry(address, at, identity,
          Hashrate.ofGhs(BitmainDriver.firstFinite(num(summary, "GHS 5s"), num(stats, "GHS 5s"))),
          Hashrate.ofGhs(BitmainDriver.firstFinite(num(summary, "GHS av"), num(stats, "GHS av"))),
          ClassicStats.boards(stats), fans, power, Pools.parse(replies.list("pools", "POOLS")),
          count(summary, "Hardware Errors"), count(summary, "Elapsed"));
    });
  }
}
