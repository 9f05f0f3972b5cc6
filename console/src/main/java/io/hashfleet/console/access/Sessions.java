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
 * Browser sessions. Each carries its own CSRF token, which every request that changes something
 * must echo in a header (the cookie alone is not enough). They live in memory and, given
 * {@link Accounts}, in the store as well (V8, the cookie value only as its SHA-256), so restarting
 * the process does not log everyone out. A session read back after a restart takes its user's
 * role and tenant as they are then; a user removed or disabled meanwhile is logged out.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** How stale the stored last use may get: writing it on every request would be a write per click. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Map<String, Instant> storedLastSeen = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Accounts kept;

  /** A logged-in browser: who, its CSRF token, and when it was last used. */
  public record Session(String id, Principal principal, String csrf, Instant lastSeen) {}

  /** Sessions in memory only: a restart logs everyone out. */
  public Sessions(Clock clock, Duration idle) {
    this(clock, idle, null);
  }

  /** Sessions kept in the store of {@code kept} too; those idle too long are dropped now. */
  public Sessions(Clock clock, Duration idle, Accounts kept) {
    this.clock = clock;
    this.idle = idle;
    this.kept = kept;
    if (kept != null) kept.dropSessions(null, clock.instant().minus(idle));
  }

  public Session open(Principal principal) {
    Session s = new Session(randomToken(), principal, randomToken(), clock.instant());
    if (kept != null) {
      kept.keepSession(s.id(), principal.username(), s.csrf(), s.lastSeen());
      storedLastSeen.put(s.id(), s.lastSeen());
    }
    byId.put(s.id(), s);
    return s;
  }

  /** The live session for a cookie value, refreshed; empty when unknown or idle too long. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) return Optional.empty();
    Session s = byId.get(id);
    if (s == null && kept != null) s = fromStore(id);
    if (s == null) return Optional.empty();
    Instant now = clock.instant();
    if (s.lastSeen().plus(idle).isBefore(now)) {
      close(id);
      return Optional.empty();
    }
    Session fresh = new Session(s.id(), s.principal(), s.csrf(), now);
    byId.put(id, fresh);
    if (kept != null) {
      Instant stored = storedLastSeen.get(id);
      if (stored == null || stored.plus(TOUCH_EVERY).isBefore(now)) {
        kept.touchSession(id, now);
        storedLastSeen.put(id, now);
      }
    }
    return Optional.of(fresh);
  }

  private Session fromStore(String id) {
    Optional<Accounts.KeptSession> k = kept.keptSession(id);
    if (k.isEmpty()) return null;
    Optional<Principal> who = kept.principalOf(k.get().username());
    if (who.isEmpty()) {
      kept.dropSessions(id, null);
      return null;
    }
    storedLastSeen.put(id, k.get().lastSeen());
    return new Session(id, who.get(), k.get().csrf(), k.get().lastSeen());
  }

  public void close(String id) {
    if (id == null) return;
    byId.remove(id);
    storedLastSeen.remove(id);
    if (kept != null) kept.dropSessions(id, null);
  }

  private static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
