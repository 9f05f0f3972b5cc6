package io.hashfleet.collect.driver;

import static io.hashfleet.collect.json.Values.count;
import static io.hashfleet.collect.json.Values.maxOf;
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
 * Bitmain stock firmware (bmminer/cgminer) on Antminer S19 and S21 families.
 *
 * <p>S19s get one joined {@code summary+pools+stats}; S21s are asked {@code summary+pools} and then
 * {@code {"command":"stats","new_api":true}}, whose {@code STATS[0].chain[]} form carries per-board
 * data the classic flat form lacks. Stock RPC reports no power, so power is always null.
 */
public final class BitmainDriver implements MinerDriver {
  static final List<String> CLASSIC_COMMANDS = List.of("summary", "pools", "stats");
  static final String NEW_API_STATS = "{\"command\":\"stats\",\"new_api\":true}";

  @Override
  public Dialect dialect() {
    return Dialect.BITMAIN;
  }

  /** The S19-family request; S21-family units get {@code summary+pools} and the new-API stats (see poll). */
  @Override
  public List<String> commands() {
    return CLASSIC_COMMANDS;
  }

  /**
   * S21-family stock firmware keeps its per-chain detail behind {@code stats} with {@code new_api}:
   * ask {@code summary+pools}, then that; older S21 builds that refuse it get the classic stats.
   */
  @Override
  public Conversation conversation(MinerAddress address, MinerIdentity identity) {
    if (!usesNewApi(identity)) return Conversation.fetch(address, CLASSIC_COMMANDS);
    return Conversation.with(address).fetch(List.of("summary", "pools")).ask("stats", NEW_API_STATS).each(List.of("stats")).build();
  }

  static boolean usesNewApi(MinerIdentity identity) {
    return identity != null && identity.modelName() != null && identity.modelName().toUpperCase(java.util.Locale.ROOT).contains("S21");
  }

  @Override
  public MinerTelemetry parse(MinerAddress address, MinerIdentity identity, Instant at, Replies replies) throws ReplyFormatException {
    return MinerDriver.guarded(address, dialect(), () -> {
      JsonNode summary = replies.first("summary", "SUMMARY");
      JsonNode statsList = replies.list("stats", "STATS");
      JsonNode newApi = statsList.path(0).path("chain").isArray() ? statsList.path(0) : null;
      JsonNode classic = newApi == null ? ClassicStats.dataObject(statsList) : null;
      if (!summary.isObject() && newApi == null && classic == null) throw Exchange.missing(address, "summary", "Bitmain");

      List<HashboardReading> boards;
      List<Integer> fans;
      double now;
      double avg;
      if (newApi != null) {
        boards = newApiBoards(newApi);
        fans = newApiFans(newApi);
        double scale = ClassicStats.toGhs(newApi);
        now = num(newApi, "rate_5s") * scale;
        avg = firstFinite(num(newApi, "rate_avg"), num(newApi, "rate_30m")) * scale;
      } else {
        boards = ClassicStats.boards(classic);
        fans = ClassicStats.fans(classic);
        now = num(classic, "GHS 5s");
        avg = num(classic, "GHS av");
      }
      // summary figures are the ones the web UI shows; stats fill in when summary is absent
      now = firstFinite(num(summary, "GHS 5s"), now);
      avg = firstFinite(num(summary, "GHS av"), avg);
      long uptime = summary.isObject() ? count(summary, "Elapsed")
          : newApi != null ? count(newApi, "elapsed") : count(classic, "Elapsed");
      long hw = summary.isObject() ? count(summary, "Hardware Errors") : sumHw(boards);
      return new MinerTelemetry(address, at, identity, Hashrate.ofGhs(now), Hashrate.ofGhs(avg), boards, fans, null,
          Pools.parse(replies.list("pools", "POOLS")), hw, uptime);
    });
  }

  private static List<HashboardReading> newApiBoards(JsonNode stats) {
    double scale = ClassicStats.toGhs(stats);
    List<HashboardReading> boards = new ArrayList<>();
    int i = 0;
    for (JsonNode c : stats.path("chain")) {
      double idx = num(c, "index");
      boards.add(new HashboardReading(Double.isFinite(idx) ? (int) idx : i, Hashrate.ofGhs(num(c, "rate_real") * scale),
          (int) Math.min(count(c, "asic_num"), Integer.MAX_VALUE), temp(maxOf(c.path("temp_pcb"))), temp(maxOf(c.path("temp_chip"))),
          count(c, "hw")));
      i++;
    }
    return boards;
  }

  private static List<Integer> newApiFans(JsonNode stats) {
    List<Integer> fans = new ArrayList<>();
    for (JsonNode f : stats.path("fan")) {
      double v = io.hashfleet.collect.json.Values.number(f);
      fans.add(Double.isFinite(v) && v > 0 ? (int) Math.min(v, Integer.MAX_VALUE) : 0);
    }
    return fans;
  }

  static double firstFinite(double a, double b) {
    return Double.isFinite(a) ? a : b;
  }

  static long sumHw(List<HashboardReading> boards) {
    long n = 0;
    for (HashboardReading b : boards) n += b.hwErrors();
    return n;
  }
}
