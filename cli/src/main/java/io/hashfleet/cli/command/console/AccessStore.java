package io.hashfleet.cli.command.console;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.ConsoleAudit;
import io.hashfleet.store.FleetStore;
import java.nio.file.Path;
import java.time.Clock;

/** The store opened for the console's people: its accounts, and the audit log changes are recorded in. */
final class AccessStore implements AutoCloseable {
  /**
   * Said in every command's help: DuckDB lets one process at a time open a store file, and the
   * console these commands prepare is served by that process.
   */
  static final String STOP_UP = "Stop `hashfleet up` first: it holds the store file, which one process at a time may open.";

  final FleetStore store;
  final Accounts accounts;
  private final ConsoleAudit audit;

  AccessStore(Path file) {
    this.store = FleetStore.open(file);
    Clock clock = Clock.systemUTC();
    this.accounts = new Accounts(store, clock);
    this.audit = new ConsoleAudit(store, clock);
  }

  /**
   * Records a change in the console's audit log, beside the same changes made in the console, so
   * an admin there sees who was given access from the command line too.
   */
  void audit(String tenant, String action, String target, String detail) {
    audit.record(null, tenant, action, target, detail == null ? "from the command line" : detail + ", from the command line", null);
  }

  @Override
  public void close() {
    store.close();
  }
}
