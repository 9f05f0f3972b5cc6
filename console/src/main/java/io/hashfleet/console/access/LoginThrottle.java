package io.hashfleet.console.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: a user name and a client address each get a few failed logins per
 * window, then are refused until the oldest failure leaves the window. Counting per name stops a
 * botnet guessing one account; counting per address stops one client spraying many accounts.
 */
public final class LoginThrottle {
  private final Clock clock;
  private final Duration window;
  private final int perUser;
  private final int perAddress;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, Duration window, int perUser, int perAddress) {
    this.clock = clock;
    this.window = window;
    this.perUser = perUser;
    this.perAddress = perAddress;
  }

  public static LoginThrottle standard(Clock clock) {
    return new LoginThrottle(clock, Duration.ofMinutes(15), 5, 20);
  }

  /** How long this login must wait, or {@link Duration#ZERO} when it may try now. */
  public Duration waitFor(String username, String clientIp) {
    Instant now = clock.instant();
    Duration a = wait(userKey(username), perUser, now);
    Duration b = wait("ip:" + clientIp, perAddress, now);
    return a.compareTo(b) >= 0 ? a : b;
  }

  public void failed(String username, String clientIp) {
    Instant now = clock.instant();
    add(userKey(username), now);
    add("ip:" + clientIp, now);
  }

  /** A good login clears the name's failures (not the address's: one success must not reopen a spray). */
  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private static String userKey(String username) {
    return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
  }

  private void add(String key, Instant now) {
    Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (q) {
      prune(q, now);
      q.addLast(now);
    }
  }

  private Duration wait(String key, int limit, Instant now) {
    Deque<Instant> q = failures.get(key);
    if (q == null) return Duration.ZERO;
    synchronized (q) {
      prune(q, now);
      if (q.size() < limit) return Duration.ZERO;
      // The oldest failure that keeps the count at the limit must leave the window first.
      Instant oldest = q.toArray(Instant[]::new)[q.size() - limit];
      return Duration.between(now, oldest.plus(window));
    }
  }

  private void prune(Deque<Instant> q, Instant now) {
    while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) q.removeFirst();
  }
}
