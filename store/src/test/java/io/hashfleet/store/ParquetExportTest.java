package io.hashfleet.store;

import static io.hashfleet.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.domain.HealthState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetExportTest {
  @TempDir Path dir;

  @Test
  void exportedSamples_readBackWithTheSameRowsAndValues() throws SQLException {
    Path file = dir.resolve("out/samples.parquet");
    try (FleetStore store = FleetStore.open(dir.resolve("fleet.duckdb"))) {
      store.upsertMiners(List.of(Fixtures.miner(1, "s19xp", "tx1")));
      store.appendSamples(List.of(Fixtures.answered(Fixtures.address(1), T0, "s19xp", HealthState.OK),
          Fixtures.offline(Fixtures.address(1), T0.plusSeconds(60))));
      store.exportParquet("samples", file);
    }

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(hashrate_mhs), max(site), min(health), epoch_us(min(sampled_at))"
            + " FROM read_parquet('" + file + "')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
      assertThat(rs.getLong(2)).isEqualTo(Fixtures.MINER_MHS);
      assertThat(rs.getString(3)).isEqualTo("tx1");
      assertThat(rs.getString(4)).isEqualTo("offline");
      assertThat(rs.getLong(5)).isEqualTo(T0.getEpochSecond() * 1_000_000);
    }
  }

  @Test
  void exportingSomethingThatIsNotAStoreTable_isRefused() {
    try (FleetStore store = FleetStore.inMemory()) {
      assertThatThrownBy(() -> store.exportParquet("samples; DROP TABLE miners", dir.resolve("x.parquet")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a store table");
    }
  }
}
