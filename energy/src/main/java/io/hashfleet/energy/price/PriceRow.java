package io.hashfleet.energy.price;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** One well-formed price row, already in UTC, with the line it came from for messages. */
record PriceRow(int line, Instant start, Duration length, BigDecimal usdPerMwh) {
  PriceInterval interval() {
    return new PriceInterval(start, length, usdPerMwh);
  }
}
