package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.BarChart;
import io.hashfleet.cli.output.Json;
import io.hashfleet.domain.Btc;
import io.hashfleet.money.treasury.DailyPrice;
import io.hashfleet.money.treasury.DailyProduction;
import io.hashfleet.money.treasury.Fee;
import io.hashfleet.money.treasury.Ledger;
import io.hashfleet.money.treasury.LedgerEntry;
import io.hashfleet.money.treasury.PriceCsv;
import io.hashfleet.money.treasury.PriceSeries;
import io.hashfleet.money.treasury.Receipt;
import io.hashfleet.money.treasury.Sale;
import io.hashfleet.money.treasury.SellPolicy;
import io.hashfleet.money.treasury.SellPolicySimulator;
import io.hashfleet.money.treasury.SimulationDay;
import io.hashfleet.money.treasury.SimulationResult;
import io.hashfleet.money.treasury.Transfer;
import io.hashfleet.money.treasury.TreasuryStore;
import io.hashfleet.money.treasury.Valuation;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The BTC treasury: an append-only ledger in satoshis, valued against a USD price series. */
@Command(name = "treasury", mixinStandardHelpOptions = true,
    description = "BTC treasury: holdings, mark-to-market and P&L; book sales, transfers and fees; import prices; simulate sell policies.",
    subcommands = {TreasuryCommand.Show.class, TreasuryCommand.Book.class, TreasuryCommand.Prices.class, TreasuryCommand.Simulate.class})
public final class TreasuryCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Holdings at a date, their value, realised and unrealised P&L (FIFO).")
  static final class Show implements Callable<Integer> {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Value at the end of this UTC day (default: today).") LocalDate date;
    @Option(names = "--json") boolean json;
    @Mixin OwnerOptions ownerOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      LocalDate day = date != null ? date : LocalDate.now(ZoneOffset.UTC);
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        TreasuryStore t = new TreasuryStore(store, ownerOptions.books(store));
        Ledger ledger = t.ledger();
        PriceSeries prices = t.prices();
        if (prices.isEmpty()) throw new IllegalArgumentException("no BTC prices in the store: import some with 'hashfleet treasury prices import FILE.csv'");
        Valuation v = Valuation.of(ledger, prices, day);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", day.toString());
        m.put("holdings_btc", v.holdings().toBtc());
        m.put("usd_per_btc", v.usdPerBtc());
        m.put("market_value_usd", v.marketValue());
        m.put("cost_basis_usd", v.costBasis());
        m.put("proceeds_usd", v.proceeds());
        m.put("realised_pnl_usd", v.realisedPnl());
        m.put("unrealised_pnl_usd", v.unrealisedPnl());
        m.put("entries", ledger.entriesUntil(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)).size());
        if (json) {
          System.out.println(Json.pretty(m));
        } else {
          m.forEach((k, val) -> System.out.printf("  %-20s %s%n", k, val instanceof BigDecimal b ? b.toPlainString() : val));
        }
      }
      return 0;
    }
  }

  @Command(name = "book", mixinStandardHelpOptions = true,
      description = "Append a sale, transfer, fee or manual receipt. Refused if it would spend more than is held at any moment.")
  static final class Book implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "sale, transfer, fee or receipt") String kind;
    @Option(names = "--id", required = true) String id;
    @Option(names = "--at", required = true, paramLabel = "DATE|INSTANT") String at;
    @Option(names = "--btc", required = true, paramLabel = "AMOUNT") String btc;
    @Option(names = "--usd", paramLabel = "PROCEEDS", description = "Sale proceeds in USD.") BigDecimal usd;
    @Option(names = "--fee-btc", paramLabel = "AMOUNT", description = "Network fee of a sale or transfer.") String feeBtc;
    @Option(names = "--to", paramLabel = "DESTINATION", description = "Where a transfer went.") String destination;
    @Option(names = "--memo") String memo;
    @Mixin OwnerOptions ownerOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      var when = Period.instant("--at", at);
      Btc amount = Btc.parse(btc);
      Btc fee = feeBtc == null ? Btc.ZERO : Btc.parse(feeBtc);
      LedgerEntry entry = switch (kind) {
        case "sale" -> {
          if (usd == null) throw new IllegalArgumentException("a sale needs --usd PROCEEDS");
          yield new Sale(id, when, amount, usd, fee);
        }
        case "transfer" -> new Transfer(id, when, amount, destination == null ? "unspecified" : destination, fee);
        case "fee" -> new Fee(id, when, amount, memo == null ? "" : memo);
        case "receipt" -> new Receipt(id, when, amount, memo == null ? "manual" : memo);
        default -> throw new IllegalArgumentException("KIND must be sale, transfer, fee or receipt, got '" + kind + "'");
      };
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        TreasuryStore t = new TreasuryStore(store, ownerOptions.books(store));
        t.append(entry);
        System.out.printf("booked %s; holdings now %s BTC%n", entry.describe(), t.ledger().balance());
      }
      return 0;
    }
  }

  @Command(name = "prices", mixinStandardHelpOptions = true, description = "Import daily USD prices from CSV (date,price_usd); any bad line and nothing is imported.")
  static final class Prices implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv") Path file;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      List<DailyPrice> prices = PriceCsv.read(file).orThrow();
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        TreasuryStore t = new TreasuryStore(store);
        var known = t.pricedDays();
        List<DailyPrice> fresh = prices.stream().filter(p -> !known.contains(p.date())).toList();
        t.savePrices(fresh);
        System.out.printf("%s: %d prices read, %d new, %d days already priced kept as they were%n", file, prices.size(), fresh.size(),
            prices.size() - fresh.size());
      }
      return 0;
    }
  }

  @Command(name = "simulate", mixinStandardHelpOptions = true,
      description = "Replay the ledger's mining receipts under a sell policy over the price history: hold, share:FRACTION or above:USD.")
  static final class Simulate implements Callable<Integer> {
    @Option(names = "--policy", required = true, description = "hold, share:0.5 (sell half of each day's production) or above:100000") String policy;
    @Option(names = "--from", required = true) LocalDate from;
    @Option(names = "--to", required = true) LocalDate to;
    @Option(names = "--prices", paramLabel = "FILE.csv", description = "Price history to use instead of the store's.") Path pricesFile;
    @Option(names = "--json") boolean json;
    @Mixin OwnerOptions ownerOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      SellPolicy p = parsePolicy(policy);
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        TreasuryStore t = new TreasuryStore(store, ownerOptions.books(store));
        PriceSeries prices = pricesFile != null ? PriceSeries.of(PriceCsv.read(pricesFile).orThrow()) : t.prices();
        List<Receipt> receipts = t.entries().stream().filter(e -> e instanceof Receipt).map(e -> (Receipt) e).toList();
        SimulationResult r = SellPolicySimulator.run(p, DailyProduction.fromReceipts(receipts), prices, from, to);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy);
        m.put("produced_btc", r.produced().toBtc());
        m.put("sold_btc", r.sold().toBtc());
        m.put("held_btc", r.held().toBtc());
        m.put("proceeds_usd", r.proceeds());
        m.put("market_value_usd", r.marketValue());
        m.put("total_value_usd", r.totalValue());
        if (json) {
          List<Map<String, Object>> days = new ArrayList<>();
          for (SimulationDay d : r.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", d.date().toString());
            day.put("usd_per_btc", d.usdPerBtc());
            day.put("holdings_btc", d.holdings().toBtc());
            day.put("cumulative_proceeds_usd", d.cumulativeProceeds());
            days.add(day);
          }
          m.put("per_day", days);
          System.out.println(Json.pretty(m));
          return 0;
        }
        m.forEach((k, val) -> System.out.printf("  %-18s %s%n", k, val instanceof BigDecimal b ? b.toPlainString() : val));
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (SimulationDay d : r.days()) {
          labels.add(d.date().toString());
          values.add(d.holdings().toBtc().doubleValue());
          texts.add(d.holdings() + " BTC held");
        }
        System.out.println("holdings by day:");
        System.out.print(BarChart.render(labels, values, texts, 40));
      }
      return 0;
    }

    static SellPolicy parsePolicy(String text) {
      if (text.equals("hold")) return new SellPolicy.Hold();
      try {
        if (text.startsWith("share:")) return new SellPolicy.SellShareOfProduction(new BigDecimal(text.substring(6)));
        if (text.startsWith("above:")) return new SellPolicy.SellAbovePrice(new BigDecimal(text.substring(6)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--policy '" + text + "': the number is not valid");
      }
      throw new IllegalArgumentException("--policy '" + text + "': expected hold, share:FRACTION or above:USD");
    }
  }
}
