package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Bitcoin mined on one UTC day; zero on a day without payouts. */
public record DailyProduction(LocalDate date, Btc amount) {
  public DailyProduction {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) throw new IllegalArgumentException("production on " + date + " must not be negative, got " + amount);
  }

  /** Adds up receipts by the UTC day they arrived, so a real ledger can be replayed under a policy. */
  public static List<DailyProduction> fromReceipts(Collection<Receipt> receipts) {
    Map<LocalDate, Btc> byDay = new TreeMap<>();
    for (Receipt receipt : receipts) {
      byDay.merge(LocalDate.ofInstant(receipt.at(), ZoneOffset.UTC), receipt.amount(), Btc::plus);
    }
    return byDay.entrySet().stream().map(e -> new DailyProduction(e.getKey(), e.getValue())).toList();
  }
}
