package io.hashfleet.store;

import static io.hashfleet.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.MinerSample;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Series and uptime per owner tenant, on a hosted site "north" shared by two owners and an
 * operator's own (unowned) miner. Polled once a minute for two hours:
 *
 * <pre>
 *   miner  owner  site   TH/s  misses the poll of minute m when   hourly average
 *   0      a      north  100   never                              100 TH/s, 3,000 W
 *   1      a      north  110   m % 5 == 0  (a fifth)               88 TH/s, 2,400 W
 *   2      a      south  120   m % 10 == 0 (a tenth)              108 TH/s, 2,700 W
 *   3      b      north  200   m % 4 == 0  (a quarter)            150 TH/s, 2,250 W
 *   4      -      north  300   never                              300 TH/s, 3,000 W
 * </pre>
 */
class OwnerScopeTest {
  static final int MINUTES = 120;
  static final Instant END = T0.plus(Duration.ofMinutes(MINUTES));
  static final long TH = 1_000_000; // MH/s in one TH/s
  static final String[] OWNER = {"a", "a", "a", "b", null};
  static final String[] SITE = {"north", "north", "south", "north", "north"};
  static final long[] THS = {100, 110, 120, 200, 300};
  static final int[] MISSES_EVERY = {0, 5, 10, 4, 0};

  private FleetStore store;

  @BeforeEach
  void load() {
    store = FleetStore.inMemory();
    List<FleetMiner> miners = new ArrayList<>();
    for (int i = 0; i < OWNER.length; i++) miners.add(Fixtures.miner(i, "s19xp", SITE[i]));
    store.upsertMiners(miners);
    List<MinerSample> samples = new ArrayList<>();
    for (int m = 0; m < MINUTES; m++) {
      Instant at = T0.plusSeconds(m * 60L + 10);
      for (int i = 0; i < OWNER.length; i++) {
        MinerAddress a = Fixtures.address(i);
        samples.add(offline(i, m) ? Fixtures.offline(a, at)
            : new MinerSample(a, at, Fixtures.telemetry(a, at, "s19xp", THS[i] * TH, Fixtures.MINER_WATTS), HealthState.OK, null));
      }
    }
    store.appendSamples(samples);
    store.write("owners", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO miner_owners VALUES (?, ?)")) {
        for (int i = 0; i < OWNER.length; i++) {
          if (OWNER[i] == null) continue;
          p.setString(1, Fixtures.address(i).toString());
          p.setString(2, OWNER[i]);
          p.executeUpdate();
        }
      }
      return null;
    });
  }

  @AfterEach
  void close() {
    store.close();
  }

  static boolean offline(int miner, int minute) {
    return MISSES_EVERY[miner] > 0 && minute % MISSES_EVERY[miner] == 0;
  }

  @Test
  void ownerSeriesSumsOnlyThatOwnersMiners() {
    // a: 100 + 110 x 4/5 + 120 x 9/10 = 296 TH/s; b: 200 x 3/4 = 150 TH/s. Site north, which a and
    // b share with the unowned miner 4, is 100 + 88 + 150 + 300 = 638 TH/s.
    assertThat(hourlyTHs(Scope.owner("a"))).containsExactly(296L, 296L);
    assertThat(hourlyTHs(Scope.owner("b"))).containsExactly(150L, 150L);
    assertThat(hourlyTHs(Scope.site("north"))).containsExactly(638L, 638L);
    assertThat(store.hashrateSeries(Scope.owner("a"), T0, END, Duration.ofHours(1)))
        .extracting(p -> p.power().watts()).containsExactly(8_100L, 8_100L);

    // Minute by minute too: owner a's minute is the sum of its miners that answered in it.
    List<SeriesPoint> minutes = store.hashrateSeries(Scope.owner("a"), T0, END, Duration.ofMinutes(1));
    assertThat(minutes).hasSize(MINUTES);
    for (int m = 0; m < MINUTES; m++) {
      long expected = 0;
      int reporting = 0;
      for (int i = 0; i < OWNER.length; i++) {
        if ("a".equals(OWNER[i]) && !offline(i, m)) {
          expected += THS[i] * TH;
          reporting++;
        }
      }
      assertThat(minutes.get(m).hashrate().mhs()).as("minute %d", m).isEqualTo(expected);
      assertThat(minutes.get(m).minersReporting()).as("minute %d", m).isEqualTo(reporting);
    }
  }

  @Test
  void ownerSiteSplitsAnOwnersMinersBySite() {
    assertThat(hourlyTHs(Scope.ownerSite("a", "north"))).containsExactly(188L, 188L); // 100 + 88
    assertThat(hourlyTHs(Scope.ownerSite("a", "south"))).containsExactly(108L, 108L);
    assertThat(hourlyTHs(Scope.ownerSite("b", "north"))).containsExactly(150L, 150L);
    assertThat(hourlyTHs(Scope.ownerSite("b", "south"))).isEmpty();
  }

  @Test
  void theUnownedMinerIsInNoOwnerScope() {
    store.rollUp(END);
    // Owners a and b together are the fleet (746 TH/s) less the unowned miner's 300.
    assertThat(hourlyTHs(Scope.fleet())).containsExactly(746L, 746L);
    assertThat(hourlyTHs(Scope.owner("a")).get(0) + hourlyTHs(Scope.owner("b")).get(0)).isEqualTo(446L);
    assertThat(hourlyTHs(Scope.owner(""))).isEmpty();
    assertThat(hourlyTHs(Scope.ownerSite("", "north"))).isEmpty();
    // No owner group for miners without one: every owner row is a's or b's.
    List<String> keys = store.read("owner keys", c -> {
      List<String> out = new ArrayList<>();
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT DISTINCT scope_kind || ' ' || scope_key FROM rollup_group_1m WHERE scope_kind LIKE 'owner%' ORDER BY 1")) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    });
    assertThat(keys).containsExactly("owner a", "owner b", "owner_site a/north", "owner_site a/south", "owner_site b/north");
  }

  @Test
  void ownerFiguresAreTheSameFromRawAndFromRollups() {
    List<List<SeriesPoint>> raw = everyOwnerSeries();
    assertThat(store.uptimePct(Scope.owner("a"), T0, END)).hasValue(90.0); // 36 of 360 polls missed
    assertThat(store.uptimePct(Scope.owner("b"), T0, END)).hasValue(75.0);
    assertThat(store.uptimePct(Scope.ownerSite("a", "north"), T0, END)).hasValue(90.0); // 24 of 240

    // Half rolled up, half read live from raw samples.
    store.rollUp(T0.plus(Duration.ofMinutes(73)));
    assertThat(everyOwnerSeries()).isEqualTo(raw);

    // All rolled up and the raw samples gone: only the owner rollup rows can answer.
    store.rollUp(END);
    store.purgeRaw(END);
    assertThat(store.rowCounts()).containsEntry("samples", 0L);
    assertThat(everyOwnerSeries()).isEqualTo(raw);
    assertThat(store.uptimePct(Scope.owner("a"), T0, END)).hasValue(90.0);
    assertThat(store.uptimePct(Scope.owner("b"), T0, END)).hasValue(75.0);
    assertThat(store.uptimePct(Scope.ownerSite("a", "north"), T0, END)).hasValue(90.0);
  }

  @Test
  void anOwnerSiteTenantCannotContainTheKeySeparator() {
    // "x/y" + "/" + "z" would read the rows of tenant "x" on site "y/z".
    assertThatThrownBy(() -> Scope.ownerSite("x/y", "z")).isInstanceOf(IllegalArgumentException.class);
  }

  private List<Long> hourlyTHs(Scope scope) {
    return store.hashrateSeries(scope, T0, END, Duration.ofHours(1)).stream().map(p -> p.hashrate().mhs() / TH).toList();
  }

  private List<List<SeriesPoint>> everyOwnerSeries() {
    return List.of(
        store.hashrateSeries(Scope.owner("a"), T0, END, Duration.ofMinutes(1)),
        store.hashrateSeries(Scope.owner("a"), T0, END, Duration.ofMinutes(15)),
        store.hashrateSeries(Scope.owner("b"), T0, END, Duration.ofHours(1)),
        store.hashrateSeries(Scope.owner("a"), T0, T0.plus(Duration.ofDays(40)), Duration.ofHours(1)), // hourly rollup
        store.hashrateSeries(Scope.ownerSite("a", "north"), T0, END, Duration.ofMinutes(5)),
        store.hashrateSeries(Scope.ownerSite("a", "south"), T0, END, Duration.ofMinutes(30)),
        store.hashrateSeries(Scope.ownerSite("b", "north"), T0, END, Duration.ofMinutes(10)));
  }
}
