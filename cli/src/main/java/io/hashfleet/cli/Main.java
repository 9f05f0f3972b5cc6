package io.hashfleet.cli;

import io.hashfleet.cli.command.ExportCommand;
import io.hashfleet.cli.command.HistoryCommand;
import io.hashfleet.cli.command.ImportCommand;
import io.hashfleet.cli.command.MinersCommand;
import io.hashfleet.cli.command.ScanCommand;
import io.hashfleet.cli.command.SimCommand;
import io.hashfleet.cli.command.StatusCommand;
import io.hashfleet.cli.command.UpCommand;
import io.hashfleet.cli.command.console.TenantsCommand;
import io.hashfleet.cli.command.console.UsersCommand;
import io.hashfleet.cli.command.energy.EnergyCommand;
import io.hashfleet.cli.command.money.ChainCommand;
import io.hashfleet.cli.command.money.CostsCommand;
import io.hashfleet.cli.command.money.PayoutsCommand;
import io.hashfleet.cli.command.money.ProductionCommand;
import io.hashfleet.cli.command.money.ReportCommand;
import io.hashfleet.cli.command.money.TreasuryCommand;
import io.hashfleet.money.csv.ImportException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point; {@link #run} returns the exit code so tests never call System.exit. */
@Command(
    name = "hashfleet",
    mixinStandardHelpOptions = true,
    version = "hashfleet 0.1.0",
    description = "Watch and run an industrial Bitcoin mining fleet through the miners' own APIs.",
    subcommands = {UpCommand.class, SimCommand.class, ScanCommand.class, StatusCommand.class, MinersCommand.class, HistoryCommand.class,
        ImportCommand.class, ExportCommand.class, ChainCommand.class, ProductionCommand.class, PayoutsCommand.class,
        TreasuryCommand.class, CostsCommand.class, ReportCommand.class, EnergyCommand.class, TenantsCommand.class, UsersCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line with its error handling, for tests that capture output. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      // Expected failures (bad input, unreachable store) get one clear line, not a stack trace.
      PrintWriter err = line.getErr();
      String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
      err.println(line.getColorScheme().errorText(line.getCommandSpec().qualifiedName() + ": " + msg));
      if (System.getenv("HASHFLEET_DEBUG") != null) ex.printStackTrace(err);
      return ex instanceof IllegalArgumentException || ex instanceof ImportException ? 2 : 1;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
