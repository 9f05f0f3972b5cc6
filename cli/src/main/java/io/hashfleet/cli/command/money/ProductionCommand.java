package io.hashfleet.cli.command.money;

import picocli.CommandLine.Command;

/** Production accounting: what the hashrate should have earned, and what it did. */
@Command(name = "production", mixinStandardHelpOptions = true,
    description = "Expected production from chain data, and actual payouts reconciled against it.",
    subcommands = {ProductionExpectedCommand.class, ProductionReconcileCommand.class})
public final class ProductionCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
