package io.hashfleet.console;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.ConsoleAudit;
import io.hashfleet.console.access.LoginThrottle;
import io.hashfleet.console.access.Sessions;
import io.hashfleet.console.demo.DemoAccounts;
import io.hashfleet.console.energy.EnergyView;
import io.hashfleet.console.energy.EventDesk;
import io.hashfleet.console.fleet.FleetView;
import io.hashfleet.console.money.MoneyView;
import io.hashfleet.console.money.ReportView;
import io.hashfleet.domain.Btc;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.console.web.ConsoleServer;
import io.hashfleet.console.web.ConsoleServices;
import io.hashfleet.domain.Alert;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.domain.PoolReading;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.audit.EnergyEvent;
import io.hashfleet.store.FleetStore;
import io.hashfleet.money.payout.Payout;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.money.treasury.DailyPrice;
import io.hashfleet.money.treasury.TreasuryStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A console over a small hosted fleet: sites dallas (racks R1-R4) and odessa (R1-R2), ten S19 XPs a
 * rack, even racks owned by northwind and odd ones by bluepeak (the demo's split), plus two miners
 * at a third site, austin, that no owner has yet. Samples are the last ten minutes, one a minute.
 */
final class ConsoleFixture implements AutoCloseable {
  static final long S19XP_MHS = 140_000_000L;
  static final int S19XP_WATTS = 3010;
  static final long PAYOUT_SATS = 12_345_678L;
  static final FeeAssumption FEES = new FeeAssumption.PerBlock(Btc.ofSats(5_000_000));

  final FleetStore store = FleetStore.inMemory();
  final Accounts accounts;
  final ConsoleAudit audit;
  final ConsoleServer server;
  final List<FleetMiner> miners = new ArrayList<>();
  final Map<String, List<String>> byOwner = new HashMap<>();
  final Map<String, Long> mhsByAddress = new HashMap<>();
  final Map<String, HealthState> healthByAddress = new HashMap<>();
  final Instant now = Instant.now();

  ConsoleFixture() {
    this(null);
  }

  ConsoleFixture(EventDesk desk) {
    Clock clock = Clock.systemUTC();
    int host = 1;
    for (String[] site : new String[][] {{"dallas", "4"}, {"odessa", "2"}}) {
      for (int r = 1; r <= Integer.parseInt(site[1]); r++) {
        for (int pos = 1; pos <= 10; pos++) {
          miners.add(new FleetMiner(new MinerAddress("10.9.0." + host++, 4028), identity(), new MinerLocation(site[0], "R" + r, pos)));
        }
      }
    }
    List<FleetMiner> owned = List.copyOf(miners);
    miners.add(new FleetMiner(new MinerAddress("10.9.1.1", 4028), identity(), new MinerLocation("austin", "R1", 1)));
    miners.add(new FleetMiner(new MinerAddress("10.9.1.2", 4028), identity(), new MinerLocation("austin", "R1", 2)));
    store.upsertMiners(miners);
    accounts = new Accounts(store, clock);
    DemoAccounts.create(accounts, owned);
    for (FleetMiner m : owned) {
      String owner = accounts.ownerOf(m.address()).orElseThrow();
      byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(m.address().toString());
    }
    List<MinerSample> samples = new ArrayList<>();
    for (int i = 0; i < miners.size(); i++) {
      FleetMiner m = miners.get(i);
      // Every seventh miner is hot, every eleventh gone; the rest hash at nominal plus a little.
      HealthState health = i % 11 == 5 ? HealthState.OFFLINE : i % 7 == 3 ? HealthState.OVERHEAT : HealthState.OK;
      long mhs = health == HealthState.OFFLINE ? 0 : S19XP_MHS + i * 1_000_000L;
      for (int minute = 10; minute >= 1; minute--) {
        Instant at = now.minus(Duration.ofMinutes(minute));
        samples.add(health == HealthState.OFFLINE ? new MinerSample(m.address(), at, null, health, "connect timed out")
            : new MinerSample(m.address(), at, telemetry(m.address(), at, mhs), health, health == HealthState.OK ? null : "chip 92 C"));
      }
      mhsByAddress.put(m.address().toString(), mhs);
      healthByAddress.put(m.address().toString(), health);
      if (health != HealthState.OK) store.openAlert(new Alert(m.address(), health, now.minus(Duration.ofMinutes(9)), null, "test"));
    }
    store.appendSamples(samples);
    // Northwind keeps its books here: three daily payouts and a month of prices.
    accounts.setBooksTenant(DemoAccounts.OWNER_A);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Payout> payouts = new ArrayList<>();
    for (int d = 3; d >= 1; d--) {
      payouts.add(new Payout("fpps-" + d, today.minusDays(d - 1).atStartOfDay(ZoneOffset.UTC).plusHours(2).toInstant(), Btc.ofSats(PAYOUT_SATS), "Foundry USA"));
    }
    new PayoutStore(store).importAll(payouts, "fixture");
    List<DailyPrice> prices = new ArrayList<>();
    for (int d = 30; d >= 0; d--) prices.add(new DailyPrice(today.minusDays(d), new BigDecimal("98000.00").add(BigDecimal.valueOf(d * 100L))));
    new TreasuryStore(store).savePrices(prices);
    recordEnergyEvents();
    audit = new ConsoleAudit(store, clock);
    server = startServer(store, accounts, audit, desk);
  }

  /**
   * Two demand-response events: at dallas (shared by both owners) every machine was put to sleep
   * and the first half confirmed; at austin (no owner) two machines slept.
   */
  private void recordEnergyEvents() {
    AuditTrail trail = new AuditTrail(store);
    Instant at = now.minus(Duration.ofMinutes(5));
    trail.open(new EnergyEvent("dr-dallas", EnergyEvent.Kind.DEMAND_RESPONSE, "dallas", 120_000L, at, at.plusSeconds(600), at.plusSeconds(3600),
        120_400L, "console:ops", null));
    trail.open(new EnergyEvent("dr-austin", EnergyEvent.Kind.DEMAND_RESPONSE, "austin", 6_000L, at, at.plusSeconds(600), at.plusSeconds(3600),
        6_020L, "console:ops", null));
    List<EnergyAction> actions = new ArrayList<>();
    int i = 0;
    for (FleetMiner m : miners) {
      String site = m.location().site();
      String event = "dallas".equals(site) ? "dr-dallas" : "austin".equals(site) ? "dr-austin" : null;
      if (event == null) continue;
      String a = m.address().toString();
      actions.add(new EnergyAction(at.plusSeconds(1), event, site, a, EnergyAction.Command.SLEEP, S19XP_WATTS, 1, EnergyAction.Outcome.ACCEPTED, null, null));
      if (i++ % 2 == 0) {
        actions.add(new EnergyAction(at.plusSeconds(70), event, site, a, EnergyAction.Command.SLEEP, S19XP_WATTS, 1, EnergyAction.Outcome.CONFIRMED,
            null, 15L));
      }
    }
    trail.append(actions);
  }

  long minersAt(String site, String owner) {
    return miners.stream().filter(m -> site.equals(m.location().site()))
        .filter(m -> owner == null || byOwner.get(owner).contains(m.address().toString())).count();
  }

  /** A console over any store, wired as `up` wires it (without expected BTC on the overview). */
  static ConsoleServer startServer(FleetStore store, Accounts accounts, ConsoleAudit audit, EventDesk desk) {
    Clock clock = Clock.systemUTC();
    FleetView fleet = new FleetView(store, ModelCatalog.bundled(), clock, null);
    ConsoleServices services = new ConsoleServices(accounts, new Sessions(clock, Duration.ofHours(8), accounts), LoginThrottle.standard(clock), audit,
        fleet, new EnergyView(new AuditTrail(store), fleet),
        new MoneyView(store, accounts, ChainHistory.bundled(), FEES, clock),
        new ReportView(store, accounts, ChainHistory.bundled(), ModelCatalog.bundled(), FEES, ReportView.Settings.none(), clock), desk, clock);
    return ConsoleServer.start(services, ConsoleServer.Settings.local(0));
  }

  static MinerSample okSample(MinerAddress a, Instant at, long mhs) {
    return new MinerSample(a, at, telemetry(a, at, mhs), HealthState.OK, null);
  }

  static MinerIdentity s19xp() {
    return identity();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  long ownerMhs(String owner) {
    return byOwner.get(owner).stream().mapToLong(mhsByAddress::get).sum();
  }

  private static MinerIdentity identity() {
    return new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", Dialect.BITMAIN, "Antminer S19 XP 2023", null);
  }

  private static MinerTelemetry telemetry(MinerAddress a, Instant at, long mhs) {
    List<HashboardReading> boards = List.of(new HashboardReading(0, new Hashrate(mhs / 3), 110, 60.0, 71.5, 1),
        new HashboardReading(1, new Hashrate(mhs / 3), 110, 61.0, 72.0, 2), new HashboardReading(2, new Hashrate(mhs - 2 * (mhs / 3)), 110, 62.0, 70.0, 3));
    List<PoolReading> pools = List.of(new PoolReading("stratum+tcp://pool.example:3333", "w1", true, true, 1000, 10, 1));
    return new MinerTelemetry(a, at, identity(), new Hashrate(mhs), new Hashrate(mhs), boards, List.of(5400, 5520, 5460, 5490), S19XP_WATTS,
        pools, 3, 86_400);
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
