package io.hashfleet.collect.poll;

import io.hashfleet.collect.discovery.MinerProbe;
import io.hashfleet.collect.health.HealthClassifier;
import io.hashfleet.collect.health.Problem;
import io.hashfleet.collect.rpc.RpcException;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.HealthState;
import io.hashfleet.domain.MinerSample;
import io.hashfleet.domain.MinerTelemetry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** One poll of one miner through its driver, classified; failures become offline samples. */
public final class MinerPoller implements PollTask {
  private final MinerProbe probe;
  private final HealthClassifier classifier;

  public MinerPoller(MinerProbe probe, HealthClassifier classifier) {
    this.probe = probe;
    this.classifier = classifier;
  }

  @Override
  public PollOutcome poll(FleetMiner miner, Instant at) {
    MinerTelemetry t;
    try {
      t = probe.poll(miner.address(), miner.identity());
    } catch (RpcException e) {
      return offline(miner, at, e.getMessage());
    } catch (IOException e) {
      // Answered, but with something no driver can read (garbage, another protocol).
      return offline(miner, at, e.getMessage());
    }
    return classified(classifier, miner, t);
  }

  /** A poll that answered, with its health. */
  static PollOutcome classified(HealthClassifier classifier, FleetMiner miner, MinerTelemetry t) {
    List<Problem> problems = classifier.problems(t);
    HealthState health = HealthClassifier.worst(problems);
    String detail = problems.isEmpty() ? null : problems.get(0).detail();
    return new PollOutcome(new MinerSample(miner.address(), t.at(), t, health, detail), problems);
  }

  /** A poll that got no usable answer: the miner is offline, and {@code why} says how. */
  static PollOutcome offline(FleetMiner miner, Instant at, String why) {
    String detail = why == null ? "no reply" : why;
    return new PollOutcome(new MinerSample(miner.address(), at, null, HealthState.OFFLINE, detail),
        List.of(new Problem(HealthState.OFFLINE, detail)));
  }
}
