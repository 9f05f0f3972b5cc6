package io.hashfleet.store;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fleet-scale figures for the store, run by hand (not part of the test suite):
 *
 * <pre>
 * ./mvnw -B -q -pl store test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java --enable-native-access=ALL-UNNAMED -cp "store/target/classes:store/target/test-classes:$(cat store/target/classpath.txt)" \
 *     io.hashfleet.store.StoreBenchmark [miners] [cycles] [batch]
 * </pre>
 *
 * Defaults: 350,000 miners, 3 poll cycles, batches
 * of 5,900 samples (one second of a poller at fleet scale).
 */
public final class StoreBenchmark {
  private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");

  public static void main(String[] args) throws Exception {
    int miners = args.length > 0 ? Integer.parseInt(args[0]) : 350_000;
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 5_900;
    Path dir = Files.createTempDirectory("hashfleet-bench");
    Path file = dir.resolve("fleet.duckdb");
    System.out.printf("store %s, %,d miners, %d cycles, batches of %,d%n", file, miners, cycles, batch);

    try (FleetStore store = FleetStore.open(file)) {
      List<FleetMiner> fleet = new ArrayList<>(miners);
      for (int i = 0; i < miners; i++) fleet.add(Fixtures.miner(i, model(i), "site" + (i % 12)));
      time("register " + miners + " miners", () -> store.upsertMiners(fleet));
      time("re-register (rescan, all conflicts)", () -> store.upsertMiners(fleet));

      long rows = 0;
      long nanos = 0;
      for (int c = 0; c < cycles; c++) {
        List<MinerSample> cycle = cycle(miners, T.plusSeconds(60L * c));
        long t0 = System.nanoTime();
        for (int from = 0; from < cycle.size(); from += batch) store.appendSamples(cycle.subList(from, Math.min(cycle.size(), from + batch)));
        long dt = System.nanoTime() - t0;
        nanos += dt;
        rows += cycle.size();
        System.out.printf("append cycle %d: %,d rows in %,d ms = %,.0f rows/s%n", c, cycle.size(), dt / 1_000_000, cycle.size() / (dt / 1e9));
      }
      System.out.printf("append sustained: %,d rows in %,d ms = %,.0f rows/s%n", rows, nanos / 1_000_000, rows / (nanos / 1e9));

      for (int i = 0; i < 3; i++) time("minersByState", store::minersByState);
      time("latest(site3, offline, limit 100)", () -> store.latest(MinerQuery.all().site("site3").health(HealthState.OFFLINE).limit(100)).size());
      time("latest(all, limit 1000)", () -> store.latest(MinerQuery.all().limit(1000)).size());
      time("rollUp over the raw cycles", () -> store.rollUp(T.plusSeconds(60L * cycles)));
    }

    // A day of rollups as a day of polling would leave them (a day of raw samples at this scale is
    // ~500M rows, too many to generate here): written straight into the file, watermarks at T.
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      s.execute("DELETE FROM rollup_group_1m; DELETE FROM rollup_group_1h; DELETE FROM rollup_state");
      String groups = "(SELECT 'fleet' AS k, '' AS key, " + miners + "::BIGINT AS n UNION ALL SELECT 'site', 'site' || i, " + miners / 12
          + "::BIGINT FROM range(12) t(i) UNION ALL SELECT 'model', unnest(['s19xp', 's21', 'm50s']), " + miners / 3 + "::BIGINT)";
      for (String grain : List.of("1m", "1h")) {
        long step = grain.equals("1m") ? 60 : 3600;
        s.execute("INSERT INTO rollup_group_" + grain + " SELECT to_timestamp(" + (T.getEpochSecond() - 86_400) + " + b * " + step
            + ")::TIMESTAMP, k, key, n * 100000000, n * 3000, round(n * 0.9)::INTEGER, round(n * 0.85)::INTEGER, n, round(n * 0.9)::BIGINT FROM range(" + 86_400 / step
            + ") r(b), " + groups);
      }
      s.execute("INSERT INTO rollup_state VALUES ('group_1m', make_timestamp(" + T.getEpochSecond() * 1_000_000 + ")), ('group_1h', make_timestamp("
          + T.getEpochSecond() * 1_000_000 + ")), ('miner_5m', make_timestamp(" + T.getEpochSecond() * 1_000_000 + "))");
      System.out.printf("synthetic day of group rollups written in %,d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    try (FleetStore store = FleetStore.open(file)) {
      Instant to = T.plusSeconds(60L * cycles);
      Instant from = to.minus(Duration.ofHours(24));
      for (Duration bucket : List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(1))) {
        for (int i = 0; i < 3; i++) {
          time("24 h fleet series, bucket " + bucket, () -> store.hashrateSeries(Scope.fleet(), from, to, bucket).size());
        }
      }
      time("24 h site series, bucket PT5M", () -> store.hashrateSeries(Scope.site("site3"), from, to, Duration.ofMinutes(5)).size());
      time("24 h fleet uptime", () -> store.uptimePct(Scope.fleet(), from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), to));
      time("miner series, raw window, 1 min", () -> store.hashrateSeries(Scope.miner(MinerAddress.of("10.0.1.7")), from, to, Duration.ofMinutes(1)).size());
      System.out.println("row counts: " + store.rowCounts());
    }
    System.out.printf("file size: %,d bytes%n", Files.size(file));
  }

  static String model(int i) {
    return switch (i % 3) {
      case 0 -> "s19xp";
      case 1 -> "s21";
      default -> "m50s";
    };
  }

  static List<MinerSample> cycle(int miners, Instant at) {
    List<MinerSample> out = new ArrayList<>(miners);
    for (int i = 0; i < miners; i++) {
      MinerAddress a = Fixtures.address(i);
      out.add(i % 20 == 0 ? Fixtures.offline(a, at) : Fixtures.answered(a, at, model(i), i % 9 == 0 ? HealthState.LOW_HASHRATE : HealthState.OK));
    }
    return out;
  }

  private static void time(String what, Supplier<Object> work) {
    long t0 = System.nanoTime();
    Object result = work.get();
    System.out.printf("%-45s %,8.1f ms  -> %s%n", what, (System.nanoTime() - t0) / 1e6, abbreviate(result));
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o);
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }

  private static void time(String what, Runnable work) {
    time(what, () -> {
      work.run();
      return "";
    });
  }
}
