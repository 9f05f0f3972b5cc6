package io.hashfleet.console.access;

import io.hashfleet.domain.MinerAddress;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.UtcMicros;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tenants, users, miner ownership and API tokens, kept in the store (migration V6). */
public final class Accounts {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final FleetStore store;
  private final Clock clock;

  public Accounts(FleetStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  // Tenants

  /** Adds the tenant, or renames it when the id exists (its kind cannot change: that would move people's rights). */
  public void putTenant(Tenant t) {
    tenant(t.id()).ifPresent(old -> {
      if (old.kind() != t.kind()) throw new IllegalArgumentException("tenant " + t.id() + " is an " + old.kind().code() + "; its kind cannot change");
    });
    store.write("put tenant " + t.id(), c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO tenants VALUES (?, ?, ?, make_timestamp(?)) ON CONFLICT (id) DO UPDATE SET name = excluded.name")) {
        p.setString(1, t.id());
        p.setString(2, t.name());
        p.setString(3, t.kind().code());
        p.setLong(4, UtcMicros.of(clock.instant()));
        p.executeUpdate();
      }
      return null;
    });
  }

  public Optional<Tenant> tenant(String id) {
    return tenants().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public List<Tenant> tenants() {
    return store.read("tenants", c -> {
      List<Tenant> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id, name, kind FROM tenants ORDER BY kind DESC, id"); ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(new Tenant(rs.getString(1), rs.getString(2), TenantKind.of(rs.getString(3))));
      }
      return out;
    });
  }

  /** The tenant, which must exist and be an owner; {@code why} ends the message for the operator. */
  private Tenant requireOwner(String tenantId, String why) {
    Tenant t = tenant(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant '" + tenantId + "'"));
    if (t.kind() != TenantKind.OWNER) throw new IllegalArgumentException("tenant " + tenantId + " is the operator: " + why);
    return t;
  }

  /**
   * Makes {@code tenant} the owner of these miners (replacing any previous owner). Returns how many
   * distinct miners. One set-based statement over an array of addresses: row-by-row upserts grew
   * superlinearly in DuckDB (47 s for 16,000 miners), this takes well under a second for 350,000.
   */
  public int assignMiners(String tenantId, Collection<MinerAddress> miners) {
    requireOwner(tenantId, "only owners own miners");
    // Distinct first: ON CONFLICT cannot touch the same row twice in one statement.
    String[] addresses = miners.stream().map(MinerAddress::toString).distinct().toArray(String[]::new);
    if (addresses.length == 0) return 0;
    return store.write("assign " + addresses.length + " miners to " + tenantId, c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO miner_owners SELECT address, ? FROM (SELECT unnest(?) AS address) "
              + "ON CONFLICT (address) DO UPDATE SET tenant = excluded.tenant")) {
        p.setString(1, tenantId);
        p.setArray(2, c.createArrayOf("VARCHAR", addresses));
        p.executeUpdate();
      }
      return addresses.length;
    });
  }

  /** How many miners each owner tenant owns; owners without miners are absent. */
  public Map<String, Integer> minerCounts() {
    return store.read("miners per owner", c -> {
      Map<String, Integer> out = new HashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT tenant, count(*) FROM miner_owners GROUP BY tenant"); ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
      }
      return out;
    });
  }

  /** The owner tenant of a miner, if any. */
  public Optional<String> ownerOf(MinerAddress miner) {
    return store.read("owner of " + miner, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT tenant FROM miner_owners WHERE address = ?")) {
        p.setString(1, miner.toString());
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  // Books

  /** The owner whose payouts and treasury ledger this store keeps, if one was named. */
  public Optional<String> booksTenant() {
    return store.read("books tenant", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT value FROM settings WHERE key = 'books_tenant'"); ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    });
  }

  /**
   * The books an owner tenant reads and writes (store V9): its own rows, plus the store's default
   * (untenanted) rows when it is the books tenant. Validates that {@code tenantId} is an owner.
   */
  public Books booksOf(String tenantId) {
    requireOwner(tenantId, "books are an owner's");
    return books(tenantId);
  }

  /** The books read when no owner is named: the books tenant's (default rows included), else the default books alone. */
  public Books defaultBooks() {
    return booksTenant().map(this::books).orElse(Books.DEFAULT);
  }

  private Books books(String ownerId) {
    return Books.of(ownerId, booksTenant().map(ownerId::equals).orElse(false));
  }

  /**
   * The books this principal may see: its owner tenant's, if the store keeps any for it (it is
   * the books tenant, or rows name it). Empty for the operator, who hosts the machines, not the
   * coins, and for an owner the store keeps no books for.
   */
  public Optional<Books> booksFor(Principal who) {
    if (who.ownerTenant() == null) return Optional.empty();
    Books b = books(who.ownerTenant());
    return b.includesDefault() || b.anyIn(store) ? Optional.of(b) : Optional.empty();
  }

  /** Whether this principal sees payouts and a treasury at all: see {@link #booksFor}, which says whose. */
  public boolean booksVisibleTo(Principal who) {
    return booksFor(who).isPresent();
  }

  /** Names the owner whose payouts and ledger these are; only that owner's people see them in the console. */
  public void setBooksTenant(String tenantId) {
    requireOwner(tenantId, "the books are an owner's");
    store.write("set books tenant", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO settings VALUES ('books_tenant', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
        p.setString(1, tenantId);
        p.executeUpdate();
      }
      return null;
    });
  }

  // Users

  /** Adds a user, or resets its role and password when it exists. */
  public void putUser(String username, String tenantId, Role role, char[] password) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException("user name '" + username + "' must be 1-64 letters, digits or . _ @ -");
    }
    Tenant t = tenant(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant '" + tenantId + "'"));
    if (!role.fits(t.kind())) {
      throw new IllegalArgumentException("role " + role.code() + " does not fit tenant " + tenantId + " (an " + t.kind().code() + ")");
    }
    String hash = Passwords.hash(password);
    store.write("put user " + username, c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, make_timestamp(?), false) ON CONFLICT (username)"
          + " DO UPDATE SET tenant = excluded.tenant, role = excluded.role, password_hash = excluded.password_hash, disabled = false")) {
        p.setString(1, username);
        p.setString(2, tenantId);
        p.setString(3, role.code());
        p.setString(4, hash);
        p.setLong(5, UtcMicros.of(clock.instant()));
        p.executeUpdate();
      }
      return null;
    });
  }

  public Optional<User> user(String username) {
    return store.read("user " + username, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT username, tenant, role, password_hash, epoch_us(created_at), disabled FROM users WHERE username = ?")) {
        p.setString(1, username);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(user(rs)) : Optional.empty();
        }
      }
    });
  }

  public List<User> users(String tenantIdOrNull) {
    return store.read("users", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT username, tenant, role, password_hash, epoch_us(created_at), disabled FROM users"
          + " WHERE ? IS NULL OR tenant = ? ORDER BY tenant, username")) {
        p.setString(1, tenantIdOrNull);
        p.setString(2, tenantIdOrNull);
        List<User> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) out.add(user(rs));
        }
        return out;
      }
    });
  }

  /** The principal for a name and password, or empty when either is wrong or the user is disabled. */
  public Optional<Principal> authenticate(String username, char[] password) {
    Optional<User> u = username == null ? Optional.empty() : user(username);
    boolean ok = Passwords.verify(password, u.map(User::passwordHash).orElse(null));
    if (!ok || u.get().disabled()) return Optional.empty();
    return principal(u.get());
  }

  Optional<Principal> principal(User u) {
    return tenant(u.tenantId()).map(t -> new Principal(u.username(), t, u.role()));
  }

  // API tokens

  /** A new token for scripts, shown once: only its SHA-256 is kept. */
  public IssuedToken createToken(String username, String label) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "hf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String sha = sha256(token);
    store.write("create token for " + username, c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO api_tokens VALUES (?, ?, ?, make_timestamp(?), NULL)")) {
        p.setString(1, sha);
        p.setString(2, username);
        p.setString(3, label);
        p.setLong(4, UtcMicros.of(clock.instant()));
        p.executeUpdate();
      }
      return null;
    });
    return new IssuedToken(tokenId(sha), label, token);
  }

  // Console sessions (V8): kept so that a restart does not log everyone out

  /** A session as the store keeps it: whose it is, its CSRF token and when it was last used. */
  public record KeptSession(String username, String csrf, Instant lastSeen) {}

  void keepSession(String id, String username, String csrf, Instant at) {
    store.write("keep a console session", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO console_sessions VALUES (?, ?, ?, make_timestamp(?), make_timestamp(?))"
          + " ON CONFLICT (id_sha256) DO UPDATE SET last_seen = excluded.last_seen")) {
        p.setString(1, sha256(id));
        p.setString(2, username);
        p.setString(3, csrf);
        p.setLong(4, UtcMicros.of(at));
        p.setLong(5, UtcMicros.of(at));
        p.executeUpdate();
      }
      return null;
    });
  }

  Optional<KeptSession> keptSession(String id) {
    return store.read("console session lookup", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT username, csrf, epoch_us(last_seen) FROM console_sessions WHERE id_sha256 = ?")) {
        p.setString(1, sha256(id));
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(new KeptSession(rs.getString(1), rs.getString(2), UtcMicros.toInstant(rs.getLong(3)))) : Optional.empty();
        }
      }
    });
  }

  void touchSession(String id, Instant at) {
    store.write("touch a console session", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE console_sessions SET last_seen = make_timestamp(?) WHERE id_sha256 = ?")) {
        p.setLong(1, UtcMicros.of(at));
        p.setString(2, sha256(id));
        p.executeUpdate();
      }
      return null;
    });
  }

  /** Ends one session ({@code id} given) or every session idle since before {@code idleSince}. */
  void dropSessions(String id, Instant idleSince) {
    store.write("drop console sessions", c -> {
      try (PreparedStatement p = c.prepareStatement(id != null ? "DELETE FROM console_sessions WHERE id_sha256 = ?"
          : "DELETE FROM console_sessions WHERE last_seen < make_timestamp(?)")) {
        if (id != null) p.setString(1, sha256(id));
        else p.setLong(1, UtcMicros.of(idleSince));
        p.executeUpdate();
      }
      return null;
    });
  }

  /** The principal a user name stands for now, unless the user is gone or disabled. */
  Optional<Principal> principalOf(String username) {
    return user(username).filter(u -> !u.disabled()).flatMap(this::principal);
  }

  /** The principal a bearer token stands for, unless revoked or its user disabled. */
  public Optional<Principal> authenticateToken(String token) {
    if (token == null || !token.startsWith("hf_")) return Optional.empty();
    String sha = sha256(token);
    Optional<String> username = store.read("token lookup", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT username FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL")) {
        p.setString(1, sha);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
    return username.flatMap(this::user).filter(u -> !u.disabled()).flatMap(this::principal);
  }

  public List<TokenInfo> tokens(String username) {
    return store.read("tokens of " + username, c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT token_sha256, label, epoch_us(created_at), epoch_us(revoked_at) FROM api_tokens"
          + " WHERE username = ? ORDER BY created_at")) {
        p.setString(1, username);
        List<TokenInfo> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            // wasNull speaks of the last column read, so ask right after reading revoked_at.
            long revokedUs = rs.getLong(4);
            java.time.Instant revoked = rs.wasNull() ? null : UtcMicros.toInstant(revokedUs);
            out.add(new TokenInfo(tokenId(rs.getString(1)), rs.getString(2), UtcMicros.toInstant(rs.getLong(3)), revoked));
          }
        }
        return out;
      }
    });
  }

  /** Revokes one of the user's own tokens by its id; false when the user has no such live token. */
  public boolean revokeToken(String username, String tokenId) {
    return store.write("revoke token", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE api_tokens SET revoked_at = make_timestamp(?) WHERE username = ?"
          + " AND starts_with(token_sha256, ?) AND revoked_at IS NULL")) {
        p.setLong(1, UtcMicros.of(clock.instant()));
        p.setString(2, username);
        p.setString(3, tokenId);
        return tokenId.length() == 12 && p.executeUpdate() == 1;
      }
    });
  }

  /** @param token the secret, shown to the user once */
  public record IssuedToken(String id, String label, String token) {}

  public record TokenInfo(String id, String label, java.time.Instant createdAt, java.time.Instant revokedAt) {}

  private static String tokenId(String sha) {
    return sha.substring(0, 12);
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4), UtcMicros.toInstant(rs.getLong(5)), rs.getBoolean(6));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
