package io.hashfleet.cli.command.money;

import io.hashfleet.domain.Btc;
import io.hashfleet.money.chain.ChainStore;
import io.hashfleet.money.production.FeeAssumption;
import io.hashfleet.store.FleetStore;
import java.math.BigDecimal;
import picocli.CommandLine.Option;

/**
 * Which fees a block is assumed to carry. Observed fees from the store (a node's getblockstats)
 * are used where present; the configured figure fills the days without them.
 */
final class FeeOptions {
  static final String DEFAULT_FEE_BTC = "0.05";

  @Option(names = "--fee-btc-per-block", paramLabel = "BTC",
      description = "Fees per block where no observed fees are stored (default " + DEFAULT_FEE_BTC + ").")
  String feeBtcPerBlock;

  @Option(names = "--fee-share", paramLabel = "FRACTION", description = "Fees as a share of the whole block reward, such as 0.03, instead of a fixed BTC figure.")
  BigDecimal feeShare;

  @Option(names = "--pps", description = "PPS: expected subsidy only, no fees (default is FPPS: subsidy plus fees).")
  boolean pps;

  FeeAssumption assumption(FleetStore storeOrNull) {
    if (pps) {
      if (feeBtcPerBlock != null || feeShare != null) throw new IllegalArgumentException("--pps pays no fees: drop --fee-btc-per-block / --fee-share");
      return new FeeAssumption.None();
    }
    if (feeBtcPerBlock != null && feeShare != null) throw new IllegalArgumentException("give --fee-btc-per-block or --fee-share, not both");
    FeeAssumption configured = feeShare != null ? new FeeAssumption.ShareOfReward(feeShare)
        : new FeeAssumption.PerBlock(parseBtc(feeBtcPerBlock == null ? DEFAULT_FEE_BTC : feeBtcPerBlock));
    if (storeOrNull == null) return configured;
    var observed = new ChainStore(storeOrNull).feesPerBlockByDay();
    return observed.isEmpty() ? configured : new FeeAssumption.Observed(observed, configured);
  }

  private static Btc parseBtc(String text) {
    try {
      return Btc.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--fee-btc-per-block: " + e.getMessage());
    }
  }
}
