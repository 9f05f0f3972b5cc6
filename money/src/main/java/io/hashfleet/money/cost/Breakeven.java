package io.hashfleet.money.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The power price at which a machine stops paying for itself: its revenue per MWh,
 * hashprice[$/PH/day] ÷ (0.024 × J/TH). A PH/s for a day at 1 J/TH draws 1 kW × 24 h = 0.024 MWh,
 * hence the constant.
 */
public final class Breakeven {
  private static final BigDecimal MWH_PER_PH_DAY_PER_J_TH = new BigDecimal("0.024");

  private Breakeven() {}

  /** USD per MWh, to the cent. */
  public static BigDecimal usdPerMwh(BigDecimal hashpriceUsdPerPhDay, double joulesPerTh) {
    if (!(joulesPerTh > 0)) throw new IllegalArgumentException("J/TH must be positive, got " + joulesPerTh);
    return hashpriceUsdPerPhDay.divide(MWH_PER_PH_DAY_PER_J_TH.multiply(BigDecimal.valueOf(joulesPerTh)), MathContext.DECIMAL64)
        .setScale(2, RoundingMode.HALF_EVEN);
  }
}
