package io.hashfleet.cli.command.money;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.money.treasury.Books;
import io.hashfleet.store.FleetStore;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * {@code --owner TENANT}: whose payouts and treasury ledger a command reads and writes (store V9).
 * A store hosting several owners keeps books for each; without the option, the store's default
 * books, as before owners had books of their own.
 */
public final class OwnerOptions {
  @Option(names = "--owner", paramLabel = "TENANT",
      description = "Owner tenant whose books these are (default: the store's default books, i.e. the books tenant's).")
  String owner;

  /**
   * The books to use. The tenant must exist and be an owner. The books tenant's own books include
   * the default (untenanted) rows, so naming it with --owner or leaving --owner out reads the same
   * payouts and ledger; with no books tenant set, the default books stand alone, as they always did.
   */
  public Books books(FleetStore store) {
    return owner != null ? new Accounts(store, Clock.systemUTC()).booksOf(owner) : defaultBooks(store);
  }

  /** The books a command without --owner reads: the books tenant's (untenanted rows included), or the default books alone. */
  static Books defaultBooks(FleetStore store) {
    return new Accounts(store, Clock.systemUTC()).defaultBooks();
  }

  /** For output: empty without --owner, else " (owner X)". */
  String label() {
    return owner == null ? "" : " (owner " + owner + ")";
  }
}
