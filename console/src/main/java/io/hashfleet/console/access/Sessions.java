package io.hashfleet.console.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, in memory: a restart logs everyone out, which is acceptable for a control room
 * and keeps session secrets out of the store. Each session carries its own CSRF token, which every
 * request that changes something must echo in a header (the cookie alone is not enough).
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;

  /** A logged-in browser: who, its CSRF token, and when it was last used. */
  public record Session(String id, Principal principal, String csrf, Instant lastSeen) {}

  public Sessions(Clock clock, Duration idle) {
    this.clock = clock;
    this.idle = idle;
  }

  public Session open(Principal principal) {
    Session s = new Session(randomToken(), principal, randomToken(), clock.instant());
    byId.put(s.id(), s);
    return s;
  }

  /** The live session for a cookie value, refreshed; empty when unknown or idle too long. */
  public Optional<Session> find(String id) {
    if (id == null) return Optional.empty();
    Session s = byId.get(id);
    if (s == null) return Optional.empty();
    Instant now = clock.instant();
    if (s.lastSeen().plus(idle).isBefore(now)) {
      byId.remove(id);
      return Optional.empty();
    }
    Session fresh = new Session(s.id(), s.principal(), s.csrf(), now);
    byId.put(id, fresh);
    return Optional.of(fresh);
  }

  public void close(String id) {
    if (id != null) byId.remove(id);
  }

  private static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
