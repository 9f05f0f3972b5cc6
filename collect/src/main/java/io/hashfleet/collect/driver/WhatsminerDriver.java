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
import java.util.List;

/**
 * MicroBT btminer (API 2.x) on Whatsminer. Reads need no token. btminer does not join commands, so
 * each is its own connection: {@code summary} (MH/s, {@code Power}, fan in/out), {@code pools},
 * and {@code edevs} (per board: {@code Effective Chips}, {@code Chip Temp Max}), with {@code devs}
 * as the fallback on builds without edevs.
 */
public final class WhatsminerDriver implements MinerDriver {
  static final List<String> COMMANDS = List.of("summary", "pools", "edevs");

  @Override
  public Dialect dialect() {
    return Dialect.WHATSMINER;
  }

  @Override
  public List<String> commands() {
    return COMMANDS;
  }

  /** btminer takes no joined requests: one command per connection, and {@code devs} where {@code edevs} is unknown. */
  @Override
  public Conversation conversation(MinerAddress address, MinerIdentity identity) {
    return Conversation.with(address).each(COMMANDS).askUnless("devs", "edevs").build();
  }

  @Override
  public MinerTelemetry parse(MinerAddress address, MinerIdentity identity, Instant at, Replies replies) throws ReplyFormatException {
    return MinerDriver.guarded(address, dialect(), () -> {
      JsonNode summary = MinerDriver.summary(replies, address, dialect());
      JsonNode devs = replies.has("edevs") ? replies.list("edevs", "DEVS") : replies.list("devs", "DEVS");
      List<HashboardReading> boards = new ArrayList<>();
      int i = 0;
      for (JsonNode d : devs) {
        double slot = BitmainDriver.firstFinite(num(d, "ASC"), num(d, "Slot"));
        double chip = BitmainDriver.firstFinite(num(d, "Chip Temp Max"), num(d, "Chip Temp Avg"));
        boards.add(new HashboardReading(Double.isFinite(slot) ? (int) slot : i,
            Hashrate.ofMhs(BitmainDriver.firstFinite(num(d, "MHS 5s"), num(d, "MHS 1m"))),
            (int) Math.min(count(d, "Effective Chips"), Integer.MAX_VALUE), temp(num(d, "Temperature")), temp(chip),
            count(d, "Hardware Errors")));
        i++;
      }
      List<Integer> fans = new ArrayList<>();
      for (String k : new String[] {"Fan Speed In", "Fan Speed Out"}) {
        if (summary.has(k)) fans.add((int) Math.min(count(summary, k), Integer.MAX_VALUE));
      }
      double watts = BitmainDriver.firstFinite(num(summary, "Power"), num(summary, "Power_RT"));
      Integer power = Double.isFinite(watts) && watts > 0 ? (int) Math.round(watts) : null;
      double now = BitmainDriver.firstFinite(num(summary, "MHS 5s"), num(summary, "MHS 1m"));
      return new MinerTelemetry(address, at, identity, Hashrate.ofMhs(now), Hashrate.ofMhs(num(summary, "MHS av")), boards, fans,
          power, Pools.parse(replies.list("pools", "POOLS")), count(summary, "Hardware Errors"), count(summary, "Elapsed"));
    });
  }
}
