package io.hashfleet.money.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One site's hosting charge over a period: the energy the machines drew (from telemetry), what
 * was billed after the minimum take, the cost, and whether the host met its uptime SLA.
 *
 * @param slaMet null when the contract has no SLA or no uptime was measured
 */
public record HostingBill(String site, HostingContract contract, BigDecimal measuredKwh, BigDecimal billedKwh, BigDecimal costUsd,
    Double uptimePct, Boolean slaMet) {

  /** Applies {@code contract} to {@code measuredKwh} drawn over {@code hours}. */
  public static HostingBill of(String site, HostingContract contract, BigDecimal measuredKwh, BigDecimal hours, Double uptimePct) {
    BigDecimal billed = measuredKwh;
    if (contract.minimumTakeKw() != null) billed = billed.max(contract.minimumTakeKw().multiply(hours));
    BigDecimal cost = billed.multiply(contract.rate().usdPerKwh()).setScale(2, RoundingMode.HALF_EVEN);
    Boolean met = contract.uptimeSlaPct() == null || uptimePct == null ? null
        : BigDecimal.valueOf(uptimePct).compareTo(contract.uptimeSlaPct()) >= 0;
    return new HostingBill(site, contract, measuredKwh.setScale(3, RoundingMode.HALF_EVEN), billed.setScale(3, RoundingMode.HALF_EVEN),
        cost, uptimePct, met);
  }
}
