package io.hashfleet.money.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.CheckpointManager;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.StoredBlock;
import org.bitcoinj.params.MainNetParams;

/**
 * Mainnet difficulty history from the checkpoints file bitcoinj ships: one header every 2,016
 * blocks, each the first block of a difficulty epoch, so its bits are that epoch's difficulty.
 *
 * <p>bitcoinj both ships and decodes the file (its CheckpointManager verifies the format and
 * parses each StoredBlock); the manager keeps the blocks in a protected map, which this subclass
 * reads in height order.
 */
public final class BundledCheckpoints extends CheckpointManager {
  public static final String SOURCE = "bundled bitcoinj checkpoints";

  private BundledCheckpoints(NetworkParameters params, InputStream in) throws IOException {
    super(params, in);
  }

  /** Every bundled mainnet epoch, oldest first. */
  public static List<DifficultyEpoch> mainnet() {
    NetworkParameters params = MainNetParams.get();
    try (InputStream in = CheckpointManager.openStream(params)) {
      if (in == null) throw new IllegalStateException("bitcoinj's mainnet checkpoints file is missing from the classpath");
      BundledCheckpoints cp = new BundledCheckpoints(params, in);
      List<DifficultyEpoch> out = new ArrayList<>(cp.checkpoints.size());
      for (StoredBlock b : cp.checkpoints.values()) out.add(epochOf(b));
      out.sort(java.util.Comparator.comparingInt(DifficultyEpoch::height));
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bitcoinj's mainnet checkpoints: " + e.getMessage(), e);
    }
  }

  private static DifficultyEpoch epochOf(StoredBlock stored) {
    Block header = stored.getHeader();
    long bits = header.getDifficultyTarget();
    double difficulty = DifficultyEpoch.difficultyOfBits(header.getDifficultyTargetAsInteger());
    return new DifficultyEpoch(stored.getHeight(), header.time(), bits, difficulty, SOURCE);
  }
}
