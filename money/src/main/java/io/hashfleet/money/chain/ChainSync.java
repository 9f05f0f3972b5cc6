package io.hashfleet.money.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Brings the store's chain data up to a source's tip, incrementally: only the epoch starts (and,
 * from a node, the blocks' fees) after what is already known are fetched.
 */
public final class ChainSync {
  /** Fees are fetched for this many blocks back when none are stored yet: about a month. */
  public static final int DEFAULT_FEE_BLOCKS = 144 * 31;

  public record Result(int tip, int epochsFetched, int epochsNew, int feeBlocksFetched) {}

  /** Told how many requests are done out of how many, for a progress bar. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  private final ChainStore store;
  private final int feeBlocksBack;

  public ChainSync(ChainStore store) {
    this(store, DEFAULT_FEE_BLOCKS);
  }

  /** @param feeBlocksBack how many blocks of fees to fetch when none are stored yet */
  public ChainSync(ChainStore store, int feeBlocksBack) {
    this.store = store;
    this.feeBlocksBack = feeBlocksBack;
  }

  /**
   * Fetches every epoch start from {@code fromHeight} (or after the last known epoch) to the tip,
   * and with a node, every block's fees after the last stored one.
   *
   */
  public Result update(ChainSource source, OptionalInt fromHeight, boolean fees, Progress progress) throws IOException {
    int tip = source.tipHeight();
    int start = fromHeight.isPresent() ? roundUpToEpoch(fromHeight.getAsInt())
        : store.history().last().height() + ChainHistory.EPOCH_BLOCKS;
    boolean withFees = fees && source instanceof BitcoinCoreRpc;
    OptionalInt lastFee = store.lastFeeHeight();
    int feeFrom = lastFee.isPresent() ? lastFee.getAsInt() + 1 : Math.max(0, tip - feeBlocksBack + 1);
    int total = Math.max(0, (tip - start) / ChainHistory.EPOCH_BLOCKS + 1) + (withFees ? Math.max(0, tip - feeFrom + 1) : 0);
    List<DifficultyEpoch> epochs = new ArrayList<>();
    int done = 0;
    for (int h = start; h <= tip; h += ChainHistory.EPOCH_BLOCKS) {
      epochs.add(source.epochAt(h));
      progress.update(++done, total);
    }
    int added = epochs.isEmpty() ? 0 : store.saveEpochs(epochs);
    int feeBlocks = 0;
    if (withFees && source instanceof BitcoinCoreRpc node) {
      List<ChainStore.BlockFees> batch = new ArrayList<>();
      for (int h = feeFrom; h <= tip; h++) {
        batch.add(node.blockFees(h));
        progress.update(++done, total);
        // Saved in batches so an interrupted run keeps what it fetched and resumes after it.
        if (batch.size() == 500) {
          feeBlocks += store.saveFees(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) feeBlocks += store.saveFees(batch);
    }
    return new Result(tip, epochs.size(), added, feeBlocks);
  }

  static int roundUpToEpoch(int height) {
    int e = ChainHistory.EPOCH_BLOCKS;
    return (height + e - 1) / e * e;
  }
}
