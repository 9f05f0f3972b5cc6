package io.hashfleet.cli.command;

import io.hashfleet.collect.discovery.LocationCsv;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerLocation;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Registers miners with their site, rack and position from the site's inventory CSV. Miners not yet
 * identified are asked what they are at their first poll.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Register miners and their locations from a CSV: address,site,rack,position (header line optional).")
public final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE.csv") Path file;

  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() throws Exception {
    Map<MinerAddress, MinerLocation> rows = LocationCsv.read(file);
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      Map<MinerAddress, MinerIdentity> known = new java.util.HashMap<>();
      for (FleetMiner m : store.miners()) known.put(m.address(), m.identity());
      List<FleetMiner> miners = new ArrayList<>(rows.size());
      for (Map.Entry<MinerAddress, MinerLocation> e : rows.entrySet()) {
        MinerIdentity id = known.getOrDefault(e.getKey(), MinerIdentity.UNKNOWN);
        miners.add(new FleetMiner(e.getKey(), id, e.getValue()));
      }
      store.upsertMiners(miners);
      System.out.printf("import: %,d miners from %s (fleet now %,d)%n", miners.size(), file, store.minerCount());
    }
    return 0;
  }
}
