package io.hashfleet.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who is logged in to which miner: LuxOS sessions (one at a time per miner), the btminer tokens
 * a miner has handed out and the Braiins OS gRPC API's session tokens. Sparse, like
 * {@link PowerBook}: only miners someone logged on to have an entry.
 */
final class Logins {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  /** btminer keeps 32 tokens per client; the sim keeps the 32 newest per miner. */
  private static final int BTMINER_TOKENS = 32;
  private final ConcurrentHashMap<Integer, String> luxSessions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, Deque<String>> btminerSigns = new ConcurrentHashMap<>();
  /**
   * How long a Braiins OS API token stays valid in the sim, on the fleet's clock. The real
   * firmware's lifetime is not published as far as we know; an hour is an assumption, long enough
   * for a command burst, short enough that a long-lived controller meets expiry.
   */
  static final long BOS_TOKEN_TTL_MS = 3_600_000;
  /** Per miner: token to the millisecond it expires. */
  private final ConcurrentHashMap<Integer, ConcurrentHashMap<String, Long>> bosTokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, AtomicInteger> bosLogins = new ConcurrentHashMap<>();

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

  /** A successful Braiins OS login: a new token, valid for {@link #BOS_TOKEN_TTL_MS}. */
  String bosLogin(int index, long nowMs) {
    bosLogins.computeIfAbsent(index, k -> new AtomicInteger()).incrementAndGet();
    ConcurrentHashMap<String, Long> tokens = bosTokens.computeIfAbsent(index, k -> new ConcurrentHashMap<>());
    tokens.values().removeIf(expires -> expires <= nowMs);
    String t = token(16);
    tokens.put(t, nowMs + BOS_TOKEN_TTL_MS);
    return t;
  }

  boolean bosValid(int index, String token, long nowMs) {
    if (token == null) return false;
    ConcurrentHashMap<String, Long> tokens = bosTokens.get(index);
    Long expires = tokens == null ? null : tokens.get(token);
    return expires != null && expires > nowMs;
  }

  /** Successful Braiins OS logins to this miner so far. */
  int bosLogins(int index) {
    AtomicInteger n = bosLogins.get(index);
    return n == null ? 0 : n.get();
  }

  /** Drops the miner's Braiins OS tokens, as a reboot of its API server does. */
  void bosForget(int index) {
    bosTokens.remove(index);
  }

  static String token(int length) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    char[] c = new char[length];
    for (int i = 0; i < length; i++) c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
    return new String(c);
  }
}
