package io.hashfleet.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.hashfleet.console.access.Principal;
import io.hashfleet.console.access.Sessions.Session;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's web server: the REST API under /api/, its OpenAPI document at /openapi.json, the
 * dashboard pages, and live updates over server-sent events, in the process that polls the fleet.
 *
 * <p>Every /api/ route but login needs a session cookie or an API token; with a cookie, anything
 * that changes state must also carry the session's CSRF token in {@value #CSRF_HEADER}, which a
 * page of another origin cannot read.
 */
public final class ConsoleServer implements AutoCloseable {
  static final String SESSION_COOKIE = "hf_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
  private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  /** @param secureCookies set when served over HTTPS (behind a TLS proxy), so the cookie never travels in clear */
  public record Settings(String host, int port, boolean secureCookies) {
    public static Settings local(int port) {
      return new Settings("127.0.0.1", port, false);
    }
  }

  private final Javalin app;
  private final LiveUpdates live;
  private final List<String> apiRoutes;
  private final AutoCloseable fleet;

  private ConsoleServer(Javalin app, LiveUpdates live, List<String> apiRoutes, AutoCloseable fleet) {
    this.app = app;
    this.live = live;
    this.apiRoutes = apiRoutes;
    this.fleet = fleet;
  }

  public static ConsoleServer start(ConsoleServices services, Settings settings) {
    List<String> routes = new ArrayList<>();
    LiveUpdates live = new LiveUpdates(services.fleet());
    Javalin app = Javalin.create(config -> configure(config, services, settings, live, routes));
    app.start(settings.host(), settings.port());
    live.start();
    return new ConsoleServer(app, live, List.copyOf(routes), services.fleet());
  }

  public int port() {
    return app.port();
  }

  /** "METHOD /path" of every API route, for checking the OpenAPI document against the code. */
  public List<String> apiRoutes() {
    return apiRoutes;
  }

  @Override
  public void close() {
    live.close();
    app.stop();
    try {
      fleet.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectMapper mapper() {
    // ISO-8601 text for every time type the API returns (Instant, day, month): what toString gives.
    SimpleModule times = new SimpleModule()
        .addSerializer(Instant.class, ToStringSerializer.instance)
        .addSerializer(java.time.LocalDate.class, ToStringSerializer.instance)
        .addSerializer(java.time.YearMonth.class, ToStringSerializer.instance);
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .registerModule(times);
  }

  private static void configure(JavalinConfig config, ConsoleServices services, Settings settings, LiveUpdates live, List<String> routes) {
    config.jsonMapper(new JavalinJackson(mapper(), false));
    // gzip at its fastest level: a 50,000-machine heatmap (2 MB of JSON) compresses in about 15 ms
    // at level 1 against about 95 ms at the default 6, for 14% more bytes (321 kB against 281 kB).
    config.http.compressionStrategy = new io.javalin.compression.CompressionStrategy(null, new io.javalin.compression.Gzip(1));
    config.startup.showJavalinBanner = false;
    config.staticFiles.enableWebjars();
    config.staticFiles.add(sf -> {
      sf.hostedPath = "/";
      sf.directory = "/io/hashfleet/console/web";
      sf.location = Location.CLASSPATH;
    });
    config.routes.before(ConsoleServer::securityHeaders);
    config.routes.before("/api/*", ctx -> authenticate(ctx, services));
    config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));

    Api api = new Api(config, routes);
    new AccessRoutes(services, settings).register(api);
    new FleetRoutes(services).register(api);
    new EnergyRoutes(services).register(api);
    new MoneyRoutes(services).register(api);
    new ReportRoutes(services).register(api);
    api.sse("/api/stream", client -> live.add(client, principal(client.ctx())));

    config.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(Map.of("error", e.getMessage())));
    config.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    config.routes.exception(com.fasterxml.jackson.core.JacksonException.class, (e, ctx) ->
        ctx.status(400).json(Map.of("error", "request body is not the JSON expected: " + e.getOriginalMessage())));
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
    });
  }

  /** Registers API routes and remembers them for the OpenAPI check. */
  static final class Api {
    private final JavalinConfig config;
    private final List<String> routes;

    Api(JavalinConfig config, List<String> routes) {
      this.config = config;
      this.routes = routes;
    }

    void get(String path, Handler h) {
      routes.add("GET " + path);
      config.routes.get(path, h);
    }

    void post(String path, Handler h) {
      routes.add("POST " + path);
      config.routes.post(path, h);
    }

    void delete(String path, Handler h) {
      routes.add("DELETE " + path);
      config.routes.delete(path, h);
    }

    void sse(String path, java.util.function.Consumer<io.javalin.http.sse.SseClient> h) {
      routes.add("GET " + path);
      config.routes.sse(path, h);
    }
  }

  private static void securityHeaders(Context ctx) {
    // Scripts only from this origin (the pages have no inline script), no framing. Inline style
    // attributes are allowed: the state colours of bars and legends are set that way, and a style
    // cannot run code.
    ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
        + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
  }

  private static void authenticate(Context ctx, ConsoleServices services) {
    if (ctx.path().equals("/api/login") && ctx.method() == HandlerType.POST) return;
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Principal p = services.accounts().authenticateToken(auth.substring(7).trim()).orElseThrow(ApiException::unauthorized);
      ctx.attribute("principal", p);
      return;
    }
    Session s = services.sessions().find(ctx.cookie(SESSION_COOKIE)).orElseThrow(ApiException::unauthorized);
    if (!SAFE.contains(ctx.method()) && !sameSecret(s.csrf(), ctx.header(CSRF_HEADER))) {
      throw ApiException.forbidden("missing or wrong " + CSRF_HEADER + " header (read it from GET /api/me)");
    }
    ctx.attribute("principal", s.principal());
    ctx.attribute("session", s);
  }

  private static boolean sameSecret(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  static Principal principal(Context ctx) {
    Principal p = ctx.attribute("principal");
    if (p == null) throw ApiException.unauthorized();
    return p;
  }

  static Session session(Context ctx) {
    return ctx.attribute("session");
  }
}
