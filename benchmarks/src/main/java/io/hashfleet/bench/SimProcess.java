package io.hashfleet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator in its own JVM, as an operator would run it next to the poller, so the load
 * harness measures two processes sharing the machine rather than one process talking to itself.
 */
final class SimProcess implements AutoCloseable {
  private final Process process;
  private final int webPort;
  private final int grpcPort;

  private SimProcess(Process process, int webPort, int grpcPort) {
    this.process = process;
    this.webPort = webPort;
    this.grpcPort = grpcPort;
  }

  static SimProcess start(int miners, String range, int port, String mix) throws IOException, InterruptedException {
    return start(miners, range, port, mix, null);
  }

  /** @param firmware the sim's firmware mix for Antminers (stock, braiins, luxos), or null for its default */
  static SimProcess start(int miners, String range, int port, String mix, String firmware) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "io.hashfleet.cli.Main", "sim", "--miners", Integer.toString(miners), "--range", range, "--port", Integer.toString(port),
        "--mix", mix));
    if (firmware != null) cmd.addAll(List.of("--firmware", firmware));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("sim:")) {
      p.destroyForcibly();
      throw new IOException("simulator did not start: " + line);
    }
    System.out.println(line);
    Matcher ports = Pattern.compile("web port (\\d+), gRPC port (\\d+)").matcher(line);
    if (!ports.find()) {
      p.destroyForcibly();
      throw new IOException("simulator did not say its web and gRPC ports: " + line);
    }
    Thread.ofPlatform().daemon().start(() -> {
      try {
        while (out.readLine() != null) {
          // drain so the child never blocks on a full pipe
        }
      } catch (IOException ignored) {
        // child gone
      }
    });
    return new SimProcess(p, Integer.parseInt(ports.group(1)), Integer.parseInt(ports.group(2)));
  }

  /** Where the sim's stock Antminers take commands. */
  int webPort() {
    return webPort;
  }

  /** Where the sim's Braiins OS miners take power targets. */
  int grpcPort() {
    return grpcPort;
  }

  /** CPU seconds (user + system) the simulator has used, from /proc. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks / 100.0;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
