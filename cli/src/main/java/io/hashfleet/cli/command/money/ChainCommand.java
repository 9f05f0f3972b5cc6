package io.hashfleet.cli.command.money;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.cli.output.Progress;
import io.hashfleet.money.chain.BitcoinCoreRpc;
import io.hashfleet.money.chain.ChainCsv;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.chain.ChainSource;
import io.hashfleet.money.chain.ChainStore;
import io.hashfleet.money.chain.ChainSync;
import io.hashfleet.money.chain.DifficultyEpoch;
import io.hashfleet.money.chain.EsploraApi;
import io.hashfleet.money.network.NetworkHashrate;
import io.hashfleet.store.FleetStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Difficulty history and fees kept in the store, on top of the bundled history. */
@Command(name = "chain", mixinStandardHelpOptions = true,
    description = "Chain data for production accounting: bundled difficulty history, extended from a node, an Esplora API or a CSV.",
    subcommands = {ChainCommand.Import.class, ChainCommand.Update.class, ChainCommand.Show.class})
public final class ChainCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Store difficulty epochs from a height,time,difficulty CSV (all rows or none).")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv") Path file;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      List<DifficultyEpoch> epochs = ChainCsv.read(file);
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        ChainStore cs = new ChainStore(store);
        int added = cs.saveEpochs(epochs);
        ChainHistory h = cs.history(); // checks the merged history is in time order
        System.out.printf("%s: %d epochs read, %d new; chain data now runs to block %d (%s)%n", file, epochs.size(), added,
            h.last().height(), h.last().start());
      }
      return 0;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Fetch epochs after the last known one (and, from a node, each block's fees) and store them.")
  static final class Update implements Callable<Integer> {
    static final class Source {
      @Option(names = "--node", paramLabel = "URL", description = "Bitcoin Core JSON-RPC, such as http://user:pass@127.0.0.1:8332/") URI node;
      @Option(names = "--esplora", paramLabel = "URL", description = "Esplora REST API root, such as https://blockstream.info/api") URI esplora;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Source source;
    @Option(names = "--rpc-cookie", paramLabel = "FILE", description = "The node's .cookie file instead of a user and password in the URL.") Path cookie;
    @Option(names = "--from-height", paramLabel = "HEIGHT", description = "Refetch epochs from this height (default: after the last known one).") Integer fromHeight;
    @Option(names = "--no-fees", description = "Skip getblockstats.") boolean noFees;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() throws IOException {
      ChainSource src;
      if (source.node != null) {
        String credentials = cookie == null ? null : Files.readString(cookie, StandardCharsets.UTF_8).strip();
        src = new BitcoinCoreRpc(source.node, credentials);
      } else {
        src = new EsploraApi(source.esplora);
      }
      try (FleetStore store = FleetStore.open(storeOptions.store())) {
        ChainStore cs = new ChainStore(store);
        Progress progress = new Progress("chain update");
        ChainSync.Result r = new ChainSync(cs).update(src, fromHeight == null ? OptionalInt.empty() : OptionalInt.of(fromHeight), !noFees,
            (done, total) -> progress.update(done, total, "requests"));
        progress.finish();
        ChainHistory h = cs.history();
        System.out.printf("%s: tip %d; %d epochs fetched (%d new), fees of %d blocks; chain data now runs to block %d (%s)%n", src.name(),
            r.tip(), r.epochsFetched(), r.epochsNew(), r.feeBlocksFetched(), h.last().height(), h.last().start());
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "The most recent difficulty epochs, where each came from, and the network hashrate estimated from difficulty and from block intervals.")
  static final class Show implements Callable<Integer> {
    @Option(names = "--last", defaultValue = "12", description = "How many epochs (default: ${DEFAULT-VALUE}).") int last;
    @Option(names = "--json", description = "JSON Lines, one epoch per line.") boolean json;
    @Mixin ChainOptions chainOptions;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      boolean haveStore = Files.exists(storeOptions.store());
      try (FleetStore store = haveStore ? FleetStore.open(storeOptions.store()) : null) {
        ChainHistory history = chainOptions.history(store);
        List<DifficultyEpoch> all = history.epochs();
        if (!json) System.out.printf("%9s  %-20s  %8s  %10s  %14s  %14s  %s%n", "height", "start", "bits", "difficulty", "EH/s (diff.)",
            "EH/s (blocks)", "source");
        for (DifficultyEpoch e : all.subList(Math.max(0, all.size() - last), all.size())) {
          double byDifficulty = NetworkHashrate.fromDifficulty(e.difficulty()).ehs();
          Double byBlocks = NetworkHashrate.fromBlockIntervals(history, e).map(h -> h.ehs()).orElse(null);
          if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("height", e.height());
            m.put("time", e.start().toString());
            m.put("bits", e.bits() == 0 ? null : String.format("%08x", e.bits()));
            m.put("difficulty", Math.round(e.difficulty()));
            m.put("network_ehs_from_difficulty", Math.round(byDifficulty * 10) / 10.0);
            m.put("network_ehs_from_block_intervals", byBlocks == null ? null : Math.round(byBlocks * 10) / 10.0);
            m.put("source", e.source());
            System.out.println(Json.line(m));
          } else {
            System.out.printf("%9d  %-20s  %8s  %10.4g  %14.1f  %14s  %s%n", e.height(), e.start(), e.bits() == 0 ? "-" : String.format("%08x", e.bits()),
                e.difficulty(), byDifficulty, byBlocks == null ? "(epoch open)" : String.format("%.1f", byBlocks), e.source());
          }
        }
      }
      return 0;
    }
  }
}
