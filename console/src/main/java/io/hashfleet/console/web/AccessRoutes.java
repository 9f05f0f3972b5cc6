package io.hashfleet.console.web;

import io.hashfleet.console.access.Principal;
import io.hashfleet.console.access.Role;
import io.hashfleet.console.access.Sessions.Session;
import io.hashfleet.console.access.Tenant;
import io.hashfleet.console.access.TenantKind;
import io.hashfleet.console.access.User;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Login and logout, who am I, API tokens, users, tenants and the audit log. */
final class AccessRoutes {
  private final ConsoleServices s;
  private final ConsoleServer.Settings settings;

  AccessRoutes(ConsoleServices services, ConsoleServer.Settings settings) {
    this.s = services;
    this.settings = settings;
  }

  record LoginRequest(String username, String password) {}

  record Me(String username, String role, Tenant tenant, String csrf, boolean commandsMiners, boolean admin) {
    static Me of(Principal p, String csrf) {
      return new Me(p.username(), p.role().code(), p.tenant(), csrf, p.role().commandsMiners(), p.role().admin());
    }
  }

  record TokenRequest(String label) {}

  record UserRequest(String username, String password, String role, String tenant) {}

  record UserRow(String username, String tenant, String role, java.time.Instant createdAt, boolean disabled) {
    static UserRow of(User u) {
      return new UserRow(u.username(), u.tenantId(), u.role().code(), u.createdAt(), u.disabled());
    }
  }

  void register(ConsoleServer.Api api) {
    api.post("/api/login", this::login);
    api.post("/api/logout", this::logout);
    api.get("/api/me", ctx -> {
      Session session = ConsoleServer.session(ctx);
      ctx.json(Me.of(ConsoleServer.principal(ctx), session == null ? null : session.csrf()));
    });
    api.get("/api/tokens", ctx -> ctx.json(s.accounts().tokens(ConsoleServer.principal(ctx).username())));
    api.post("/api/tokens", this::createToken);
    api.delete("/api/tokens/{id}", this::revokeToken);
    api.get("/api/tenants", ctx -> {
      Principal p = ConsoleServer.principal(ctx);
      ctx.json(p.seesEveryMiner() ? s.accounts().tenants() : List.of(p.tenant()));
    });
    api.get("/api/users", ctx -> {
      Principal p = requireAdmin(ctx);
      ctx.json(s.accounts().users(p.seesEveryMiner() ? null : p.tenant().id()).stream().map(UserRow::of).toList());
    });
    api.post("/api/users", this::createUser);
    api.get("/api/audit", ctx -> {
      Principal p = requireAdmin(ctx);
      ctx.json(s.audit().entries(p.seesEveryMiner() ? null : p.tenant().id(), Params.limit(ctx, 200, 5000)));
    });
  }

  private void login(Context ctx) {
    LoginRequest req = ctx.bodyAsClass(LoginRequest.class);
    if (req == null || req.username() == null || req.password() == null) throw new IllegalArgumentException("send {\"username\": ..., \"password\": ...}");
    String ip = ctx.ip();
    Duration wait = s.throttle().waitFor(req.username(), ip);
    if (!wait.isZero()) {
      s.audit().record(null, null, "login_throttled", req.username(), "refused for " + wait.toSeconds() + " s", ip);
      ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      throw new ApiException(429, "too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " s");
    }
    Optional<Principal> who = s.accounts().authenticate(req.username(), req.password().toCharArray());
    if (who.isEmpty()) {
      s.throttle().failed(req.username(), ip);
      s.audit().record(null, null, "login_failed", req.username(), null, ip);
      throw new ApiException(401, "wrong user name or password");
    }
    Principal p = who.get();
    s.throttle().succeeded(req.username());
    Session session = s.sessions().open(p);
    ctx.header("Set-Cookie", ConsoleServer.SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict"
        + (settings.secureCookies() ? "; Secure" : ""));
    s.audit().record(p, "login", null, null, ip);
    ctx.json(Me.of(p, session.csrf()));
  }

  private void logout(Context ctx) {
    Principal p = ConsoleServer.principal(ctx);
    Session session = ConsoleServer.session(ctx);
    if (session != null) s.sessions().close(session.id());
    ctx.header("Set-Cookie", ConsoleServer.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    s.audit().record(p, "logout", null, null, ctx.ip());
    ctx.json(Map.of("logged_out", p.username()));
  }

  private void createToken(Context ctx) {
    Principal p = ConsoleServer.principal(ctx);
    if (!p.role().createsTokens()) throw ApiException.forbidden("a " + p.role().code() + " cannot create API tokens");
    TokenRequest req = ctx.bodyAsClass(TokenRequest.class);
    String label = req == null || req.label() == null || req.label().isBlank() ? "script" : req.label().strip();
    var issued = s.accounts().createToken(p.username(), label);
    s.audit().record(p, "token_created", issued.id(), label, ctx.ip());
    ctx.status(201).json(issued);
  }

  private void revokeToken(Context ctx) {
    Principal p = ConsoleServer.principal(ctx);
    String id = ctx.pathParam("id");
    if (!s.accounts().revokeToken(p.username(), id)) throw ApiException.notFound("token " + id);
    s.audit().record(p, "token_revoked", id, null, ctx.ip());
    ctx.json(Map.of("revoked", id));
  }

  private void createUser(Context ctx) {
    Principal p = requireAdmin(ctx);
    UserRequest req = ctx.bodyAsClass(UserRequest.class);
    if (req == null || req.username() == null || req.password() == null || req.role() == null) {
      throw new IllegalArgumentException("send {\"username\", \"password\", \"role\", \"tenant\"}");
    }
    Role role = Role.of(req.role());
    String tenant = req.tenant() == null ? p.tenant().id() : req.tenant();
    // An owner's admin manages its own people only, and can never mint operator rights.
    if (!p.seesEveryMiner() && (!tenant.equals(p.tenant().id()) || !role.fits(TenantKind.OWNER))) {
      throw ApiException.forbidden("an owner's admin adds users to its own tenant only, as owner-admin, owner or viewer");
    }
    s.accounts().putUser(req.username(), tenant, role, req.password().toCharArray());
    s.audit().record(p, "user_saved", req.username(), role.code() + " of " + tenant, ctx.ip());
    ctx.status(201).json(UserRow.of(s.accounts().user(req.username()).orElseThrow()));
  }

  private static Principal requireAdmin(Context ctx) {
    Principal p = ConsoleServer.principal(ctx);
    if (!p.role().admin()) throw ApiException.forbidden("only an admin manages users and reads the audit log");
    return p;
  }
}
