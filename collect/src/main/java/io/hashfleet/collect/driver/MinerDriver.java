package io.hashfleet.collect.driver;

import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Talks one firmware dialect: which requests to send and how to read the replies into one
 * {@link MinerTelemetry}. Sealed so that a new dialect shows up in every exhaustive switch.
 */
public sealed interface MinerDriver permits BitmainDriver, BraiinsDriver, LuxosDriver, WhatsminerDriver, AvalonDriver {

  Dialect dialect();

  /**
   * Polls one miner: sends this firmware's requests through rpc (joined summary+pools+stats where
   * the firmware supports it, falling back to one command per connection when a joined request
   * fails) and normalises the replies.
   *
   * @throws ReplyFormatException when the miner answered with something unreadable (the message
   *     names the address)
   * @throws IOException when the miner could not be reached
   */
  default MinerTelemetry poll(MinerRpc rpc, MinerAddress address, MinerIdentity identity, Instant at) throws IOException {
    return parse(address, identity, at, conversation(address, identity).runOn(rpc));
  }

  /**
   * The requests of one poll of this miner, one connection each: {@link #commands()} joined, then
   * whatever the joined reply lacked on its own. A dialect that asks differently says so here.
   */
  default Conversation conversation(MinerAddress address, MinerIdentity identity) {
    return Conversation.fetch(address, commands());
  }

  /** The report commands one poll sends, joined with {@code +} where the firmware allows. */
  List<String> commands();

  /** Normalises replies already received, one per command. Pure: no I/O. */
  MinerTelemetry parse(MinerAddress address, MinerIdentity identity, Instant at, Replies replies) throws ReplyFormatException;

  /**
   * Normalises the text of one joined reply ({@code {"summary":[…],"pools":[…],"stats":[…]}}),
   * exactly as received (a trailing NUL and the usual firmware faults are fine).
   */
  default MinerTelemetry parse(MinerAddress address, MinerIdentity identity, Instant at, String joinedReply) throws ReplyFormatException {
    return parse(address, identity, at, Replies.joined(RelaxedJson.parse(joinedReply, address.toString())));
  }

  /** The {@code SUMMARY} object every dialect sends; without it there is nothing to report. */
  static JsonNode summary(Replies replies, MinerAddress address, Dialect dialect) throws ReplyFormatException {
    JsonNode summary = replies.first("summary", "SUMMARY");
    if (!summary.isObject()) throw Exchange.missing(address, "summary", dialect.label());
    return summary;
  }

  /** Runs {@code body}, turning any slip on odd data into the one exception callers expect. */
  static MinerTelemetry guarded(MinerAddress address, Dialect dialect, ParseBody body) throws ReplyFormatException {
    try {
      return body.run();
    } catch (ReplyFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ReplyFormatException(address + ": " + dialect.label() + " reply has unexpected content (" + e + ")", e);
    }
  }

  @FunctionalInterface
  interface ParseBody {
    MinerTelemetry run() throws ReplyFormatException;
  }
}
