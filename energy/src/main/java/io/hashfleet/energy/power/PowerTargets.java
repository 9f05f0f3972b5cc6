package io.hashfleet.energy.power;

import io.hashfleet.domain.Dialect;
import io.hashfleet.energy.dispatch.PartialPower;
import java.util.Set;

/**
 * Which firmware the energy controller sends power targets to. The one place to extend when
 * another dialect gains them in collect's controllers (LuxOS profiles, Whatsminer power limits):
 * a dialect listed here that the controller then refuses costs one refused command per machine,
 * after which the controller falls back to sleeping that machine.
 */
public final class PowerTargets {
  /** Braiins OS: a power target in watts over its API, kept by the autotuner. */
  private static final Set<Dialect> TAKE_TARGETS = Set.of(Dialect.BRAIINS_OS);

  private PowerTargets() {}

  public static boolean accepts(Dialect dialect) {
    return dialect != null && TAKE_TARGETS.contains(dialect);
  }

  /** The lowest target the dispatcher may give a machine of this firmware and nominal draw; 0 when it takes none. */
  public static int minWatts(Dialect dialect, int nominalWatts) {
    return accepts(dialect) ? PartialPower.minWatts(nominalWatts) : 0;
  }
}
