package io.hashfleet.cli.runtime;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.ConsoleAudit;
import io.hashfleet.console.access.LoginThrottle;
import io.hashfleet.console.access.Sessions;
import io.hashfleet.console.energy.EnergyView;
import io.hashfleet.console.energy.EventDesk;
import io.hashfleet.console.fleet.FleetView;
import io.hashfleet.console.fleet.ProductionFigures;
import io.hashfleet.console.money.MoneyView;
import io.hashfleet.console.money.ReportView;
import io.hashfleet.console.web.ConsoleServer;
import io.hashfleet.console.web.ConsoleServices;
import io.hashfleet.domain.Btc;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.execution.ExecutionReport;
import io.hashfleet.money.chain.ChainStore;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.store.FleetStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Starts the web console inside `up`, over the same store, with the energy controller when it runs. */
public final class ConsoleRuntime {
  /** Fees assumed per block for the overview's expected BTC where the store holds no observed fees. */
  static final Btc FEES_PER_BLOCK = Btc.ofBtc(new BigDecimal("0.05"));

  private ConsoleRuntime() {}

  /** @param reports hosting contracts and peers for the monthly report, as `report monthly` takes them */
  public static ConsoleServer start(FleetStore store, ModelCatalog catalog, EnergyControl energy, ReportView.Settings reports, String host, int port,
      Clock clock) {
    Accounts accounts = new Accounts(store, clock);
    var chain = new ChainStore(store).history();
    var fees = new FeeAssumption.PerBlock(FEES_PER_BLOCK);
    ProductionFigures production = new ProductionFigures(store, chain, fees, clock);
    FleetView fleet = new FleetView(store, catalog, clock, production);
    ConsoleServices services = new ConsoleServices(accounts, new Sessions(clock, Duration.ofHours(8), accounts), LoginThrottle.standard(clock),
        new ConsoleAudit(store, clock), fleet, new EnergyView(new AuditTrail(store), fleet), new MoneyView(store, accounts, chain, fees, clock),
        new ReportView(store, accounts, chain, catalog, fees, reports, clock), energy == null ? null : desk(energy), clock);
    return ConsoleServer.start(services, new ConsoleServer.Settings(host, port, false));
  }

  private static EventDesk desk(EnergyControl energy) {
    return (site, shedWatts, within, duration, source) -> {
      String id = "dr-" + UUID.randomUUID().toString().substring(0, 8);
      ExecutionReport r = energy.demandResponse(id, site, shedWatts, within, duration, source);
      long accepted = 0;
      for (long w : r.acceptedSleepWatts()) accepted += w;
      return new EventDesk.Receipt(id, r.orders(), r.accepted(), r.refused().size(), r.failed().size(), accepted);
    };
  }
}
