package io.hashfleet.bench;

import io.hashfleet.collect.driver.BitmainDriver;
import io.hashfleet.collect.driver.Replies;
import io.hashfleet.collect.driver.WhatsminerDriver;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerIdentity;
import io.hashfleet.domain.MinerTelemetry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of turning one poll's reply text into telemetry: a full Antminer S19 XP joined
 * summary+pools+stats reply (with bmminer's run-together STATS objects and trailing NUL), and a
 * Whatsminer summary, pools and edevs set. A fleet of 100,000 miners polled every 30 s parses
 * about 3,300 replies a second, so the target is well under 100 µs each.
 *
 * <p>Run from the repository root (the replies are read from the collect module's fixtures; set
 * {@code -Dhashfleet.fixtures=<dir>} to run elsewhere):
 *
 * <pre>
 * ./mvnw -B -Pbench -DskipTests package &amp;&amp; java -jar benchmarks/target/benchmarks.jar ParserBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParserBenchmark {
  private static final MinerAddress ADDRESS = MinerAddress.parse("10.0.1.21:4028");
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");
  private static final MinerIdentity S19XP =
      new MinerIdentity(Make.ANTMINER, "Antminer S19 XP", "s19xp", Dialect.BITMAIN, "BMMiner 1.0.0", null);
  private static final MinerIdentity M50S =
      new MinerIdentity(Make.WHATSMINER, "Whatsminer M50S.VH20", "m50s", Dialect.WHATSMINER, "btminer 20230911.22.REL", null);

  private final BitmainDriver bitmain = new BitmainDriver();
  private final WhatsminerDriver whatsminer = new WhatsminerDriver();
  private String s19xpJoined;
  private Map<String, String> whatsminerReplies;

  @Setup
  public void load() throws IOException {
    Path dir = Path.of(System.getProperty("hashfleet.fixtures", "collect/src/test/resources/fixtures"));
    s19xpJoined = read(dir.resolve("bitmain/s19xp-summary+pools+stats.json"));
    whatsminerReplies = new LinkedHashMap<>();
    for (String c : new String[] {"summary", "pools", "edevs"}) whatsminerReplies.put(c, read(dir.resolve("whatsminer/" + c + ".json")));
  }

  private static String read(Path p) throws IOException {
    if (!Files.isRegularFile(p)) {
      throw new IOException(p.toAbsolutePath() + " not found: run from the repository root or set -Dhashfleet.fixtures");
    }
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }

  @Benchmark
  public MinerTelemetry antminerS19XpJoinedReply() throws IOException {
    return bitmain.parse(ADDRESS, S19XP, AT, s19xpJoined);
  }

  @Benchmark
  public MinerTelemetry whatsminerPerCommandReplies() throws IOException {
    return whatsminer.parse(ADDRESS, M50S, AT, Replies.parseEach(ADDRESS, whatsminerReplies));
  }
}
