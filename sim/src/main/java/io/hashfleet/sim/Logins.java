package io.hashfleet.sim;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who is logged in to which miner: LuxOS sessions (one at a time per miner). Sparse, like
 * {@link PowerBook}: only miners someone logged on to have an entry.
 */
final class Logins {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private final ConcurrentHashMap<Integer, String> luxSessions = new ConcurrentHashMap<>();

  /** Opens a session; null when another one is active, as LuxOS allows only one. */
  String luxLogon(int index) {
    String id = token(8);
    return luxSessions.putIfAbsent(index, id) == null ? id : null;
  }

  /** The active session id, or "" when there is none. */
  String luxSession(int index) {
    return luxSessions.getOrDefault(index, "");
  }

  boolean luxValid(int index, String sessionId) {
    return sessionId != null && !sessionId.isEmpty() && sessionId.equals(luxSessions.get(index));
  }

  boolean luxLogoff(int index, String sessionId) {
    return sessionId != null && luxSessions.remove(index, sessionId);
  }

  static String token(int length) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    char[] c = new char[length];
    for (int i = 0; i < length; i++) c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
    return new String(c);
  }
}
