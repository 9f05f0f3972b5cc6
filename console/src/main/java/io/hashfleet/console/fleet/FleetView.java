package io.hashfleet.console.fleet;

import io.hashfleet.console.access.Principal;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import io.hashfleet.store.SeriesPoint;
import io.hashfleet.store.UtcMicros;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the console shows of the fleet, always through the eyes of one principal: an owner's
 * queries carry its tenant in their SQL (see {@link Visibility}), so another owner's rows are never
 * read, let alone returned.
 *
 * <p>Reads the store's {@code latest} table, which the poller keeps current; pending samples are
 * folded into it at most once a second, however many pages are open.
 */
public final class FleetView implements AutoCloseable {
  /** How often the summaries people are looking at are recomputed in the background. */
  static final Duration FRESH_EVERY = Duration.ofSeconds(2);
  private static final Duration FRESH_IDLE = Duration.ofMinutes(1);
  private static final long REFRESH_EVERY_NANOS = 1_000_000_000L;
  private static final List<String> STATE_CODES = Arrays.stream(HealthState.values()).map(HealthState::code).toList();
  /**
   * The codes as an SQL list, so the heatmap's query returns each miner's state as its index: one
   * string column fewer over JDBC, which costs about 1 µs per string (50 ms for a 50,000-miner site).
   */
  private static final String STATE_LIST = STATE_CODES.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ", "[", "]"));

  private final FleetStore store;
  private final ModelCatalog catalog;
  private final Clock clock;
  private final ProductionFigures production;
  private final AtomicLong lastRefresh = new AtomicLong(System.nanoTime() - REFRESH_EVERY_NANOS);
  private final Map<Scope, Uptime> uptimes = new ConcurrentHashMap<>();

  /** A scope's 24-hour uptime (rounded, null before any poll) and the minute its window ends at. */
  private record Uptime(Instant end, Double pct) {}

  private final Fresh<Principal, Overview> overviews;
  private final Fresh<SiteKey, Optional<Heatmap>> heatmaps;

  private record SiteKey(Principal viewer, String site) {}

  /** @param production null to leave BTC figures out of the overview */
  public FleetView(FleetStore store, ModelCatalog catalog, Clock clock, ProductionFigures production) {
    this.store = store;
    this.catalog = catalog;
    this.clock = clock;
    this.production = production;
    this.overviews = new Fresh<>("overview", FRESH_EVERY, FRESH_IDLE, this::computeOverview);
    this.heatmaps = new Fresh<>("heatmap", FRESH_EVERY, FRESH_IDLE, k -> computeHeatmap(k.viewer(), k.site()));
  }

  /**
   * What a principal sees depends on its tenant alone, so every user of a tenant shares one kept
   * answer: the key is the tenant seen through a neutral principal.
   */
  private static Principal viewerOf(Principal who) {
    return new Principal("tenant:" + who.tenant().id(), who.tenant(), io.hashfleet.console.access.Role.VIEWER);
  }

  @Override
  public void close() {
    overviews.close();
    heatmaps.close();
  }

  private void refresh() {
    long last = lastRefresh.get();
    long now = System.nanoTime();
    if (now - last >= REFRESH_EVERY_NANOS && lastRefresh.compareAndSet(last, now)) store.refreshLatest();
  }

  // Overview and sites

  /** The overview, at most {@link #FRESH_EVERY} and one computation old (see {@link Fresh}). */
  public Overview overview(Principal who) {
    return overviews.get(viewerOf(who));
  }

  /** The overview computed now, past the kept copy: what the background refresh and the benchmarks call. */
  public Overview computeOverview(Principal who) {
    refresh();
    Instant now = clock.instant();
    Totals all = new Totals();
    Map<String, Totals> bySite = new TreeMap<>();
    groups(who, (site, modelId, health, count, answering, mhs, watts, mhsWithPower) -> {
      all.add(modelId, health, count, answering, mhs, watts, mhsWithPower, catalog);
      bySite.computeIfAbsent(site, s -> new Totals()).add(modelId, health, count, answering, mhs, watts, mhsWithPower, catalog);
    });
    List<SiteSummary> sites = bySite.entrySet().stream().map(e -> SiteSummary.of(e.getKey(), e.getValue())).toList();
    ProductionFigures.Figures btc = production == null ? null : production.figures(Visibility.everything(who));
    return new Overview(now, who.tenant().id(), all.miners, all.answering, all.hashrateMhs, all.installedMhs, all.powerW, all.joulesPerTh(),
        uptime24h(who, now), openAlerts(who), all.byState(), sites, btc);
  }

  /**
   * Share of polls answered in the 24 hours up to the start of the current minute.
   *
   * <p>The window ends on a whole minute so the store reads its minute rollups plus the minute or
   * two of raw samples not rolled up yet. A window ending at any other instant is read from raw
   * samples alone, all 24 hours of them: half a billion rows at 350,000 miners polled once a minute.
   *
   * <p>Kept per scope until the minute turns: even this query takes 80 to 300 ms at 350,000 miners
   * (mostly the raw minutes), and its window does not move within the minute. So the overview's
   * uptime may be up to a minute behind its other figures, which a 24-hour average does not show.
   */
  private Double uptime24h(Principal who, Instant now) {
    Scope scope = Visibility.everything(who);
    Instant end = now.truncatedTo(ChronoUnit.MINUTES);
    Uptime kept = uptimes.get(scope);
    if (kept != null && kept.end().equals(end)) return kept.pct();
    OptionalDouble pct = store.uptimePct(scope, end.minus(Duration.ofHours(24)), end);
    Uptime fresh = new Uptime(end, pct.isPresent() ? Math.round(pct.getAsDouble() * 100) / 100.0 : null);
    uptimes.put(scope, fresh);
    return fresh.pct();
  }

  public List<SiteSummary> sites(Principal who) {
    return overview(who).sites();
  }

  /** The site as this principal sees it; empty when it has no miner there (an owner cannot learn other sites exist). */
  public Optional<SiteSummary> site(Principal who, String site) {
    return sites(who).stream().filter(s -> s.site().equals(site)).findFirst();
  }

  private interface GroupSink {
    void accept(String site, String modelId, HealthState health, long count, long answering, long mhs, long watts, long mhsWithPower);
  }

  /** Miners grouped by site, model and health: a few hundred rows however large the fleet. */
  private void groups(Principal who, GroupSink sink) {
    List<Object> params = new ArrayList<>();
    String visible = Visibility.minerCondition(who, "m.address", params);
    String sql = "SELECT coalesce(m.site, ''), m.model_id, coalesce(l.health, 'offline'), count(*), count(*) FILTER (WHERE l.answered),"
        + " coalesce(sum(l.hashrate_mhs), 0), coalesce(sum(l.power_w), 0), coalesce(sum(l.hashrate_mhs) FILTER (WHERE l.power_w IS NOT NULL), 0)"
        + " FROM miners m LEFT JOIN latest l ON l.address = m.address WHERE " + visible + " GROUP BY ALL";
    store.read("console groups", c -> {
      try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          sink.accept(rs.getString(1), rs.getString(2), HealthState.fromCode(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6),
              rs.getLong(7), rs.getLong(8));
        }
      }
      return null;
    });
  }

  // Heatmap

  /** A site's heatmap, kept fresh like the overview while someone looks at it. */
  public Optional<Heatmap> heatmap(Principal who, String site) {
    return heatmaps.get(new SiteKey(viewerOf(who), site));
  }

  /** The heatmap computed now, past the kept copy. */
  public Optional<Heatmap> computeHeatmap(Principal who, String site) {
    refresh();
    List<Object> params = new ArrayList<>();
    String visible = Visibility.minerCondition(who, "m.address", params);
    params.add(site);
    String sql = "SELECT m.address, m.rack, m.position, list_position(" + STATE_LIST + ", coalesce(l.health, 'offline')) - 1,"
        + " coalesce(l.hashrate_mhs, 0), l.temp_max_c"
        + " FROM miners m LEFT JOIN latest l ON l.address = m.address WHERE " + visible + " AND coalesce(m.site, '') = ?";
    record Cell(String address, String rack, int position, int state, double ths, Double temp) {}
    List<Cell> cells = store.read("console heatmap", c -> {
      List<Cell> out = new ArrayList<>();
      try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int pos = rs.getInt(3);
          if (rs.wasNull()) pos = 0;
          int state = rs.getInt(4);
          if (rs.wasNull()) throw new IllegalStateException("a miner of site " + site + " has a health state this version does not know");
          double temp = rs.getDouble(6);
          Double t = rs.wasNull() ? null : temp;
          out.add(new Cell(rs.getString(1), rs.getString(2), pos, state, Math.round(rs.getLong(5) / 1e5) / 10.0, t));
        }
      }
      return out;
    });
    if (cells.isEmpty()) return Optional.empty();
    List<String> racks = cells.stream().map(Cell::rack).filter(r -> r != null).distinct().sorted(NATURAL).toList();
    Map<String, Integer> rackIndex = new HashMap<>();
    for (int i = 0; i < racks.size(); i++) rackIndex.put(racks.get(i), i);
    int n = cells.size();
    List<String> address = new ArrayList<>(n);
    int[] rack = new int[n];
    int[] position = new int[n];
    int[] state = new int[n];
    double[] ths = new double[n];
    Double[] temp = new Double[n];
    int maxPosition = 0;
    for (int i = 0; i < n; i++) {
      Cell cell = cells.get(i);
      address.add(cell.address());
      rack[i] = cell.rack() == null ? -1 : rackIndex.get(cell.rack());
      position[i] = cell.position();
      maxPosition = Math.max(maxPosition, cell.position());
      state[i] = cell.state();
      ths[i] = cell.ths();
      temp[i] = cell.temp();
    }
    return Optional.of(new Heatmap(site, racks, maxPosition, STATE_CODES, address, rack, position, state, ths, temp));
  }

  /** "R2" before "R10": digit runs compare as numbers. */
  static final Comparator<String> NATURAL = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
        int cmp = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
        if (cmp != 0) return cmp;
      } else {
        if (x != y) return Character.compare(x, y);
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  // Miners

  public MinerPage miners(Principal who, MinerFilter f) {
    refresh();
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(Visibility.minerCondition(who, "m.address", params));
    if (f.site() != null) {
      where.append(" AND coalesce(m.site, '') = ?");
      params.add(f.site());
    }
    if (f.modelId() != null) {
      where.append(" AND m.model_id = ?");
      params.add(f.modelId());
    }
    if (f.health() != null) {
      where.append(" AND coalesce(l.health, 'offline') = ?");
      params.add(f.health().code());
    }
    if (f.search() != null && !f.search().isBlank()) {
      where.append(" AND (starts_with(m.address, ?) OR contains(coalesce(m.rack, ''), ?))");
      params.add(f.search());
      params.add(f.search());
    }
    params.add(f.limit());
    params.add(f.offset());
    // The page is chosen from the registry first (with latest only when filtering on health), and
    // only its rows are joined with latest and the owners: joining all 350,000 first cost twice as much.
    String sql = "WITH page AS (SELECT m.*, count(*) OVER () AS total FROM miners m"
        + (f.health() != null ? " LEFT JOIN latest l ON l.address = m.address" : "")
        + " WHERE " + where + " ORDER BY m.sort_key NULLS LAST, m.address LIMIT ? OFFSET ?) "
        + MINER_COLUMNS + ", m.total FROM page m LEFT JOIN latest l ON l.address = m.address"
        + " LEFT JOIN miner_owners o ON o.address = m.address ORDER BY m.sort_key NULLS LAST, m.address";
    return store.read("console miners", c -> {
      List<MinerRow> rows = new ArrayList<>();
      long total = 0;
      try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          rows.add(minerRow(rs));
          total = rs.getLong(16);
        }
      }
      if (rows.isEmpty() && f.offset() > 0) total = -1; // past the end: the count is unknown from this page
      return new MinerPage(total, f.offset(), f.limit(), rows);
    });
  }

  private static final String MINER_COLUMNS = "SELECT m.address, m.site, m.rack, m.position, m.make, m.model_name, m.model_id, m.firmware,"
      + " o.tenant, coalesce(l.health, 'offline'), l.detail, epoch_us(l.sampled_at), coalesce(l.hashrate_mhs, 0), l.power_w, l.temp_max_c";

  private static MinerRow minerRow(ResultSet rs) throws SQLException {
    int pos = rs.getInt(4);
    Integer position = rs.wasNull() ? null : pos;
    long at = rs.getLong(12);
    Instant sampledAt = rs.wasNull() ? null : UtcMicros.toInstant(at);
    long watts = rs.getLong(14);
    Long power = rs.wasNull() ? null : watts;
    double temp = rs.getDouble(15);
    Double tempC = rs.wasNull() ? null : temp;
    return new MinerRow(rs.getString(1), rs.getString(2), rs.getString(3), position, rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), sampledAt, rs.getLong(13), power, tempC);
  }

  /** One miner, if this principal may see it; another owner's miner is as absent as one that does not exist. */
  public Optional<MinerRow> miner(Principal who, MinerAddress address) {
    refresh();
    List<Object> params = new ArrayList<>();
    String visible = Visibility.minerCondition(who, "m.address", params);
    params.add(address.toString());
    String sql = MINER_COLUMNS + " FROM miners m LEFT JOIN latest l ON l.address = m.address LEFT JOIN miner_owners o ON o.address = m.address"
        + " WHERE " + visible + " AND m.address = ?";
    return store.read("console miner", c -> {
      try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(minerRow(rs)) : Optional.empty();
      }
    });
  }

  /** Hashrate and power of one visible miner in 5-minute buckets; empty when the principal may not see it. */
  public Optional<List<SeriesPoint>> minerSeries(Principal who, MinerAddress address, Duration span) {
    if (miner(who, address).isEmpty()) return Optional.empty();
    Instant now = clock.instant();
    return Optional.of(store.hashrateSeries(Scope.miner(address), now.minus(span), now, Duration.ofMinutes(5)));
  }

  /** Series for everything the principal sees, or its part of one site. */
  public List<SeriesPoint> series(Principal who, String siteOrNull, Duration span, Duration bucket) {
    Instant now = clock.instant();
    var scope = siteOrNull == null ? Visibility.everything(who) : Visibility.site(who, siteOrNull);
    return store.hashrateSeries(scope, now.minus(span), now, bucket);
  }

  // Alerts

  public List<AlertRow> alerts(Principal who, boolean openOnly, int limit) {
    List<Object> params = new ArrayList<>();
    String visible = Visibility.minerCondition(who, "a.address", params);
    params.add(limit);
    String sql = "SELECT a.id, a.address, m.site, m.rack, m.position, a.kind, epoch_us(a.opened), epoch_us(a.closed), a.detail"
        + " FROM alerts a LEFT JOIN miners m ON m.address = a.address WHERE " + visible + (openOnly ? " AND a.closed IS NULL" : "")
        + " ORDER BY a.opened DESC, a.id DESC LIMIT ?";
    return store.read("console alerts", c -> {
      List<AlertRow> out = new ArrayList<>();
      try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int pos = rs.getInt(5);
          Integer position = rs.wasNull() ? null : pos;
          long closed = rs.getLong(8);
          Instant closedAt = rs.wasNull() ? null : UtcMicros.toInstant(closed);
          out.add(new AlertRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), position, rs.getString(6),
              UtcMicros.toInstant(rs.getLong(7)), closedAt, rs.getString(9)));
        }
      }
      return out;
    });
  }

  private long openAlerts(Principal who) {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT count(*) FROM alerts a WHERE a.closed IS NULL AND " + Visibility.minerCondition(who, "a.address", params);
    return store.read("console open alerts", c -> {
      try (PreparedStatement p = prepare(c, sql, params); ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Addresses of the miners an owner's principal may see ("host:port"); empty for nobody's. */
  public java.util.Set<String> ownedAddresses(Principal who) {
    String tenant = who.ownerTenant();
    if (tenant == null) throw new IllegalArgumentException(who.username() + " sees every miner; ask for them by query instead");
    return store.read("owned addresses", c -> {
      java.util.Set<String> out = new java.util.HashSet<>();
      try (PreparedStatement p = c.prepareStatement("SELECT address FROM miner_owners WHERE tenant = ?")) {
        p.setString(1, tenant);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  /** The sites where this principal has miners: an owner's energy view is limited to them. */
  public List<String> siteNames(Principal who) {
    return sites(who).stream().map(SiteSummary::site).toList();
  }

  static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
    PreparedStatement p = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) p.setObject(i + 1, params.get(i));
    return p;
  }
}
