package io.hashfleet.money.chain;

import io.hashfleet.domain.Btc;

/** The block subsidy schedule: 50 BTC, halved every 210,000 blocks (Bitcoin Core's GetBlockSubsidy). */
public final class Subsidy {
  public static final int HALVING_INTERVAL = 210_000;

  private Subsidy() {}

  public static Btc atHeight(long height) {
    if (height < 0) throw new IllegalArgumentException("block height cannot be negative: " + height);
    long halvings = height / HALVING_INTERVAL;
    // A right shift by 64 or more is undefined in C++ and wraps in Java; Core returns zero.
    if (halvings >= 64) return Btc.ZERO;
    return Btc.ofSats((50 * Btc.SATS_PER_BTC) >> halvings);
  }

  /** The first height of the halving era after the one containing {@code height}. */
  public static long nextHalving(long height) {
    return (height / HALVING_INTERVAL + 1) * HALVING_INTERVAL;
  }
}
