package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.domain.Btc;
import io.hashfleet.money.payout.Payout;
import io.hashfleet.money.payout.PayoutCsv;
import io.hashfleet.money.payout.PayoutStore;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Pool payouts: import them (each also booked in the treasury) and list them. */
@Command(name = "payouts", mixinStandardHelpOptions = true, description = "Pool payouts: import a CSV (all rows or none), list.",
    subcommands = {PayoutsCommand.Import.class, PayoutsCommand.Fetch.class, PayoutsCommand.ListPayouts.class})
public final class PayoutsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import payouts from CSV (payout_id,paid_at,amount_btc,currency[,pool]); any bad line and nothing is imported.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv") Path file;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        PayoutStore payouts = new PayoutStore(store);
        List<Payout> rows = PayoutCsv.read(file, payouts.ids()).orThrow();
        payouts.importAll(rows, file.getFileName().toString());
        Btc total = rows.stream().map(Payout::amount).reduce(Btc.ZERO, Btc::plus);
        System.out.printf("%s: %d payouts imported, %s BTC, booked as treasury receipts%n", file, rows.size(), total);
      }
      return 0;
    }
  }

  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = "Fetch daily FPPS rewards from a pool's API (braiins) and store the days not yet imported.")
  static final class Fetch implements Callable<Integer> {
    @Parameters(paramLabel = "POOL", description = "braiins") String pool;
    @Option(names = "--from", required = true) java.time.LocalDate from;
    @Option(names = "--to", description = "Last day, inclusive (default: yesterday, UTC; today's reward is not final).") java.time.LocalDate to;
    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the access token (default: env HASHFLEET_POOL_TOKEN).") Path tokenFile;
    @Option(names = "--base-url", paramLabel = "URL", hidden = true) java.net.URI baseUrl;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      if (!pool.equals("braiins")) throw new IllegalArgumentException("POOL must be braiins (the others' payout APIs come later), got '" + pool + "'");
      String token = tokenFile != null ? java.nio.file.Files.readString(tokenFile).strip() : System.getenv("HASHFLEET_POOL_TOKEN");
      if (token == null || token.isBlank()) throw new IllegalArgumentException("give --token-file FILE or set HASHFLEET_POOL_TOKEN");
      java.time.LocalDate last = to != null ? to : java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
      var client = new io.hashfleet.money.payout.BraiinsPoolRewards(baseUrl != null ? baseUrl : io.hashfleet.money.payout.BraiinsPoolRewards.DEFAULT_BASE, token);
      List<Payout> fetched = client.fetch(from, last);
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        PayoutStore payouts = new PayoutStore(store);
        var known = payouts.ids();
        List<Payout> fresh = fetched.stream().filter(p -> !known.contains(p.id())).toList();
        if (!fresh.isEmpty()) payouts.importAll(fresh, "braiins pool api");
        Btc total = fresh.stream().map(Payout::amount).reduce(Btc.ZERO, Btc::plus);
        System.out.printf("Braiins Pool %s..%s: %d days with rewards, %d new (%s BTC), %d already imported%n", from, last, fetched.size(),
            fresh.size(), total, fetched.size() - fresh.size());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Payouts in a period, oldest first.")
  static final class ListPayouts implements Callable<Integer> {
    @Option(names = "--json", description = "JSON Lines.") boolean json;
    @Mixin PeriodOptions periodOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      Period p = periodOptions.isEmpty() ? new Period(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")) : periodOptions.period();
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        Btc total = Btc.ZERO;
        for (Payout pay : new PayoutStore(store).between(p.from(), p.to())) {
          total = total.plus(pay.amount());
          if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("payout_id", pay.id());
            m.put("paid_at", pay.paidAt().toString());
            m.put("btc", pay.amount().toBtc());
            m.put("pool", pay.pool());
            System.out.println(Json.line(m));
          } else {
            System.out.printf("%-24s %s  %s BTC  %s%n", pay.id(), pay.paidAt(), pay.amount(), pay.pool() == null ? "" : pay.pool());
          }
        }
        if (!json) System.out.println("total " + total + " BTC");
      }
      return 0;
    }
  }
}
