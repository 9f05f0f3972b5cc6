package io.hashfleet.collect.poll;

import io.hashfleet.collect.health.HealthClassifier;
import io.hashfleet.collect.probe.FirmwareProbe;
import io.hashfleet.collect.rpc.RpcLoop;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerTelemetry;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The fleet poller: each poll's requests run on a shared {@link RpcLoop}, and the replies are
 * parsed and classified on the loop thread that read them; no thread waits for a miner. The
 * outcomes are those of {@link MinerPoller}, which does the same poll the blocking way.
 */
public final class LoopPoller implements AsyncPollTask, AutoCloseable {
  private final FirmwareProbe probe;
  private final HealthClassifier classifier;
  private final RpcLoop loop;
  private final MinerPoller blocking;

  public LoopPoller(FirmwareProbe probe, HealthClassifier classifier, RpcLoop loop) {
    this.probe = probe;
    this.classifier = classifier;
    this.loop = loop;
    this.blocking = new MinerPoller(probe, classifier);
  }

  @Override
  public void start(FleetMiner miner, Instant at, Consumer<PollOutcome> done) {
    probe.poll(miner.address(), miner.identity(), loop, new FirmwareProbe.Result() {
      @Override
      public void telemetry(MinerTelemetry t) {
        PollOutcome outcome;
        try {
          outcome = MinerPoller.classified(classifier, miner, t);
        } catch (RuntimeException e) {
          outcome = MinerPoller.offline(miner, at, "poll failed: " + e);
        }
        done.accept(outcome);
      }

      @Override
      public void failed(IOException why) {
        done.accept(MinerPoller.offline(miner, at, why.getMessage()));
      }
    });
  }

  /** The same poll, blocking the caller until it is over. */
  @Override
  public PollOutcome poll(FleetMiner miner, Instant at) {
    return blocking.poll(miner, at);
  }

  /** Stops the loop; polls in flight end as failed. */
  @Override
  public void close() {
    loop.close();
  }
}
