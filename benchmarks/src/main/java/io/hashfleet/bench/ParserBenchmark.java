package io.hashfleet.bench;

import io.hashfleet.collect.driver.AvalonDriver;
import io.hashfleet.collect.driver.BitmainDriver;
import io.hashfleet.collect.driver.BraiinsDriver;
import io.hashfleet.collect.driver.Replies;
import io.hashfleet.collect.driver.WhatsminerDriver;
import io.hashfleet.collect.json.RelaxedJson;
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
 * Cost of turning one poll's reply text into telemetry, one benchmark per reply set a poll
 * receives:
 *
 * <ul>
 *   <li>Antminer S19 XP: one joined summary+pools+stats reply, with bmminer's run-together STATS
 *       objects ({@code }{}) and trailing NUL;
 *   <li>Antminer S21: the joined summary+pools reply plus the separate {@code new_api} stats reply;
 *   <li>Braiins OS: one joined summary+pools+devs+devdetails+temps+fans+tunerstatus reply;
 *   <li>Whatsminer: summary, pools and edevs, one reply each;
 *   <li>Avalon: one joined summary+pools+stats reply (with the bracketed {@code MM ID0} string).
 * </ul>
 *
 * <p>The poller's budget is a few hundred µs of CPU per poll, network included, so parsing should
 * stay well under 100 µs per set.
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
  private static final MinerIdentity S21 =
      new MinerIdentity(Make.ANTMINER, "Antminer S21", "s21", Dialect.BITMAIN, "BMMiner 1.0.1.3", null);
  private static final MinerIdentity BRAIINS =
      new MinerIdentity(Make.ANTMINER, "Antminer S19j Pro", "s19jpro", Dialect.BRAIINS_OS, "BOSminer 23.08", null);
  private static final MinerIdentity M50S =
      new MinerIdentity(Make.WHATSMINER, "Whatsminer M50S.VH20", "m50s", Dialect.WHATSMINER, "btminer 20230911.22.REL", null);
  private static final MinerIdentity A1366 =
      new MinerIdentity(Make.AVALON, "Avalon A1366", "a1366", Dialect.AVALON, "cgminer 4.11.1", null);

  private final BitmainDriver bitmain = new BitmainDriver();
  private final BraiinsDriver braiins = new BraiinsDriver();
  private final WhatsminerDriver whatsminer = new WhatsminerDriver();
  private final AvalonDriver avalon = new AvalonDriver();
  private String s19xpJoined;
  private String s21Joined;
  private String s21NewApiStats;
  private String braiinsJoined;
  private String avalonJoined;
  private Map<String, String> whatsminerReplies;

  @Setup
  public void load() throws IOException {
    Path dir = Path.of(System.getProperty("hashfleet.fixtures", "collect/src/test/resources/fixtures"));
    s19xpJoined = read(dir.resolve("bitmain/s19xp-summary+pools+stats.json"));
    s21Joined = read(dir.resolve("bitmain/s21-summary+pools.json"));
    s21NewApiStats = read(dir.resolve("bitmain/s21-stats-new-api.json"));
    braiinsJoined = read(dir.resolve("braiins/summary+pools+devs+devdetails+temps+fans+tunerstatus.json"));
    avalonJoined = read(dir.resolve("avalon/summary+pools+stats.json"));
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
  public MinerTelemetry antminerS21NewApiPair() throws IOException {
    // as the driver's poll does it: the joined summary+pools, then the new_api stats envelope
    Replies replies = Replies.joined(RelaxedJson.parse(s21Joined, ADDRESS.toString()))
        .with("stats", RelaxedJson.parse(s21NewApiStats, ADDRESS.toString()));
    return bitmain.parse(ADDRESS, S21, AT, replies);
  }

  @Benchmark
  public MinerTelemetry braiinsJoinedReply() throws IOException {
    return braiins.parse(ADDRESS, BRAIINS, AT, braiinsJoined);
  }

  @Benchmark
  public MinerTelemetry whatsminerPerCommandReplies() throws IOException {
    return whatsminer.parse(ADDRESS, M50S, AT, Replies.parseEach(ADDRESS, whatsminerReplies));
  }

  @Benchmark
  public MinerTelemetry avalonJoinedReply() throws IOException {
    return avalon.parse(ADDRESS, A1366, AT, avalonJoined);
  }
}
