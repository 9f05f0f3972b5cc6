package io.hashfleet.cli.command.energy;

import picocli.CommandLine.Command;

/** Power: economic curtailment, demand response, backtests. */
@Command(name = "energy", mixinStandardHelpOptions = true,
    description = "Economic curtailment and demand response: plan a dispatch over the fleet, backtest a policy over price history.",
    subcommands = {EnergyPlanCommand.class, EnergyBacktestCommand.class, EnergyEventCommand.class, EnergyTrailCommand.class})
public final class EnergyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
