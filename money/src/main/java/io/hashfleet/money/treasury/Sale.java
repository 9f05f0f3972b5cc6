package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Bitcoin sold for dollars.
 *
 * @param amount the bitcoin sold, which the buyer received
 * @param usdProceeds the dollars received for it
 * @param networkFee bitcoin paid to miners to move the coins to the buyer, on top of {@code amount}
 */
public record Sale(String id, Instant at, Btc amount, BigDecimal usdProceeds, Btc networkFee) implements LedgerEntry {
  public Sale {
    id = EntryChecks.id("sale", id);
    EntryChecks.at("sale", id, at);
    EntryChecks.positive("sale", id, "amount", amount);
    Objects.requireNonNull(usdProceeds, "sale " + id + " needs its USD proceeds");
    if (usdProceeds.signum() <= 0) {
      throw new IllegalArgumentException("sale " + id + " USD proceeds must be positive, got " + usdProceeds.toPlainString());
    }
    networkFee = EntryChecks.fee("sale", id, "network fee", networkFee);
  }

  /** A sale settled off-chain, at an exchange, with no network fee. */
  public Sale(String id, Instant at, Btc amount, BigDecimal usdProceeds) {
    this(id, at, amount, usdProceeds, Btc.ZERO);
  }

  @Override
  public Btc change() {
    return amount.plus(networkFee).negate();
  }

  @Override
  public String describe() {
    return "sale " + id + " of " + amount + " BTC" + (networkFee.isPositive() ? " plus network fee " + networkFee + " BTC" : "");
  }
}
