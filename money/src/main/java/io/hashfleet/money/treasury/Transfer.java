package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.time.Instant;

/**
 * Bitcoin sent out of the treasury without dollars coming back: paying a hosting bill in BTC,
 * moving coins to a lender as collateral. It leaves the books at its cost basis.
 *
 * @param fee the network fee paid on top of {@code amount}
 */
public record Transfer(String id, Instant at, Btc amount, String destination, Btc fee) implements LedgerEntry {
  public Transfer {
    id = EntryChecks.id("transfer", id);
    EntryChecks.at("transfer", id, at);
    EntryChecks.positive("transfer", id, "amount", amount);
    destination = EntryChecks.text("transfer", id, "a destination", destination);
    fee = EntryChecks.fee("transfer", id, "fee", fee);
  }

  @Override
  public Btc change() {
    return amount.plus(fee).negate();
  }

  @Override
  public String describe() {
    return "transfer " + id + " of " + amount + " BTC to " + destination + (fee.isPositive() ? " plus fee " + fee + " BTC" : "");
  }
}
