package io.hashfleet.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who is logged in to which miner: LuxOS sessions (one at a time per miner) and the btminer tokens
 * a miner has handed out. Sparse, like {@link PowerBook}: only miners someone logged on to have an
 * entry.
 */
final class Logins {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  /** btminer keeps 32 tokens per client; the sim keeps the 32 newest per miner. */
  private static final int BTMINER_TOKENS = 32;
  private final ConcurrentHashMap<Integer, String> luxSessions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, Deque<String>> btminerSigns = new ConcurrentHashMap<>();

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

  void btminerIssued(int index, String sign) {
    Deque<String> signs = btminerSigns.computeIfAbsent(index, k -> new ArrayDeque<>());
    synchronized (signs) {
      if (signs.size() == BTMINER_TOKENS) signs.removeFirst();
      signs.addLast(sign);
    }
  }

  boolean btminerValid(int index, String sign) {
    Deque<String> signs = btminerSigns.get(index);
    if (signs == null || sign == null) return false;
    synchronized (signs) {
      return signs.contains(sign);
    }
  }

  static String token(int length) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    char[] c = new char[length];
    for (int i = 0; i < length; i++) c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
    return new String(c);
  }
}
