package io.hashfleet.collect.driver;

import io.hashfleet.collect.rpc.MinerRpc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the recorded firmware replies and plays them back as a miner would. */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture's text exactly as sent, trailing NUL included. */
  public static String raw(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@link MinerRpc} hands a driver: the reply without its trailing NUL. */
  public static String reply(String path) {
    String s = raw(path);
    return s.endsWith("\0") ? s.substring(0, s.length() - 1) : s;
  }

  /** A miner that answers known requests from fixtures and anything else with an error status. */
  public static final class Replay implements MinerRpc {
    private final Map<String, String> files = new HashMap<>();
    public final List<String> requests = new ArrayList<>();

    public Replay on(String request, String fixture) {
      files.put(request, fixture);
      return this;
    }

    public Replay onCommand(String command, String fixture) {
      return on("{\"command\":\"" + command + "\"}", fixture);
    }

    @Override
    public String call(String request) {
      requests.add(request);
      String f = files.get(request);
      if (f == null) {
        return "{\"STATUS\":[{\"STATUS\":\"E\",\"When\":1700000123,\"Code\":14,\"Msg\":\"Invalid command\",\"Description\":\"cgminer 4.11.1\"}],\"id\":1}";
      }
      return reply(f);
    }
  }
}
