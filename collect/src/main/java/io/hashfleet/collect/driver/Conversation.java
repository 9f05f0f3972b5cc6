package io.hashfleet.collect.driver;

import io.hashfleet.collect.json.RelaxedJson;
import io.hashfleet.collect.json.ReplyFormatException;
import io.hashfleet.domain.MinerAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests of one poll, decided one reply at a time: the cgminer API answers one request per
 * connection, so a poll is a short conversation, and what to ask next depends on what came back
 * (a joined request the firmware refused is asked again command by command).
 *
 * <p>Kept apart from the I/O so that a blocking caller ({@link #runOn}) and the poller's selector
 * loop, which has no thread to block, hold the same conversation. Use: {@link #next()} gives a
 * request to send on a new connection, or null when the conversation is over; then
 * {@link #answered} with the reply text, or {@link #failed} with why there was none.
 */
public final class Conversation {
  private final MinerAddress address;
  private final List<Step> steps;
  private int at;
  private Step asked;
  private Replies replies = Replies.empty();

  private Conversation(MinerAddress address, List<Step> steps) {
    this.address = address;
    this.steps = steps;
  }

  /** One request at most: sent only when what it asks for is still missing. */
  private sealed interface Step {}

  /** {@code a+b+c} in one request, unless the miner is known to refuse joined requests. */
  private record Joined(List<String> commands) implements Step {}

  /** One command on its own connection, unless {@code key} (or {@code unless}) already answered. */
  private record Single(String key, String request, String unless) implements Step {}

  /** Builds a conversation step by step. */
  public static final class Builder {
    private final MinerAddress address;
    private final List<Step> steps = new ArrayList<>();

    private Builder(MinerAddress address) {
      this.address = address;
    }

    /**
     * Asks for {@code commands} in one joined request, then any the joined reply lacked one per
     * connection (some S19 firmware answers a joined request with an error, or not at all).
     */
    public Builder fetch(List<String> commands) {
      steps.add(new Joined(List.copyOf(commands)));
      return each(commands);
    }

    /** Asks for each command still missing, one per connection. */
    public Builder each(List<String> commands) {
      for (String c : commands) steps.add(new Single(c, Exchange.request(c), null));
      return this;
    }

    /** Sends {@code request} and keeps its reply as {@code key}, unless {@code key} already answered. */
    public Builder ask(String key, String request) {
      steps.add(new Single(key, request, null));
      return this;
    }

    /** Asks for {@code command} only when {@code unless} did not answer (an older name for the same data). */
    public Builder askUnless(String command, String unless) {
      steps.add(new Single(command, Exchange.request(command), unless));
      return this;
    }

    public Conversation build() {
      return new Conversation(address, List.copyOf(steps));
    }
  }

  public static Builder with(MinerAddress address) {
    return new Builder(address);
  }

  /** The usual conversation: {@link Builder#fetch} of {@code commands}. */
  public static Conversation fetch(MinerAddress address, List<String> commands) {
    return with(address).fetch(commands).build();
  }

  public MinerAddress address() {
    return address;
  }

  /** The next request to send on a new connection, or null when nothing more is needed. */
  public String next() {
    asked = null;
    while (at < steps.size()) {
      Step s = steps.get(at++);
      String request = switch (s) {
        case Joined j -> Exchange.REFUSALS.tryJoined(address) && !replies.hasAll(j.commands()) ? Exchange.request(String.join("+", j.commands())) : null;
        case Single one -> replies.has(one.key()) || one.unless() != null && replies.has(one.unless()) ? null : one.request();
      };
      if (request != null) {
        asked = s;
        return request;
      }
    }
    return null;
  }

  /**
   * The reply to the request {@link #next()} gave. A joined reply that answered nothing, or was
   * unreadable, marks the miner as one that refuses joined requests (see {@link JoinedRefusals});
   * an unreadable single reply is left out, and the driver names what it could not do without.
   */
  public void answered(String raw) {
    switch (asked) {
      case Joined j -> {
        try {
          Replies joined = Replies.joined(RelaxedJson.parse(raw, address.toString()));
          if (joined.byCommand().isEmpty()) Exchange.REFUSALS.refused(address); // an error envelope
          else Exchange.REFUSALS.answered(address);
          for (var e : joined.byCommand().entrySet()) replies = replies.with(e.getKey(), e.getValue());
        } catch (ReplyFormatException e) {
          Exchange.REFUSALS.refused(address); // answered with nothing readable
        }
      }
      case Single one -> {
        try {
          replies = replies.with(one.key(), RelaxedJson.parse(raw, address.toString()));
        } catch (ReplyFormatException e) {
          // left out
        }
      }
      case null -> throw new IllegalStateException("answered() without a request from next()");
    }
  }

  /**
   * No reply to the request {@link #next()} gave. An unreachable miner ends the conversation at
   * once, whichever request it was; a joined request that timed out or was reset says nothing about
   * joined requests, so the commands are asked for one by one; a single request that failed ends it.
   *
   * @throws IOException {@code why}, when the conversation cannot go on
   */
  public void failed(IOException why) throws IOException {
    if (why instanceof ConnectException || why instanceof NoRouteToHostException || why instanceof UnknownHostException
        || why instanceof io.hashfleet.collect.rpc.RpcException r && r.kind() == io.hashfleet.collect.rpc.RpcException.Kind.REFUSED) {
      throw why;
    }
    if (!(asked instanceof Joined)) throw why;
  }

  /** What has been answered so far: everything, once {@link #next()} returned null. */
  public Replies replies() {
    return replies;
  }

  /** Holds the whole conversation over {@code rpc}, one blocking call per request. */
  public Replies runOn(io.hashfleet.collect.rpc.MinerRpc rpc) throws IOException {
    for (String request; (request = next()) != null; ) {
      String raw;
      try {
        raw = rpc.call(request);
      } catch (IOException e) {
        failed(e);
        continue;
      }
      answered(raw);
    }
    return replies;
  }
}
