package io.hashfleet.cli.command.money;

import picocli.CommandLine.Option;

/** A period on the command line: --from and --to (dates or instants, UTC), or a whole --month. */
final class PeriodOptions {
  @Option(names = "--from", paramLabel = "DATE|INSTANT", description = "Start of the period (UTC; a date is its midnight).") String from;
  @Option(names = "--to", paramLabel = "DATE|INSTANT", description = "End of the period, exclusive.") String to;
  @Option(names = "--month", paramLabel = "YYYY-MM", description = "The whole UTC month instead of --from/--to.") String month;

  Period period() {
    return Period.of(from, to, month);
  }

  boolean isEmpty() {
    return from == null && to == null && month == null;
  }
}
