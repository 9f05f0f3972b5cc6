package io.hashfleet.console.fleet;

import io.hashfleet.domain.HealthState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Miners per health state, every state present, most severe first (as HealthState orders them). */
final class StateCounts {
  private final long[] counts = new long[HealthState.values().length];

  void add(HealthState s, long n) {
    counts[s.ordinal()] += n;
  }

  Map<String, Long> toMap() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (HealthState s : HealthState.values()) out.put(s.code(), counts[s.ordinal()]);
    return out;
  }
}
