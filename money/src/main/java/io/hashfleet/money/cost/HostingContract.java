package io.hashfleet.money.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the host charges for one site (or every site, {@code "*"}): an energy rate, and the terms
 * hosted miners usually sign, an uptime SLA and a minimum take (take-or-pay on a contracted load).
 *
 * @param uptimeSlaPct uptime the host promises, such as 95; null when the contract has none
 * @param minimumTakeKw average load billed at the least, whatever the machines drew; null for none
 */
public record HostingContract(String operator, String site, Rate rate, BigDecimal uptimeSlaPct, BigDecimal minimumTakeKw) {
  public static final String ANY_SITE = "*";

  public HostingContract {
    if (operator == null || operator.isBlank()) throw new IllegalArgumentException("operator is required");
    if (site == null || site.isBlank()) throw new IllegalArgumentException("site is required (or * for every site)");
    Objects.requireNonNull(rate, "rate");
    if (uptimeSlaPct != null && (uptimeSlaPct.signum() < 0 || uptimeSlaPct.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new IllegalArgumentException("uptime SLA must be 0 to 100 %, got " + uptimeSlaPct.toPlainString());
    }
    if (minimumTakeKw != null && minimumTakeKw.signum() < 0) {
      throw new IllegalArgumentException("minimum take cannot be negative: " + minimumTakeKw.toPlainString() + " kW");
    }
  }

  public boolean covers(String siteName) {
    return site.equals(ANY_SITE) || site.equals(siteName);
  }

  /** The price of a kWh, as the host bills it. */
  public sealed interface Rate {
    BigDecimal usdPerKwh();

    String describe();

    /** One all-in price per kWh: power, cooling, staff and margin together. */
    record AllIn(BigDecimal usdPerKwhAllIn) implements Rate {
      public AllIn {
        if (usdPerKwhAllIn.signum() < 0) throw new IllegalArgumentException("rate cannot be negative");
      }

      @Override
      public BigDecimal usdPerKwh() {
        return usdPerKwhAllIn;
      }

      @Override
      public String describe() {
        return "$" + usdPerKwhAllIn.toPlainString() + "/kWh all-in";
      }
    }

    /** Power passed through at cost plus the host's fee per kWh. */
    record PowerPlusFee(BigDecimal powerUsdPerKwh, BigDecimal feeUsdPerKwh) implements Rate {
      public PowerPlusFee {
        if (powerUsdPerKwh.signum() < 0 || feeUsdPerKwh.signum() < 0) throw new IllegalArgumentException("rates cannot be negative");
      }

      @Override
      public BigDecimal usdPerKwh() {
        return powerUsdPerKwh.add(feeUsdPerKwh);
      }

      @Override
      public String describe() {
        return "$" + powerUsdPerKwh.toPlainString() + "/kWh power + $" + feeUsdPerKwh.toPlainString() + "/kWh fee";
      }
    }
  }
}
