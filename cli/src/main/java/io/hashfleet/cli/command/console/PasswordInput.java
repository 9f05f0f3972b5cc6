package io.hashfleet.cli.command.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a new user's password comes from. Never a command-line argument: shell history and the
 * process list would show it. HASHFLEET_PASSWORD when set (provisioning scripts); else, for a
 * person at a terminal, a prompt that does not echo; else the first line of standard input, so
 * {@code echo "$PW" | hashfleet users add ...} works.
 */
final class PasswordInput {
  static final String ENV = "HASHFLEET_PASSWORD";

  private PasswordInput() {}

  static char[] read(String username) throws IOException {
    String fromEnv = System.getenv(ENV);
    if (fromEnv != null) return fromEnv.toCharArray();
    Console terminal = terminal();
    if (terminal != null) return prompt(terminal, username);
    // Not closed: closing would close System.in, which belongs to the process, not to this command.
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("no password: set " + ENV + " or give it on the first line of standard input");
    }
    return line.toCharArray();
  }

  /** Asks twice, since nobody sees what was typed. */
  private static char[] prompt(Console terminal, String username) {
    char[] first = terminal.readPassword("Password for %s: ", username);
    char[] again = terminal.readPassword("Again: ");
    if (first == null || again == null) throw new IllegalArgumentException("no password given");
    boolean same = Arrays.equals(first, again);
    Arrays.fill(again, '\0');
    if (!same) {
      Arrays.fill(first, '\0');
      throw new IllegalArgumentException("the two passwords differ; nothing changed");
    }
    return first;
  }

  /** The console when a person types at a terminal; null when input is piped or redirected. */
  private static Console terminal() {
    Console console = System.console();
    if (console == null) return null;
    try {
      // Since Java 22 a console may exist with piped input too; isTerminal tells the two apart.
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
    } catch (ReflectiveOperationException e) {
      return console; // Java 21: a console exists only at a terminal
    }
  }
}
