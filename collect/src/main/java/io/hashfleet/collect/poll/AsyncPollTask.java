package io.hashfleet.collect.poll;

import io.hashfleet.domain.FleetMiner;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A poll that does not hold a thread while it waits for the miner: it starts and returns, and
 * hands its outcome to {@code done} later, on a thread of its own choosing, exactly once. The
 * scheduler runs tasks of this kind without a thread per poll.
 */
public interface AsyncPollTask extends PollTask {
  void start(FleetMiner miner, Instant at, Consumer<PollOutcome> done);
}
