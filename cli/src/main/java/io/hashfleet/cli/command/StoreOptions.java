package io.hashfleet.cli.command;

import io.hashfleet.domain.ModelCatalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that touches the fleet shares: where the store is, which catalog. */
public final class StoreOptions {
  @Option(names = "--store", paramLabel = "FILE", description = "Embedded store file (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:HASHFLEET_STORE:-.hashfleet/hashfleet.duckdb}")
  Path store;

  @Option(names = "--models", paramLabel = "FILE", description = "Extra ASIC model catalog CSV, on top of the bundled one.")
  Path models;

  public Path store() {
    return store;
  }

  public ModelCatalog catalog() {
    return models == null ? ModelCatalog.bundled() : ModelCatalog.withExtension(models);
  }
}
