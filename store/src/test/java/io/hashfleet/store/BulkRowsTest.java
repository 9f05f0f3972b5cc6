package io.hashfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkRowsTest {
  @Test
  void rowsGoInWithTheirTypesNullsAndInstantsInUtc_andARowOfAnUnknownTypeRollsBackTheWholeWrite(@TempDir Path dir) {
    try (FleetStore store = FleetStore.open(dir.resolve("bulk.duckdb"))) {
      store.write("create table", c -> c.createStatement().execute("CREATE TABLE t (n BIGINT, ts TIMESTAMP, name VARCHAR, k INTEGER)"));
      Instant at = Instant.parse("2026-03-08T08:00:00.123456Z"); // a US daylight-saving morning: UTC must not shift
      List<Object[]> rows = new ArrayList<>();
      for (long i = 0; i < 10_000; i++) rows.add(new Object[] {i, at.plusSeconds(i), i % 3 == 0 ? null : "m" + i, (int) i});
      store.write("append", c -> {
        BulkRows.append(c, "t", rows);
        return null;
      });
      assertThat(count(store)).isEqualTo(10_000);
      store.read("check", c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT n, epoch_us(ts), name, k FROM t WHERE n IN (3, 4) ORDER BY n"); ResultSet rs = p.executeQuery()) {
          rs.next();
          assertThat(rs.getString(3)).isNull();
          assertThat(UtcMicros.toInstant(rs.getLong(2))).isEqualTo(at.plusSeconds(3));
          rs.next();
          assertThat(rs.getString(3)).isEqualTo("m4");
          assertThat(rs.getInt(4)).isEqualTo(4);
        }
        return null;
      });

      List<Object[]> bad = List.of(new Object[] {1L, at, "ok", 1}, new Object[] {2L, at, 2.5, 2});
      assertThatThrownBy(() -> store.write("append bad", c -> {
        BulkRows.append(c, "t", bad);
        return null;
      })).hasMessageContaining("t row 2: no column type for Double");
      assertThat(count(store)).as("nothing of the failed write is kept").isEqualTo(10_000);
    }
  }

  private static long count(FleetStore store) {
    return store.read("count", c -> {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
