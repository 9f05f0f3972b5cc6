package io.hashfleet.money.treasury;

import io.hashfleet.domain.Btc;
import java.time.Instant;

/**
 * Bitcoin paid as a fee on its own: consolidating coins, a custodian's charge.
 *
 * @param memo what the fee was for; may be empty
 */
public record Fee(String id, Instant at, Btc amount, String memo) implements LedgerEntry {
  public Fee {
    id = EntryChecks.id("fee", id);
    EntryChecks.at("fee", id, at);
    EntryChecks.positive("fee", id, "amount", amount);
    memo = memo == null ? "" : memo.strip();
  }

  @Override
  public Btc change() {
    return amount.negate();
  }

  @Override
  public String describe() {
    return "fee " + id + " of " + amount + " BTC";
  }
}
