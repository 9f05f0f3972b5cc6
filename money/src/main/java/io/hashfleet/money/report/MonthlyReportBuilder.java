package io.hashfleet.money.report;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.cost.HostingBill;
import io.hashfleet.money.cost.HostingContract;
import io.hashfleet.money.cost.HostingContracts;
import io.hashfleet.money.network.NetworkHashrate;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.payout.Reconciliation;
import io.hashfleet.money.production.DayProduction;
import io.hashfleet.money.production.ExpectedProduction;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.money.production.HashrateInterval;
import io.hashfleet.money.production.Hashprice;
import io.hashfleet.money.production.ProductionEstimate;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.money.treasury.PriceSeries;
import io.hashfleet.money.treasury.TreasuryStore;
import io.hashfleet.store.FleetStore;
import io.hashfleet.store.Scope;
import io.hashfleet.store.SeriesPoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Assembles a {@link MonthlyReport} from the store (telemetry rollups, registry, payouts,
 * treasury, prices) and chain data. Reads only hourly group series, the registry's counts and the
 * money tables, never per-miner rows, so its cost does not grow with the fleet's raw history.
 *
 * <p>By default the report covers the whole fleet and the store's books, as the CLI publishes it.
 * {@link #owner} narrows it to one owner tenant's miners and to that owner's books (store V9);
 * {@link #books} says whether those include the store's default books, and {@link #withoutBooks}
 * leaves payouts and the treasury unread: the console builds it that way for owners and for the operator.
 */
public final class MonthlyReportBuilder {
  private static final Duration HOUR = Duration.ofHours(1);

  private final FleetStore store;
  private final ChainHistory chain;
  private final ModelCatalog catalog;
  private FeeAssumption fees = new FeeAssumption.PerBlock(Btc.parse("0.05"));
  private HostingContracts contracts = new HostingContracts(List.of());
  private List<Peers.Row> peers = List.of();
  private Hashrate statedHashrate;
  private int payoutLagDays = 1;
  private String company = "This fleet";
  private String owner;
  private String booksHidden;
  private Books books;
  private Instant asOf;

  public MonthlyReportBuilder(FleetStore store, ChainHistory chain, ModelCatalog catalog) {
    this.store = store;
    this.chain = chain;
    this.catalog = catalog;
  }

  public MonthlyReportBuilder fees(FeeAssumption f) {
    this.fees = f;
    return this;
  }

  public MonthlyReportBuilder contracts(HostingContracts c) {
    this.contracts = c;
    return this;
  }

  public MonthlyReportBuilder peers(List<Peers.Row> p) {
    this.peers = p;
    return this;
  }

  /** A hashrate to use where the store has no telemetry for the month (a fleet hosted elsewhere). */
  public MonthlyReportBuilder statedHashrate(Hashrate h) {
    this.statedHashrate = h;
    return this;
  }

  public MonthlyReportBuilder payoutLagDays(int days) {
    this.payoutLagDays = days;
    return this;
  }

  public MonthlyReportBuilder company(String name) {
    this.company = name;
    return this;
  }

  /**
   * Only the miners this owner tenant owns (per {@code miner_owners}): telemetry from its owner
   * rollup scopes, miner counts from its rows. A hosted site holds several owners' machines, so
   * fleet or site totals would show an owner the others' hashrate.
   */
  public MonthlyReportBuilder owner(String tenantId) {
    this.owner = java.util.Objects.requireNonNull(tenantId, "owner tenant");
    return this;
  }

  /**
   * Whose payouts and ledger to read. Without it: the owner's own rows when {@link #owner} is given
   * (its books alone, not the default ones, which belong to the books tenant only), else the
   * store's default books.
   */
  public MonthlyReportBuilder books(Books b) {
    this.books = java.util.Objects.requireNonNull(b, "books");
    return this;
  }

  /**
   * Leaves payouts and the treasury unread, for a reader whose books these are not: BTC paid,
   * shortfall, holdings and their value are null, cost per BTC uses expected BTC, and {@code note}
   * (which says why) is added to the notes.
   */
  public MonthlyReportBuilder withoutBooks(String note) {
    this.booksHidden = java.util.Objects.requireNonNull(note, "note");
    return this;
  }

  /** For a month in progress: figures up to this instant instead of the month's end. */
  public MonthlyReportBuilder asOf(Instant t) {
    this.asOf = t;
    return this;
  }

  public MonthlyReport build(YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = asOf != null && asOf.isBefore(end) ? asOf : end;
    if (!to.isAfter(from)) throw new IllegalArgumentException("month " + month + " has not started yet");
    List<String> notes = new ArrayList<>();
    if (to.isBefore(end)) notes.add(month + " is not over: figures cover it up to " + to + ", averages that part of it");

    Scope everything = owner == null ? Scope.fleet() : Scope.owner(owner);
    List<SeriesPoint> fleet = store.hashrateSeries(everything, from, to, HOUR);
    List<HashrateInterval> intervals = intervals(fleet, from, to);
    String hashrateBasis;
    if (!intervals.isEmpty()) {
      hashrateBasis = "measured by " + (owner == null ? "fleet" : "the owner's miners'") + " telemetry (" + fleet.size() + " hourly points)";
    } else if (statedHashrate != null) {
      intervals = List.of(new HashrateInterval(from, to, statedHashrate));
      hashrateBasis = "stated: " + statedHashrate + " average (no telemetry in the store for this month)";
    } else {
      hashrateBasis = "no telemetry for this month and no stated hashrate";
      notes.add("the store holds no telemetry for " + month + "; give a stated hashrate to estimate production");
    }
    ExpectedProduction engine = new ExpectedProduction(chain);
    ProductionEstimate expected = engine.estimate(intervals, from, to, fees);
    notes.addAll(expected.notes().subList(1, expected.notes().size())); // the fee basis is printed on its own

    boolean books = booksHidden == null;
    Books whose = this.books != null ? this.books : owner == null ? Books.DEFAULT : Books.of(owner, false);
    var payouts = books
        ? new PayoutStore(store, whose).between(from.plus(Duration.ofDays(payoutLagDays)), to.plus(Duration.ofDays(payoutLagDays)))
        : List.<io.hashfleet.money.payout.Payout>of();
    Reconciliation rec = Reconciliation.of(expected.days(), payouts, payoutLagDays, BigDecimal.valueOf(5));
    boolean havePayouts = !payouts.isEmpty();
    if (!books) notes.add(booksHidden);
    else if (!havePayouts) notes.add("no payouts imported for " + month + ": actual BTC is not known");

    List<MonthlyReport.Day> days = new ArrayList<>();
    for (int i = 0; i < expected.days().size(); i++) {
      DayProduction d = expected.days().get(i);
      days.add(new MonthlyReport.Day(d.day(), d.averageHashrate(), d.total(), havePayouts ? rec.days().get(i).actual() : null));
    }

    Map<String, Long> byModel = countBy("model_id");
    Hashrate deployed = Hashrate.ZERO;
    long miners = 0;
    for (var e : byModel.entrySet()) {
      miners += e.getValue();
      Optional<AsicModel> m = e.getKey() == null ? Optional.empty() : catalog.byId(e.getKey());
      if (m.isPresent()) deployed = deployed.plus(new Hashrate(Math.round(m.get().nominalThs() * 1e6) * e.getValue()));
    }
    if (statedHashrate != null && miners == 0) notes.add("no miners registered: deployed hashrate is not known");

    OptionalDouble uptime = store.uptimePct(everything, from, to);
    Energy fleetEnergy = energy(fleet, from, to);
    BigDecimal jPerTh = fleetEnergy.hashSecondsWithPower > 0
        ? BigDecimal.valueOf(fleetEnergy.wattSeconds / (fleetEnergy.hashSecondsWithPower / 1e6)).setScale(2, RoundingMode.HALF_EVEN) : null;

    List<MonthlyReport.SiteLine> sites = new ArrayList<>();
    BigDecimal hosting = null;
    BigDecimal hours = BigDecimal.valueOf(Duration.between(from, to).toHours());
    for (var e : countBy("site").entrySet()) {
      String site = e.getKey() == null ? "" : e.getKey();
      List<SeriesPoint> series = e.getKey() == null ? List.of() : store.hashrateSeries(siteScope(site), from, to, HOUR);
      Energy en = energy(series, from, to);
      BigDecimal mwh = en.wattSeconds > 0 ? BigDecimal.valueOf(en.wattSeconds / 3.6e9).setScale(3, RoundingMode.HALF_EVEN) : null;
      OptionalDouble siteUptime = e.getKey() == null ? OptionalDouble.empty() : store.uptimePct(siteScope(site), from, to);
      Double up = siteUptime.isPresent() ? siteUptime.getAsDouble() : null;
      Optional<HostingContract> c = contracts.forSite(site);
      BigDecimal cost = null;
      Boolean sla = null;
      if (c.isPresent() && mwh != null) {
        HostingBill bill = HostingBill.of(site, c.get(), mwh.multiply(BigDecimal.valueOf(1000)), hours, up);
        cost = bill.costUsd();
        sla = bill.slaMet();
        hosting = hosting == null ? cost : hosting.add(cost);
      } else if (c.isPresent()) {
        notes.add("site " + (site.isEmpty() ? "(none)" : site) + ": no power telemetry, so no hosting cost");
      }
      if (c.isEmpty() && !contracts.all().isEmpty()) notes.add("site " + (site.isEmpty() ? "(none)" : site) + ": no hosting contract");
      sites.add(new MonthlyReport.SiteLine(site.isEmpty() ? "(no site)" : site, e.getValue(), averageOf(series, from, to), mwh, cost,
          c.map(x -> x.operator() + ", " + x.rate().describe()).orElse(null), up, sla));
    }
    if (!contracts.all().isEmpty() && hosting == null) notes.add("hosting contracts given, but no site has power telemetry: cost per BTC is not known");
    Btc mined = havePayouts ? rec.actual() : expected.total();
    BigDecimal costPerBtc = hosting == null || mined.sats() == 0 ? null
        : hosting.divide(mined.toBtc(), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
    if (hosting != null && !havePayouts) notes.add("cost per BTC uses expected BTC (" + (books ? "no payouts imported" : "payouts not shown") + ")");

    TreasuryStore treasury = new TreasuryStore(store, whose);
    PriceSeries prices = treasury.prices(); // market prices, not the books: hashprice needs them too
    LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    BigDecimal price = priceOn(prices, lastDay);
    Btc holdings = books ? treasury.ledger().holdingsAt(to.minusNanos(1)) : null;
    BigDecimal value = price == null || holdings == null ? null : holdings.toBtc().multiply(price).setScale(2, RoundingMode.HALF_EVEN);
    if (price == null && books) notes.add("no BTC price on or before " + lastDay + ": holdings are not valued");

    Hashrate network = NetworkHashrate.fromDifficulty(expected.harmonicMeanDifficulty());
    BigDecimal share = NetworkHashrate.share(expected.averageHashrate(), network).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
    List<Hashprice.Day> hp = Hashprice.byDay(engine, fees, from, to, d -> priceOn(prices, d));
    BigDecimal hpUsd = hp.stream().allMatch(d -> d.usdPerPhDay() != null) && !hp.isEmpty()
        ? hp.stream().map(Hashprice.Day::usdPerPhDay).reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(hp.size()), 2, RoundingMode.HALF_EVEN) : null;

    BigDecimal shortfall = havePayouts ? rec.shortfallPct() : null;
    List<MonthlyReport.Peer> peerLines = peerLines(month, expected.averageHashrate(), mined);
    return new MonthlyReport(month, Instant.now(), havePayouts ? rec.actual() : null, expected.total(), shortfall, expected.feeBasis(),
        hashrateBasis, expected.averageHashrate(), deployed, miners, uptime.isPresent() ? uptime.getAsDouble() : null, jPerTh,
        fleetEnergy.wattSeconds > 0 ? BigDecimal.valueOf(fleetEnergy.wattSeconds / 3.6e9).setScale(3, RoundingMode.HALF_EVEN) : null,
        hosting, costPerBtc, holdings, price, value, network, share, expected.harmonicMeanDifficulty(), Hashprice.average(hp), hpUsd,
        days, sites, peerLines, notes);
  }

  private List<MonthlyReport.Peer> peerLines(YearMonth month, Hashrate ours, Btc mined) {
    List<MonthlyReport.Peer> out = new ArrayList<>();
    for (Peers.Row r : peers) {
      if (r.month().equals(month)) out.add(new MonthlyReport.Peer(r.company(), r.hashrate(), r.btc(), perEhs(r.btc(), r.hashrate()), false));
    }
    if (!out.isEmpty()) out.add(new MonthlyReport.Peer(company, ours, mined.toBtc(), perEhs(mined.toBtc(), ours), true));
    out.sort((a, b) -> b.btc().compareTo(a.btc()));
    return out;
  }

  private static BigDecimal perEhs(BigDecimal btc, Hashrate h) {
    if (h.isZero()) return null;
    return btc.divide(BigDecimal.valueOf(h.mhs()).movePointLeft(12), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal priceOn(PriceSeries prices, LocalDate d) {
    if (prices.isEmpty()) return null;
    try {
      return prices.priceOn(d);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<HashrateInterval> intervals(List<SeriesPoint> points, Instant from, Instant to) {
    List<HashrateInterval> out = new ArrayList<>();
    for (SeriesPoint p : points) {
      Instant s = p.start().isBefore(from) ? from : p.start();
      Instant e = p.start().plus(HOUR).isAfter(to) ? to : p.start().plus(HOUR);
      if (e.isAfter(s)) out.add(new HashrateInterval(s, e, p.hashrate()));
    }
    return out;
  }

  private static Hashrate averageOf(List<SeriesPoint> points, Instant from, Instant to) {
    double sum = 0;
    for (SeriesPoint p : points) sum += p.hashrate().mhs() * seconds(p, from, to);
    return Hashrate.ofMhs(sum / Duration.between(from, to).toSeconds());
  }

  /**
   * The seconds of an hourly point inside [from, to): 3,600 in a whole month, less for the hour in
   * progress when the report is cut at {@link #asOf}, as {@link #intervals} cuts it.
   */
  private static double seconds(SeriesPoint p, Instant from, Instant to) {
    Instant s = p.start().isBefore(from) ? from : p.start();
    Instant e = p.start().plus(HOUR).isAfter(to) ? to : p.start().plus(HOUR);
    return e.isAfter(s) ? Duration.between(s, e).toNanos() / 1e9 : 0;
  }

  /** Energy from hourly points: W × their seconds where power was reported, and the hashrate over those same hours. */
  private record Energy(double wattSeconds, double hashSecondsWithPower) {}

  private static Energy energy(List<SeriesPoint> points, Instant from, Instant to) {
    double ws = 0;
    double hs = 0;
    for (SeriesPoint p : points) {
      if (p.power() == null) continue;
      double dt = seconds(p, from, to);
      ws += p.power().watts() * dt;
      hs += p.hashrate().mhs() * dt;
    }
    return new Energy(ws, hs);
  }

  private Scope siteScope(String site) {
    return owner == null ? Scope.site(site) : Scope.ownerSite(owner, site);
  }

  private Map<String, Long> countBy(String column) {
    String mine = owner == null ? "" : " WHERE address IN (SELECT address FROM miner_owners WHERE tenant = ?)";
    return store.read("miners by " + column, c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT " + column + ", count(*) FROM miners" + mine + " GROUP BY 1 ORDER BY 1 NULLS LAST")) {
        if (owner != null) p.setString(1, owner);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    });
  }
}
