package io.hashfleet.console.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshTest {
  @Test
  void first_read_computes_later_reads_get_the_kept_answer_which_the_background_renews() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    try (Fresh<String, Integer> fresh = new Fresh<>("test", Duration.ofMillis(100), Duration.ofSeconds(10), k -> computed.incrementAndGet())) {
      int first = fresh.get("a");
      int second = fresh.get("a");
      assertThat(first).isEqualTo(1);
      assertThat(second).as("kept, not recomputed per read").isEqualTo(1);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (fresh.get("a") == 1 && System.nanoTime() < deadline) Thread.sleep(20);
      assertThat(fresh.get("a")).as("renewed in the background").isGreaterThan(1);
    }
  }

  @Test
  void keys_nobody_reads_any_more_are_dropped_and_a_failed_renewal_keeps_the_last_answer() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    try (Fresh<String, Integer> fresh = new Fresh<>("test", Duration.ofMillis(50), Duration.ofMillis(200), k -> {
      int n = computed.incrementAndGet();
      if (n > 1 && k.equals("flaky")) throw new IllegalStateException("store busy");
      return n;
    })) {
      assertThat(fresh.get("flaky")).isEqualTo(1);
      Thread.sleep(120);
      assertThat(fresh.get("flaky")).as("renewals failed: the last good answer stays").isEqualTo(1);
      Thread.sleep(600);
      int before = computed.get();
      Thread.sleep(300);
      assertThat(computed.get()).as("idle key no longer renewed").isEqualTo(before);
    }
  }
}
