package io.hashfleet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.ConsoleAudit;
import io.hashfleet.console.access.LoginThrottle;
import io.hashfleet.console.access.Principal;
import io.hashfleet.console.access.Sessions;
import io.hashfleet.console.demo.DemoAccounts;
import io.hashfleet.console.energy.EnergyView;
import io.hashfleet.console.fleet.FleetView;
import io.hashfleet.console.fleet.MinerFilter;
import io.hashfleet.console.web.ConsoleServer;
import io.hashfleet.console.web.ConsoleServices;
import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import io.hashfleet.store.internal.SqlText;
import io.hashfleet.store.internal.Times;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.HdrHistogram.Histogram;

/**
 * Latency of the console's REST API over a store of 350,000 miners (issue 5: p95 under 100 ms for
 * the overview and site endpoints).
 *
 * <p>Run (after {@code ./mvnw -B -Pbench -DskipTests package}):
 * {@code java --enable-native-access=ALL-UNNAMED -Xmx8g -cp benchmarks/target/benchmarks.jar
 * io.hashfleet.bench.ConsoleApiHarness --miners 350000 --store console-350k.duckdb [--site dallas]
 * [--warmup 30] [--requests 200] [--clients 4] [--raw-hours 0]}
 *
 * <p>The store (about 75 MB) is created on the first run and reused after: the registry, at seven
 * sites of 50,000 miners in racks of 40 (60% S19 XP, 30% S21, 10% M50S by rack), and the demo's
 * tenants (DemoAccounts: even racks to one owner, odd to the other, so each owner sees half of
 * every site). Every run then rewrites what a running collector keeps moving, stamped with this
 * run's clock so the console's "last 24 hours" has data:
 *
 * <ul>
 *   <li>one to two minutes of raw samples per miner (one poll a minute), and {@code latest} as the
 *       newest of each: 94% ok, 2% offline, 1% curtailed, the rest split among the other states;
 *       hashrate and power within 3% of the model's nameplate (less for the degraded states);
 *   <li>24 hours of minute rollups for the fleet, every site, model, owner and owner's site, with
 *       the watermark a minute before now: the collector rolls up once a minute, so a live query
 *       always has a minute or two of raw samples to add to the rollups;
 *   <li>an open alert for every miner in a problem state (about 5%, 17,500 at 350,000 miners).
 * </ul>
 *
 * <p>Then it starts the console in this JVM on a free port and measures, for an operator (who sees
 * every miner) and an owner (half of them), each endpoint the overview and site pages call, over
 * HTTP as a browser does (gzip accepted): first one client at a time, then several at once. Last,
 * it times the parts of each answer in process (the view's queries, JSON encoding, gzip) to show
 * where the time goes.
 */
public final class ConsoleApiHarness {
  static final List<String> SITES = List.of("dallas", "odessa", "midland", "abilene", "rockdale", "corsicana", "pecos");
  static final int RACK_SIZE = 40;
  /** The rack's model by rack number modulo 10: six S19 XP, three S21, one M50S. */
  static final List<String> RACK_MODELS = List.of("s19xp", "s19xp", "s19xp", "s19xp", "s19xp", "s19xp", "s21", "s21", "s21", "m50s");
  static final String OPERATOR_USER = "ops";
  static final String OWNER_USER = DemoAccounts.OWNER_A;

  /** @param rawHours hours of raw samples kept before the rollup watermark, as a collector's retention keeps them */
  record Options(Path store, int miners, String site, int warmup, int requests, int clients, int rawHours) {
    static Options parse(String[] args) {
      Map<String, String> named = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
        named.put(args[i], args[i + 1]);
      }
      if (!named.containsKey("--store")) throw new IllegalArgumentException("--store FILE is required");
      return new Options(Path.of(named.get("--store")).toAbsolutePath(), Integer.parseInt(named.getOrDefault("--miners", "350000")),
          named.getOrDefault("--site", SITES.get(0)), Integer.parseInt(named.getOrDefault("--warmup", "30")),
          Integer.parseInt(named.getOrDefault("--requests", "200")), Integer.parseInt(named.getOrDefault("--clients", "4")),
          Integer.parseInt(named.getOrDefault("--raw-hours", "0")));
    }
  }

  /** A user of the API: the token goes over HTTP, the principal into the in-process profile. */
  record Caller(String label, String token, Principal principal) {}

  /** One API call, and the same work done in process for the profile. */
  /** @param kept served from the answer FleetView keeps fresh in the background, so a request does not pay for {@code view} */
  record Endpoint(String name, String path, boolean kept, java.util.function.Function<Principal, Object> view) {}

  /** What one measured request returned. */
  record Reply(long nanos, int wireBytes, byte[] json) {}

  /** Latencies of one endpoint for one caller, in microseconds. */
  record Result(Caller caller, Endpoint endpoint, Histogram micros, int jsonBytes, int wireBytes, double seconds) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (RuntimeException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: ConsoleApiHarness --store FILE [--miners 350000] [--site dallas] [--warmup 30] [--requests 200] [--clients 4] [--raw-hours 0]");
      System.exit(64);
      return;
    }
    new ConsoleApiHarness(options).run();
  }

  private final Options options;
  private final ModelCatalog catalog = ModelCatalog.bundled();
  private final Clock clock = Clock.systemUTC();
  private final ObjectMapper mapper = mapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  ConsoleApiHarness(Options options) {
    this.options = options;
  }

  void run() throws Exception {
    try (FleetStore store = FleetStore.open(options.store())) {
      Accounts accounts = new Accounts(store, clock);
      prepareRegistry(store, accounts);
      long t0 = System.nanoTime();
      writeRecentState(store, clock.instant());
      System.err.printf("samples, latest, 24 h of minute rollups and alerts written in %.1f s%n", (System.nanoTime() - t0) / 1e9);

      FleetView fleet = new FleetView(store, catalog, clock, null);
      ConsoleServices services = new ConsoleServices(accounts, new Sessions(clock, Duration.ofHours(8)), LoginThrottle.standard(clock),
          new ConsoleAudit(store, clock), fleet, new EnergyView(new AuditTrail(store), fleet), null, null, null, clock);
      try (ConsoleServer server = ConsoleServer.start(services, ConsoleServer.Settings.local(0))) {
        String base = "http://127.0.0.1:" + server.port();
        List<Caller> callers = List.of(caller(accounts, OPERATOR_USER, "operator"), caller(accounts, OWNER_USER, "owner"));
        List<Endpoint> endpoints = endpoints(fleet, options.site());

        System.out.printf("%n%,d miners, site %s; %d warm-up requests, then %d measured, per endpoint and user%n", store.minerCount(),
            options.site(), options.warmup(), options.requests());
        List<Result> sequential = new ArrayList<>();
        for (Caller c : callers) {
          for (Endpoint e : endpoints) {
            check(base, c, e);
            for (int i = 0; i < options.warmup(); i++) get(base + e.path(), c.token());
            sequential.add(measure(base, c, e, 1));
          }
        }
        print("one client at a time", sequential);

        List<Result> concurrent = new ArrayList<>();
        for (Caller c : callers) for (Endpoint e : endpoints) concurrent.add(measure(base, c, e, options.clients()));
        print(options.clients() + " clients at once, same endpoint", concurrent);

        profile(store, callers, endpoints, sequential);
      }
    }
  }

  // Data

  /** The registry and the demo's tenants, users and ownership (racks alternate), once per store file. */
  private void prepareRegistry(FleetStore store, Accounts accounts) {
    List<FleetMiner> fleet = layout(options.miners());
    int present = store.minerCount();
    if (present == 0) {
      long t0 = System.nanoTime();
      store.upsertMiners(fleet);
      System.err.printf("registered %,d miners in %.1f s%n", fleet.size(), (System.nanoTime() - t0) / 1e9);
    } else if (present != fleet.size()) {
      throw new IllegalStateException(options.store() + " holds " + present + " miners, not " + fleet.size() + ": use another file");
    }
    if (accounts.tenants().isEmpty()) {
      long t0 = System.nanoTime();
      DemoAccounts.create(accounts, fleet);
      System.err.printf("demo tenants, users and owners of %,d miners written in %.1f s%n", fleet.size(), (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * Seven sites (as many miners each as fit), racks of 40 of one model, and an address block per
   * rack: 10.(site, rack / 250).(rack % 250).(10 + position).
   */
  List<FleetMiner> layout(int miners) {
    int perSite = (miners + SITES.size() - 1) / SITES.size();
    List<FleetMiner> out = new ArrayList<>(miners);
    for (int i = 0; i < miners; i++) {
      int site = i / perSite;
      int local = i % perSite;
      int rack = local / RACK_SIZE;
      int position = local % RACK_SIZE + 1;
      String host = "10." + (1 + site * 10 + rack / 250) + "." + (rack % 250) + "." + (10 + position);
      AsicModel model = catalog.byId(RACK_MODELS.get(rack % RACK_MODELS.size())).orElseThrow();
      Dialect dialect = model.make() == Make.WHATSMINER ? Dialect.WHATSMINER : Dialect.BITMAIN;
      String firmware = model.make() == Make.WHATSMINER ? "btminer 3.1.0" : "bmminer 1.0.0";
      out.add(new FleetMiner(MinerAddress.of(host), new MinerIdentity(model.make(), model.name(), model.id(), dialect, firmware, null),
          new MinerLocation(SITES.get(site), String.format("R%04d", rack + 1), position)));
    }
    return out;
  }

  /**
   * Each miner's state for this run, decided by a hash of its address so reruns agree: the health
   * (per mille ranges below), its figures as a share of the model's nameplate, and the second of
   * the minute at which the collector polls it.
   */
  static final String MINER_STATE = """
      CREATE OR REPLACE TEMP TABLE bench_miners AS
      SELECT m.address, m.site, m.model_id, h.health, h.detail, h.answered, m.poll_offset_us,
             CASE WHEN h.answered THEN round(s.nominal_mhs * h.mhs_factor * (0.97 + 0.06 * m.bin_mhs))::BIGINT ELSE 0 END AS hashrate_mhs,
             CASE WHEN h.answered THEN round(s.watts * h.w_factor * (0.97 + 0.06 * m.bin_w))::INTEGER END AS power_w,
             CASE WHEN h.answered THEN round(h.temp_c + 6 * m.bin_temp, 1) END AS temp_max_c,
             CASE WHEN h.answered THEN h.boards END AS boards_alive,
             CASE WHEN h.answered THEN 3 END AS boards_total,
             CASE WHEN h.answered THEN h.fan_min END AS fan_min_rpm,
             CASE WHEN h.answered THEN h.fan_max END AS fan_max_rpm
      FROM (
        SELECT address, site, model_id, hash(address, 'health') % 1000 AS roll,
               (hash(address, 'mhs') % 65536) / 65536.0 AS bin_mhs, (hash(address, 'w') % 65536) / 65536.0 AS bin_w,
               (hash(address, 'temp') % 65536) / 65536.0 AS bin_temp, (hash(address, 'poll') % {minute})::BIGINT AS poll_offset_us
        FROM miners
      ) m
      JOIN (VALUES {specs}) s(model_id, nominal_mhs, watts) USING (model_id)
      JOIN (VALUES
        ('offline',        0,   20, false, 0.0,   0.0,   0.0, 0, 0,    0,    'connect timed out'),
        ('overheat',      20,   30, true,  0.85,  0.95, 92.0, 3, 6000, 6300, 'chip 95 C'),
        ('dead_board',    30,   36, true,  0.667, 0.70, 68.0, 2, 5400, 5600, 'hashboard 2 of 3 not hashing'),
        ('fan_failure',   36,   40, true,  1.0,   1.0,  80.0, 3, 0,    6000, 'fan 3 at 0 rpm'),
        ('low_hashrate',  40,   45, true,  0.80,  0.95, 70.0, 3, 5400, 5600, 'hashrate 80% of nominal'),
        ('no_pool',       45,   48, true,  0.0,   0.35, 55.0, 3, 5400, 5600, 'no pool alive'),
        ('high_rejects',  48,   50, true,  1.0,   1.0,  68.0, 3, 5400, 5600, 'rejects 3.2%'),
        ('curtailed',     50,   60, true,  0.0,   0.005, 35.0, 3, 0,   0,    'sleeping: curtailed'),
        ('ok',            60, 1000, true,  1.0,   1.0,  62.0, 3, 5400, 5600, NULL)
      ) h(health, lo, hi, answered, mhs_factor, w_factor, temp_c, boards, fan_min, fan_max, detail)
        ON m.roll >= h.lo AND m.roll < h.hi
      """;

  /**
   * A poll a minute per miner from the watermark (or --raw-hours before it) to now; the hashrate
   * moves ±1% from poll to poll.
   */
  static final String SAMPLES = """
      INSERT INTO samples BY NAME
      SELECT make_timestamp(b.us + g.poll_offset_us) AS sampled_at, g.address, g.health, g.detail, g.answered,
             CASE WHEN g.answered THEN round(g.hashrate_mhs * (0.99 + 0.02 * (hash(g.address, b.us) % 65536) / 65536.0))::BIGINT ELSE 0 END
               AS hashrate_mhs,
             g.hashrate_mhs AS hashrate_avg_mhs, g.power_w, g.temp_max_c, g.boards_alive, g.boards_total, g.fan_min_rpm, g.fan_max_rpm,
             CASE WHEN g.answered THEN 86400 END AS uptime_s,
             CASE WHEN g.answered THEN 'stratum+tcp://pool.example:3333' END AS pool_url,
             g.model_id, g.site
      FROM range({raw_from}, {now}, {minute}) b(us) CROSS JOIN bench_miners g
      WHERE b.us + g.poll_offset_us < {now}
      """;

  static final String LATEST = """
      INSERT INTO latest BY NAME
      SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY address ORDER BY sampled_at DESC) AS rn FROM samples) WHERE rn = 1
      """;

  /**
   * Minute rollups for the 24 hours before the watermark, for the scopes the store's rollup writes
   * (rollup_group.sql): the miners' current figures, with ±0.5% per minute on the hashrate.
   */
  static final String ROLLUPS = """
      INSERT INTO rollup_group_1m
      SELECT make_timestamp(b.us), g.scope_kind, g.scope_key,
             round(g.hashrate_mhs * (0.995 + 0.01 * (hash(g.scope_kind, g.scope_key, b.us) % 65536) / 65536.0))::BIGINT,
             g.power_w, g.reporting, g.ok, g.miners, g.reporting
      FROM (
        SELECT CASE WHEN grouping(owner) = 0 AND grouping(site) = 0 THEN 'owner_site' WHEN grouping(owner) = 0 THEN 'owner'
                    WHEN grouping(site) = 0 THEN 'site' WHEN grouping(model_id) = 0 THEN 'model' ELSE 'fleet' END AS scope_kind,
               CASE WHEN grouping(owner) = 0 AND grouping(site) = 0 THEN owner || '/' || site WHEN grouping(owner) = 0 THEN owner
                    WHEN grouping(site) = 0 THEN site WHEN grouping(model_id) = 0 THEN model_id ELSE '' END AS scope_key,
               sum(hashrate_mhs) AS hashrate_mhs, sum(power_w) AS power_w, count(*) FILTER (WHERE answered) AS reporting,
               count(*) FILTER (WHERE health = 'ok') AS ok, count(*) AS miners
        FROM (
          SELECT coalesce(g.site, '') AS site, coalesce(g.model_id, '') AS model_id, o.tenant AS owner, g.hashrate_mhs, g.power_w,
                 g.answered, g.health
          FROM bench_miners g LEFT JOIN miner_owners o ON o.address = g.address
        ) x
        GROUP BY GROUPING SETS ((), (site), (model_id), (owner), (owner, site))
        HAVING grouping(owner) = 1 OR owner IS NOT NULL
      ) g CROSS JOIN range({watermark} - {day}, {watermark}, {minute}) b(us)
      """;

  /** Only the minute rollup gets a watermark: it is the one the console's 24-hour figures read. */
  static final String WATERMARK = """
      INSERT INTO rollup_state VALUES ('group_1m', make_timestamp({watermark}))
      ON CONFLICT (rollup) DO UPDATE SET rolled_to = excluded.rolled_to
      """;

  /** An open alert per miner in a problem state, opened some time in the last two days. */
  static final String ALERTS = """
      INSERT INTO alerts (address, kind, opened, closed, detail)
      SELECT address, health, make_timestamp({now} - (hash(address, 'alert') % (2 * {day}))::BIGINT), NULL, detail
      FROM bench_miners WHERE health NOT IN ('ok', 'curtailed')
      """;

  /**
   * Replaces the time-dependent tables with the state a collector would leave at {@code now}, in
   * one transaction. The watermark is a minute before the current minute: the collector's
   * housekeeping rolls up once a minute, so live queries add one to two minutes of raw samples.
   */
  private void writeRecentState(FleetStore store, Instant now) {
    long nowUs = Times.micros(now);
    long watermark = Times.floor(nowUs, Times.MINUTE_US) - Times.MINUTE_US;
    String specs = RACK_MODELS.stream().distinct().map(id -> catalog.byId(id).orElseThrow())
        .map(m -> "('" + m.id() + "', " + m.nominal().mhs() + ", " + m.watts() + ")").collect(Collectors.joining(", "));
    Map<String, Object> values = Map.of("now", nowUs, "watermark", watermark, "raw_from", watermark - options.rawHours() * Times.HOUR_US,
        "minute", Times.MINUTE_US, "day", 24 * Times.HOUR_US, "specs", specs);
    store.write("console benchmark state", c -> {
      try (Statement s = c.createStatement()) {
        for (String table : List.of("samples", "latest", "rollup_group_1m", "alerts")) s.execute("DELETE FROM " + table);
        for (String sql : List.of(MINER_STATE, SAMPLES, LATEST, ROLLUPS, WATERMARK, ALERTS)) s.execute(SqlText.fill(sql, values));
        s.execute("DROP TABLE bench_miners");
      }
      return null;
    });
  }

  // Callers and endpoints

  private static Caller caller(Accounts accounts, String username, String label) {
    String token = accounts.createToken(username, "console benchmark").token();
    Principal p = accounts.authenticateToken(token).orElseThrow();
    return new Caller(label + " (" + username + ")", token, p);
  }

  /** What the overview and site pages call, with the in-process equivalent of each. */
  private static List<Endpoint> endpoints(FleetView fleet, String site) {
    return List.of(
        new Endpoint("overview", "/api/overview", true, fleet::computeOverview),
        new Endpoint("sites", "/api/sites", true, p -> fleet.computeOverview(p).sites()),
        new Endpoint("site", "/api/sites/" + site, true, p -> fleet.computeOverview(p).sites().stream().filter(x -> x.site().equals(site)).findFirst().orElseThrow()),
        new Endpoint("heatmap", "/api/sites/" + site + "/heatmap", true, p -> fleet.computeHeatmap(p, site).orElseThrow()),
        new Endpoint("miners", "/api/miners?site=" + site + "&limit=100", false, p -> fleet.miners(p, new MinerFilter(site, null, null, null, 0, 100))));
  }

  // HTTP

  private Reply get(String url, String token) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Accept-Encoding", "gzip").GET().build();
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    long nanos = System.nanoTime() - t0;
    if (r.statusCode() != 200) throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + new String(r.body()));
    boolean gzipped = r.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
    return new Reply(nanos, r.body().length, gzipped ? gunzip(r.body()) : r.body());
  }

  /** One request whose answer is read, so a benchmark of an empty or wrong answer cannot pass unnoticed. */
  private void check(String base, Caller c, Endpoint e) throws IOException, InterruptedException {
    JsonNode body = mapper.readTree(get(base + e.path(), c.token()).json());
    String seen = switch (e.name()) {
      case "overview" -> String.format("%,d miners, %,d answering, %,d open alerts, uptime 24 h %s%%", body.get("miners").asLong(),
          body.get("answering").asLong(), body.get("open_alerts").asLong(), body.get("uptime_pct24h"));
      case "sites" -> body.size() + " sites";
      case "site" -> String.format("%,d miners", body.get("miners").asLong());
      case "heatmap" -> String.format("%,d cells in %,d racks", body.get("address").size(), body.get("racks").size());
      case "miners" -> String.format("%d rows of %,d", body.get("miners").size(), body.get("total").asLong());
      default -> "";
    };
    System.err.printf("  %s %s: %s%n", c.label(), e.path(), seen);
  }

  /** {@code requests} requests spread over {@code clients} threads, each sending its next as soon as the last is answered. */
  private Result measure(String base, Caller c, Endpoint e, int clients) throws Exception {
    int each = options.requests() / clients;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Callable<Histogram>> tasks = new ArrayList<>();
      int[] sizes = new int[2];
      for (int t = 0; t < clients; t++) {
        tasks.add(() -> {
          Histogram h = new Histogram(60_000_000L, 3);
          for (int i = 0; i < each; i++) {
            Reply r = get(base + e.path(), c.token());
            h.recordValue(Math.max(1, r.nanos() / 1000));
            sizes[0] = r.json().length;
            sizes[1] = r.wireBytes();
          }
          return h;
        });
      }
      long t0 = System.nanoTime();
      Histogram all = new Histogram(60_000_000L, 3);
      for (Future<Histogram> f : pool.invokeAll(tasks)) all.add(f.get());
      return new Result(c, e, all, sizes[0], sizes[1], (System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  private static void print(String title, List<Result> results) {
    System.out.printf("%n%s%n%n", title);
    System.out.println("| user | endpoint | p50 ms | p95 ms | p99 ms | max ms | requests/s | JSON | on the wire (gzip) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      Histogram h = r.micros();
      System.out.printf("| %s | `%s` | %.1f | %.1f | %.1f | %.1f | %.0f | %s | %s |%n", r.caller().label(), r.endpoint().path(),
          h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
          h.getTotalCount() / r.seconds(), bytes(r.jsonBytes()), bytes(r.wireBytes()));
    }
  }

  // Where the time goes

  /**
   * The same answers computed in process: the view (its SQL and the Java that shapes the rows),
   * JSON encoding with the console's settings, and gzip, each the median of 20 after 5 warm-ups.
   * What the HTTP median adds on top is authentication (a token lookup), routing and transport.
   */
  private void profile(FleetStore store, List<Caller> callers, List<Endpoint> endpoints, List<Result> sequential) {
    System.out.printf("%nwhere the time goes (in process, medians of 20; HTTP p50 from the one-client run). Kept answers are"
        + " recomputed in the background every 2 s, so their requests do not pay the view's cost; for them the last column is blank%n%n");
    System.out.println("| user | endpoint | view (SQL + rows) ms | JSON encode ms | gzip ms | HTTP p50 ms | rest (auth, routing, transport) ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<String> gzipNotes = new ArrayList<>();
    for (Caller c : callers) {
      for (Endpoint e : endpoints) {
        Object[] answer = new Object[1];
        byte[][] json = new byte[1][];
        double view = medianMs(() -> answer[0] = e.view().apply(c.principal()));
        double encode = medianMs(() -> json[0] = encode(answer[0]));
        double zip = medianMs(() -> gzip(json[0], Deflater.DEFAULT_COMPRESSION));
        double httpP50 = sequential.stream().filter(r -> r.caller() == c && r.endpoint() == e).findFirst().orElseThrow()
            .micros().getValueAtPercentile(50) / 1e3;
        String rest = e.kept() ? "— (kept answer)" : String.format("%.1f", httpP50 - view - encode - zip);
        System.out.printf("| %s | `%s`%s | %.1f | %.1f | %.1f | %.1f | %s |%n", c.label(), e.path(), e.kept() ? " (kept)" : "", view, encode, zip,
            httpP50, rest);
        if (e.name().equals("heatmap")) {
          double fast = medianMs(() -> gzip(json[0], Deflater.BEST_SPEED));
          gzipNotes.add(String.format("- %s, heatmap of %s JSON: gzip level 6 (Javalin's default) %.1f ms to %s, level 1 %.1f ms to %s",
              c.label(), bytes(json[0].length), zip, bytes(gzip(json[0], Deflater.DEFAULT_COMPRESSION).length), fast,
              bytes(gzip(json[0], Deflater.BEST_SPEED).length)));
        }
      }
    }
    System.out.println();
    gzipNotes.forEach(System.out::println);
    System.out.printf("%nparts of the overview (in process, medians of 20)%n%n");
    Instant now = clock.instant();
    for (Caller c : callers) {
      Scope scope = c.principal().ownerTenant() == null ? Scope.fleet() : Scope.owner(c.principal().ownerTenant());
      double uptime = medianMs(() -> store.uptimePct(scope, now.minus(Duration.ofHours(24)), now));
      Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      double uptimeAligned = medianMs(() -> store.uptimePct(scope, minute.minus(Duration.ofHours(24)), minute));
      System.out.printf("- %s: 24 h uptime as of now %.1f ms, the same ending on the minute %.1f ms%n", c.label(), uptime, uptimeAligned);
    }
  }

  private static double medianMs(Runnable work) {
    for (int i = 0; i < 5; i++) work.run();
    double[] ms = new double[20];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return (ms[9] + ms[10]) / 2;
  }

  private byte[] encode(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The console's JSON settings (ConsoleServer.mapper), so encoding is timed on the same output. */
  static ObjectMapper mapper() {
    SimpleModule times = new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance);
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .registerModule(times);
  }

  private static byte[] gzip(byte[] data, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4);
    try (GZIPOutputStream z = new GZIPOutputStream(out) {
      {
        def.setLevel(level);
      }
    }) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] data) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }

  private static String bytes(int n) {
    return n >= 1_000_000 ? String.format("%.2f MB", n / 1e6) : n >= 1_000 ? String.format("%.1f kB", n / 1e3) : n + " B";
  }
}
