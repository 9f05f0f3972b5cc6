package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How a sell policy would have done. Dollar figures are exact sums rounded to cents once, so
 * {@code totalValue} may differ by a cent from the rounded {@code proceeds} plus {@code marketValue}.
 *
 * @param held bitcoin left at the close of {@code to}
 * @param marketValue {@code held} at the close of {@code to}
 * @param totalValue proceeds plus market value: what the policy is worth at the end
 */
public record SimulationResult(
    SellPolicy policy,
    LocalDate from,
    LocalDate to,
    Btc produced,
    Btc held,
    Btc sold,
    BigDecimal proceeds,
    BigDecimal marketValue,
    BigDecimal totalValue,
    List<SimulationDay> days) {

  public SimulationResult {
    days = List.copyOf(days);
  }
}
