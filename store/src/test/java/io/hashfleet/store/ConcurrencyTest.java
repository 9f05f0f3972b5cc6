package io.hashfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void readersQueryWhileOneThreadAppends() throws Exception {
    try (FleetStore store = FleetStore.inMemory(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      FleetDataset.load(store); // registry plus a first stretch of samples
      Future<?> writer = pool.submit(() -> {
        for (int m = FleetDataset.MINUTES; m < FleetDataset.MINUTES + 40; m++) store.appendSamples(FleetDataset.cycle(m));
        return null;
      });
      Future<Integer> reader = pool.submit(() -> {
        int reads = 0;
        while (!writer.isDone()) {
          Map<?, Long> states = store.minersByState();
          assertThat(states.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(255);
          assertThat(store.hashrateSeries(Scope.fleet(), Fixtures.T0, Fixtures.T0.plus(Duration.ofHours(5)), Duration.ofHours(1))).isNotEmpty();
          reads++;
        }
        return reads;
      });
      writer.get();
      assertThat(reader.get()).isPositive();
      assertThat(store.rowCounts()).containsEntry("samples", 60_000L);
    }
  }
}
