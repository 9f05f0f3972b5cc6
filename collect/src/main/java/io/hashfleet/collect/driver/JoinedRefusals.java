package io.hashfleet.collect.driver;

import io.hashfleet.domain.MinerAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which miners refused a joined request lately, so that their next polls go straight to one
 * command per connection instead of paying a failed round trip every time.
 *
 * <p>Only refusing miners are kept (an address reference and a counter: well under 100 bytes
 * each), and at most {@link #MAX_MINERS}; past that, a miner simply keeps trying joined first, as
 * it would with no memory at all. Every {@link #RETRY_AFTER} polls a refusing miner is offered a
 * joined request again, so a firmware upgrade is noticed.
 */
final class JoinedRefusals {
  static final int RETRY_AFTER = 64;
  static final int MAX_MINERS = 100_000;

  /** polls left before the miner is asked joined again */
  private final ConcurrentHashMap<MinerAddress, Integer> skipsLeft = new ConcurrentHashMap<>();

  /** True when this poll should try a joined request; counts down a refusing miner's skips. */
  boolean tryJoined(MinerAddress address) {
    if (skipsLeft.isEmpty() || !skipsLeft.containsKey(address)) return true;
    Integer left = skipsLeft.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
    return left == null;
  }

  /** The joined reply answered none of the commands asked. */
  void refused(MinerAddress address) {
    if (skipsLeft.size() < MAX_MINERS || skipsLeft.containsKey(address)) skipsLeft.put(address, RETRY_AFTER);
  }

  /** The joined reply answered; forget any earlier refusal. */
  void answered(MinerAddress address) {
    if (!skipsLeft.isEmpty()) skipsLeft.remove(address);
  }

  void forgetAll() {
    skipsLeft.clear();
  }
}
