package io.hashfleet.cli.command.money;

import io.hashfleet.money.chain.ChainCsv;
import io.hashfleet.money.chain.ChainHistory;
import io.hashfleet.money.chain.ChainStore;
import io.hashfleet.money.chain.DifficultyEpoch;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where difficulty history comes from: bundled, then the store's, then CSV files given here. */
final class ChainOptions {
  @Option(names = "--chain-data", paramLabel = "FILE.csv",
      description = "Difficulty epochs as height,time,difficulty rows, on top of the bundled and stored history (repeatable).")
  List<Path> chainData = new ArrayList<>();

  ChainHistory history(FleetStore storeOrNull) {
    ChainHistory h = storeOrNull == null ? ChainHistory.bundled() : new ChainStore(storeOrNull).history();
    List<DifficultyEpoch> extra = new ArrayList<>();
    for (Path p : chainData) extra.addAll(ChainCsv.read(p));
    return extra.isEmpty() ? h : h.with(extra);
  }
}
