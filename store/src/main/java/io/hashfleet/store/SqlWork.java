package io.hashfleet.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of SQL work for modules that keep their own tables in the fleet store (chain data,
 * payouts, the treasury ledger). Their tables are created by the store's migrations, so one file
 * and one schema version cover everything; their queries live next to their domain.
 *
 * <p>Write instants with {@code make_timestamp(?)} and {@link UtcMicros#of}, read them with
 * {@code epoch_us(col)} and {@link UtcMicros#toInstant}: TIMESTAMP columns hold UTC.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection c) throws SQLException;
}
