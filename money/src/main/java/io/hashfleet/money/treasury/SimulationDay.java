package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of a sell-policy simulation, at the close, for charts.
 *
 * @param cumulativeProceeds dollars from every sale up to and including this day, in cents
 */
public record SimulationDay(LocalDate date, BigDecimal usdPerBtc, Btc produced, Btc sold, Btc holdings, BigDecimal cumulativeProceeds) {}
