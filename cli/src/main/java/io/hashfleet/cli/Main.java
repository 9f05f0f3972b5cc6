package io.hashfleet.cli;

/** Entry point; {@link #run} returns the exit code so tests never call System.exit. */
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return 0;
  }
}
