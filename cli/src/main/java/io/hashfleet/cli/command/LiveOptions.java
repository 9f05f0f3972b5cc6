package io.hashfleet.cli.command;

import picocli.CommandLine.Option;

/** Where `status` and `miners` find a running `hashfleet up` before falling back to the store. */
public final class LiveOptions {
  @Option(names = "--live-port", defaultValue = "8408", description = "Where a running `hashfleet up` serves live data (default: ${DEFAULT-VALUE}).")
  int port;

  public int port() {
    return port;
  }
}
