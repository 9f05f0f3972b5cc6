package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.domain.Btc;
import io.hashfleet.money.payout.AntpoolRevenue;
import io.hashfleet.money.payout.BraiinsPoolRewards;
import io.hashfleet.money.payout.F2PoolRevenue;
import io.hashfleet.money.payout.LuxorRevenue;
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
@Command(name = "payouts", mixinStandardHelpOptions = true, description = "Pool payouts: import a CSV (all rows or none), fetch from a pool's API, list.",
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
    @Mixin OwnerOptions ownerOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        PayoutStore payouts = new PayoutStore(store, ownerOptions.books(store));
        List<Payout> rows = PayoutCsv.read(file, payouts.ids(), payouts.idsElsewhere()).orThrow();
        payouts.importAll(rows, file.getFileName().toString());
        Btc total = rows.stream().map(Payout::amount).reduce(Btc.ZERO, Btc::plus);
        System.out.printf("%s: %d payouts imported%s, %s BTC, booked as treasury receipts%n", file, rows.size(), ownerOptions.label(), total);
      }
      return 0;
    }
  }

  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = {"Fetch daily FPPS earnings from a pool's API and store the days not yet imported, each booked as a treasury receipt.",
          "  braiins  Braiins Pool rewards; the token's access profile names the account; --account, optional, is a label",
          "           kept in the payout ids, for a store that keeps two Braiins accounts (two owners' books).",
          "  f2pool   F2Pool revenue (API v2); --account is the mining account name.",
          "  luxor    Luxor revenue (API v2); --account is one or more subaccount names, comma-separated.",
          "  antpool  Antpool daily earnings (paymentHistoryV2); --account is the user id (account or sub-account name),",
          "           and the token is KEY:SECRET, the API key and its secret.",
          "The token or API key comes from --token-file or the environment, never from the command line."})
  static final class Fetch implements Callable<Integer> {
    @Parameters(paramLabel = "POOL", description = "braiins, f2pool, luxor or antpool") String pool;
    @Option(names = "--from", required = true) java.time.LocalDate from;
    @Option(names = "--to", description = "Last day, inclusive (default: yesterday, UTC; today's earnings are not final).") java.time.LocalDate to;
    @Option(names = "--account", paramLabel = "NAME[,NAME]", description = "f2pool: mining account name; luxor: subaccount name(s); antpool: user id; braiins: optional label.") String account;
    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the pool's token or API key (default: env HASHFLEET_POOL_TOKEN).")
    Path tokenFile;
    @Option(names = "--base-url", paramLabel = "URL", hidden = true) java.net.URI baseUrl;
    @Mixin OwnerOptions ownerOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      if (!List.of("braiins", "f2pool", "luxor", "antpool").contains(pool)) {
        throw new IllegalArgumentException("POOL must be braiins, f2pool, luxor or antpool, got '" + pool + "'");
      }
      if (!pool.equals("braiins") && (account == null || account.isBlank())) {
        throw new IllegalArgumentException(pool + " needs --account (" + switch (pool) {
          case "f2pool" -> "the mining account name";
          case "antpool" -> "the user id: account or sub-account name";
          default -> "the subaccount name(s)";
        } + ")");
      }
      String token = tokenFile != null ? java.nio.file.Files.readString(tokenFile).strip() : System.getenv("HASHFLEET_POOL_TOKEN");
      if (token == null || token.isBlank()) throw new IllegalArgumentException("give --token-file FILE or set HASHFLEET_POOL_TOKEN");
      java.time.LocalDate last = to != null ? to : java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
      if (last.isBefore(from)) throw new IllegalArgumentException("--to " + last + " is before --from " + from);
      String name;
      List<Payout> fetched;
      switch (pool) {
        case "braiins" -> {
          name = account == null ? "Braiins Pool" : "Braiins Pool " + account.strip();
          fetched = new BraiinsPoolRewards(base(BraiinsPoolRewards.DEFAULT_BASE), token, account).fetch(from, last);
        }
        case "f2pool" -> {
          name = "F2Pool " + account.strip();
          fetched = new F2PoolRevenue(base(F2PoolRevenue.DEFAULT_BASE), token, account).fetch(from, last);
        }
        case "antpool" -> {
          name = "Antpool " + account.strip();
          int colon = token.indexOf(':');
          if (colon <= 0 || colon == token.length() - 1) throw new IllegalArgumentException("antpool's token is KEY:SECRET (the API key, a colon, its secret)");
          fetched = new AntpoolRevenue(base(AntpoolRevenue.DEFAULT_BASE), account, token.substring(0, colon), token.substring(colon + 1),
              java.time.Clock.systemUTC()).fetch(from, last);
        }
        default -> {
          name = "Luxor " + account.strip();
          fetched = new LuxorRevenue(base(LuxorRevenue.DEFAULT_BASE), token, List.of(account.split(","))).fetch(from, last);
        }
      }
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        // Resolved before fetching would be nicer, but the store is opened once, here; a bad --owner still writes nothing.
        PayoutStore payouts = new PayoutStore(store, ownerOptions.books(store));
        var known = payouts.ids();
        var elsewhere = payouts.idsElsewhere();
        List<String> clash = fetched.stream().map(Payout::id).filter(elsewhere::containsKey).map(id -> id + " (in " + elsewhere.get(id) + ")").toList();
        if (!clash.isEmpty()) {
          throw new IllegalArgumentException(clash.size() + " fetched payout ids are already in other books, nothing imported"
              + " (payout ids are unique across the store): " + String.join(", ", clash));
        }
        List<Payout> fresh = fetched.stream().filter(p -> !known.contains(p.id())).toList();
        if (!fresh.isEmpty()) payouts.importAll(fresh, pool.equals("braiins") ? "braiins pool api" : pool + " api");
        Btc total = fresh.stream().map(Payout::amount).reduce(Btc.ZERO, Btc::plus);
        System.out.printf("%s %s..%s: %d daily credits, %d new (%s BTC), %d already imported%n", name, from, last, fetched.size(),
            fresh.size(), total, fetched.size() - fresh.size());
      }
      return 0;
    }

    private java.net.URI base(java.net.URI official) {
      return baseUrl != null ? baseUrl : official;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Payouts in a period, oldest first.")
  static final class ListPayouts implements Callable<Integer> {
    @Option(names = "--json", description = "JSON Lines.") boolean json;
    @Mixin PeriodOptions periodOptions;
    @Mixin OwnerOptions ownerOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      Period p = periodOptions.isEmpty() ? new Period(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")) : periodOptions.period();
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        Btc total = Btc.ZERO;
        for (Payout pay : new PayoutStore(store, ownerOptions.books(store)).between(p.from(), p.to())) {
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
