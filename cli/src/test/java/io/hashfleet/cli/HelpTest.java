package io.hashfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly: picocli reads descriptions as format strings, so a lone % breaks them. */
class HelpTest {
  @Test
  void everyCommandsHelpRendersWithoutWarnings() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> names = new ArrayList<>();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      walk(Main.commandLine(), names);
    } finally {
      System.setErr(err);
    }
    assertThat(names).contains("hashfleet report monthly", "hashfleet energy backtest", "hashfleet production reconcile",
        "hashfleet tenants assign", "hashfleet users revoke-token");
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  private static void walk(CommandLine cl, List<String> names) {
    names.add(cl.getCommandSpec().qualifiedName());
    assertThat(cl.getUsageMessage()).contains("Usage:");
    for (CommandLine sub : cl.getSubcommands().values()) walk(sub, names);
  }
}
