package io.hashfleet.money.chain;

import java.io.IOException;

/** Somewhere to read block headers from: a Bitcoin Core node or an Esplora-style REST API. */
public sealed interface ChainSource permits BitcoinCoreRpc, EsploraApi {
  /** Height of the best block. */
  int tipHeight() throws IOException;

  /** The epoch that starts at the block at {@code height}: its time, bits and difficulty. */
  DifficultyEpoch epochAt(int height) throws IOException;

  /** Where the data came from, as stored with each epoch (no credentials). */
  String name();
}
