package io.hashfleet.collect.health;

import io.hashfleet.domain.AsicModel;
import io.hashfleet.domain.HashboardReading;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerTelemetry;
import io.hashfleet.domain.ModelCatalog;
import io.hashfleet.domain.PoolReading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from one poll, every problem a miner has. Pure: the same telemetry gives the same
 * verdict, so it is tested on recorded replies and the poller only calls it.
 */
public final class HealthClassifier {
  private final ModelCatalog catalog;
  private final HealthRules rules;

  /** Standby draw of a sleeping miner (control board and idle fans) stays under this. */
  public static final int CURTAILED_MAX_WATTS = 100;

  public HealthClassifier(ModelCatalog catalog, HealthRules rules) {
    this.catalog = catalog;
    this.rules = rules;
  }

  /** The problems, most severe first; empty means ok. */
  public List<Problem> problems(MinerTelemetry t) {
    List<Problem> out = new ArrayList<>(2);
    Optional<AsicModel> model = Optional.ofNullable(t.identity().modelId()).flatMap(catalog::byId);
    boolean hashing = !t.hashrateNow().isZero() || !t.hashrateAvg().isZero();
    // A miner in sleep mode answers its API with no hashrate at standby draw: curtailed on
    // purpose, not broken, so none of the fault checks below (idle fans, no pool, idle boards)
    // apply. Firmware that does not report power cannot be told apart this way.
    if (!hashing && t.powerW() != null && t.powerW() <= CURTAILED_MAX_WATTS) {
      return List.of(new Problem(HealthState.CURTAILED, "asleep at " + t.powerW() + " W"));
    }

    Double temp = t.tempMaxC();
    if (temp != null && temp >= rules.overheatC()) {
      out.add(new Problem(HealthState.OVERHEAT, String.format("temperature %.0f °C (limit %.0f)", temp, rules.overheatC())));
    }
    deadBoards(t, model).ifPresent(out::add);
    fanFailure(t, hashing).ifPresent(out::add);
    poolProblem(t, hashing).ifPresent(out::add);
    if (model.isPresent() && !hasProblem(out, HealthState.NO_POOL)) {
      double nominal = model.get().nominalThs();
      double ths = (t.hashrateAvg().isZero() ? t.hashrateNow() : t.hashrateAvg()).ths();
      if (ths < nominal * rules.lowHashrateRatio()) {
        out.add(new Problem(HealthState.LOW_HASHRATE, String.format("%.1f TH/s of nominal %.0f (%.0f%%)", ths, nominal, 100 * ths / nominal)));
      }
    }
    long acc = t.accepted();
    long rej = t.rejected();
    if (acc + rej >= rules.minSharesForRejectRatio() && rej > rules.highRejectRatio() * (acc + rej)) {
      out.add(new Problem(HealthState.HIGH_REJECTS, String.format("rejected %.1f%% of %d shares", 100.0 * rej / (acc + rej), acc + rej)));
    }
    out.sort(Comparator.comparing(Problem::state));
    return out;
  }

  /** The most severe state, OK when there is no problem. */
  public static HealthState worst(List<Problem> problems) {
    return problems.isEmpty() ? HealthState.OK : problems.get(0).state();
  }

  private static boolean hasProblem(List<Problem> ps, HealthState s) {
    for (Problem p : ps) if (p.state() == s) return true;
    return false;
  }

  private static Optional<Problem> deadBoards(MinerTelemetry t, Optional<AsicModel> model) {
    // A board with no chips is dead. A board with chips but no hashrate is dead only while the
    // others hash: when every board is idle the cause is upstream (no pool, sleep mode).
    boolean anyHashing = false;
    for (HashboardReading b : t.boards()) if (!b.hashrate().isZero()) anyHashing = true;
    List<Integer> dead = new ArrayList<>();
    for (HashboardReading b : t.boards()) if (b.chips() == 0 || (anyHashing && b.hashrate().isZero())) dead.add(b.index());
    int expected = model.map(AsicModel::hashboards).orElse(t.boards().size());
    int missing = Math.max(0, expected - t.boards().size());
    if (dead.isEmpty() && missing == 0) return Optional.empty();
    StringBuilder d = new StringBuilder();
    if (!dead.isEmpty()) d.append("dead hashboard").append(dead.size() > 1 ? "s " : " ").append(dead);
    if (missing > 0) d.append(d.isEmpty() ? "" : "; ").append(missing).append(" of ").append(expected).append(" hashboards missing");
    return Optional.of(new Problem(HealthState.DEAD_BOARD, d.toString()));
  }

  /** A stopped fan only matters while the others spin: immersion units report every fan at 0. */
  private Optional<Problem> fanFailure(MinerTelemetry t, boolean hashing) {
    if (!hashing || t.fanRpm().isEmpty()) return Optional.empty();
    boolean anySpinning = false;
    List<Integer> failed = new ArrayList<>();
    for (int i = 0; i < t.fanRpm().size(); i++) {
      int rpm = t.fanRpm().get(i);
      if (rpm >= rules.minFanRpm()) anySpinning = true;
      else failed.add(i + 1);
    }
    if (!anySpinning || failed.isEmpty()) return Optional.empty();
    return Optional.of(new Problem(HealthState.FAN_FAILURE, "fan " + failed + " below " + rules.minFanRpm() + " rpm"));
  }

  private static Optional<Problem> poolProblem(MinerTelemetry t, boolean hashing) {
    if (t.pools().isEmpty()) return Optional.of(new Problem(HealthState.NO_POOL, "no pool configured"));
    for (PoolReading p : t.pools()) if (p.alive()) return Optional.empty();
    return Optional.of(new Problem(HealthState.NO_POOL, "all " + t.pools().size() + " pools dead" + (hashing ? "" : ", not hashing")));
  }
}
