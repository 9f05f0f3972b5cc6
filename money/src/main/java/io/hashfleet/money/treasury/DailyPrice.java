package io.hashfleet.money.treasury;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The close price of one bitcoin in US dollars on a UTC day. */
public record DailyPrice(LocalDate date, BigDecimal usd) {
  public DailyPrice {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(usd, "usd");
    if (usd.signum() <= 0) throw new IllegalArgumentException("price on " + date + " must be positive, got " + usd.toPlainString());
  }
}
