package io.hashfleet.collect.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.collect.rpc.MinerRpc;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;

/** Sends cgminer-style requests: joined where possible, one command per connection otherwise. */
final class Exchange {
  /** Miners whose firmware refuses joined requests; drivers are shared, so this is too. */
  static final JoinedRefusals REFUSALS = new JoinedRefusals();

  private Exchange() {}

  static String request(String command) {
    return "{\"command\":\"" + command + "\"}";
  }

  static JsonNode call(MinerRpc rpc, MinerAddress address, String request) throws IOException {
    return RelaxedJson.parse(rpc.call(request), address.toString());
  }

  /**
   * Asks for {@code commands} in one joined request; any command the joined reply lacks (some S19
   * firmware answers a joined request with an error, or not at all) is asked for on its own.
   * Commands that fail on their own are left out; the driver decides which ones it cannot do
   * without. Unreachable miners fail at once rather than once per command.
   *
   * <p>A miner whose joined reply answered none of the commands, or was unreadable, is remembered, and its next polls
   * skip the joined request (see {@link JoinedRefusals}).
   */
  static Replies fetch(MinerRpc rpc, MinerAddress address, List<String> commands) throws IOException {
    Replies replies = Replies.empty();
    if (REFUSALS.tryJoined(address)) {
      try {
        replies = Replies.joined(call(rpc, address, joinedRequest(commands)));
        if (replies.byCommand().isEmpty()) REFUSALS.refused(address); // an error envelope
        else REFUSALS.answered(address);
      } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
        throw e;
      } catch (ReplyFormatException e) {
        REFUSALS.refused(address); // answered with nothing readable
      } catch (IOException e) {
        // a timeout or reset says nothing about joined requests; fall through this once
      }
    }
    return fetchMissing(rpc, address, commands, replies);
  }

  private static String joinedRequest(List<String> commands) {
    return request(String.join("+", commands));
  }

  /** Asks for each command not yet in {@code replies}, one per connection. */
  static Replies fetchEach(MinerRpc rpc, MinerAddress address, List<String> commands) throws IOException {
    return fetchMissing(rpc, address, commands, Replies.empty());
  }

  static Replies fetchMissing(MinerRpc rpc, MinerAddress address, List<String> commands, Replies replies) throws IOException {
    for (String c : commands) {
      if (replies.has(c)) continue;
      try {
        replies = replies.with(c, call(rpc, address, request(c)));
      } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
        throw e;
      } catch (ReplyFormatException e) {
        // left out: the driver names what it could not do without
      }
    }
    return replies;
  }

  static ReplyFormatException missing(MinerAddress address, String command, String dialect) {
    return new ReplyFormatException(address + ": no usable '" + command + "' reply from " + dialect + " firmware");
  }
}
