package io.hashfleet.cli.command;

import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Copies one of the store's tables to a Parquet file for analysis elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a store table (samples, latest, miners, alerts, rollup_miner_5m, rollup_group_1m, rollup_group_1h) to Parquet.")
public final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TABLE") String table;

  @Parameters(index = "1", paramLabel = "FILE.parquet") Path file;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      store.exportParquet(table, file);
      System.out.printf("export: %s (%,d rows) to %s%n", table, store.rowCounts().getOrDefault(table, 0L), file);
    }
    return 0;
  }
}
