package io.hashfleet.money.production;

import io.hashfleet.domain.Btc;
import io.hashfleet.domain.Hashrate;
import java.time.Instant;
import java.util.List;

/**
 * Expected production over [from, to).
 *
 * @param blocksExpected blocks the hashrate would find on its own: Σ H·Δt / (D·2^32)
 * @param harmonicMeanDifficulty the time-weighted harmonic mean difficulty over the period, the one
 *     difficulty that gives the same blocks for a constant hashrate
 * @param days per UTC day; their totals add up exactly to {@code total}
 * @param notes assumptions the figure rests on (fees, extrapolated difficulty), to print with it
 */
public record ProductionEstimate(Instant from, Instant to, Hashrate averageHashrate, double blocksExpected, Btc subsidy,
    Btc fees, Btc total, double harmonicMeanDifficulty, String feeBasis, List<DayProduction> days, List<String> notes) {

  public double lengthDays() {
    return java.time.Duration.between(from, to).toSeconds() / 86_400.0;
  }
}
