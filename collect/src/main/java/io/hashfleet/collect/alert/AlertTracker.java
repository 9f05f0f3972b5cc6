package io.hashfleet.collect.alert;

import io.hashfleet.collect.health.Problem;
import io.hashfleet.domain.Alert;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens an alert when a problem appears on a miner and closes it when the problem is gone, one
 * alert per miner and kind. Only miners with open alerts take memory here.
 */
public final class AlertTracker {
  /** Where opened and closed alerts go (the store, the console). */
  public interface Listener {
    void opened(Alert alert);

    void closed(Alert alert);
  }

  private final Map<MinerAddress, EnumMap<HealthState, Alert>> open = new ConcurrentHashMap<>();
  private final Listener listener;

  public AlertTracker(Listener listener) {
    this.listener = listener;
  }

  /** Applies one poll's problems; calls for one miner must not overlap (the poller guarantees it). */
  public void update(MinerAddress address, Instant at, List<Problem> problems) {
    EnumMap<HealthState, Alert> current = open.get(address);
    if (current == null && (problems.isEmpty() || problems.get(0).state() == HealthState.CURTAILED)) return;
    EnumMap<HealthState, Alert> next = new EnumMap<>(HealthState.class);
    for (Problem p : problems) {
      if (p.state() == HealthState.CURTAILED) continue; // a state, not a fault: sleeping on purpose raises nothing
      Alert existing = current == null ? null : current.get(p.state());
      if (existing != null) {
        next.put(p.state(), existing);
      } else {
        Alert a = new Alert(address, p.state(), at, null, p.detail());
        next.put(p.state(), a);
        listener.opened(a);
      }
    }
    if (current != null) {
      for (Alert a : current.values()) {
        if (!next.containsKey(a.kind())) listener.closed(new Alert(a.address(), a.kind(), a.opened(), at, a.detail()));
      }
    }
    if (next.isEmpty()) open.remove(address);
    else open.put(address, next);
  }

  /** Restores alerts left open by an earlier run, so they are closed rather than opened twice. */
  public void restore(List<Alert> stillOpen) {
    for (Alert a : stillOpen) open.computeIfAbsent(a.address(), k -> new EnumMap<>(HealthState.class)).put(a.kind(), a);
  }

  public List<Alert> openAlerts() {
    List<Alert> all = new ArrayList<>();
    for (EnumMap<HealthState, Alert> m : open.values()) all.addAll(m.values());
    return all;
  }

  public int openCount() {
    int n = 0;
    for (EnumMap<HealthState, Alert> m : open.values()) n += m.size();
    return n;
  }
}
