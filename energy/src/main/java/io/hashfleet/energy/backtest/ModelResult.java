package io.hashfleet.energy.backtest;

import java.math.BigDecimal;

/**
 * One model's (or the fleet's) outcome over a backtest, with the policy and without it
 * (baseline: never curtailed). USD to the cent, energy to the kWh.
 *
 * @param breakevenUsdPerMwh revenue per MWh at the period's average hashprice: the power price above
 *     which this model is switched off (or, with partial power, turned down)
 * @param curtailedMwh energy not drawn, off or turned down
 * @param curtailedHours hours off
 * @param partialPower whether the policy could turn these machines down with a power target
 * @param turnedDownHours hours run at the minimum power share instead of nominal
 */
public record ModelResult(String model, long machines, BigDecimal megawatts, BigDecimal breakevenUsdPerMwh, BigDecimal revenueUsd,
    BigDecimal powerCostUsd, BigDecimal curtailedMwh, BigDecimal curtailedHours, BigDecimal creditsUsd, BigDecimal netMarginUsd,
    BigDecimal baselineRevenueUsd, BigDecimal baselinePowerCostUsd, BigDecimal baselineNetMarginUsd, boolean partialPower, BigDecimal turnedDownHours) {

  /** What the policy added over never curtailing. */
  public BigDecimal gainUsd() {
    return netMarginUsd.subtract(baselineNetMarginUsd);
  }
}
