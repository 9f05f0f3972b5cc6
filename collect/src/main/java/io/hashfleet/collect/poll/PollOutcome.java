package io.hashfleet.collect.poll;

import io.hashfleet.collect.health.Problem;
import io.hashfleet.domain.MinerSample;
import java.util.List;

/** One poll's sample together with every problem found, which the alert tracker needs. */
public record PollOutcome(MinerSample sample, List<Problem> problems) {
  public PollOutcome {
    problems = List.copyOf(problems);
  }
}
