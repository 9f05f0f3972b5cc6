package io.hashfleet.collect.control;

import io.hashfleet.domain.Power;
import java.util.Objects;

/**
 * A change to a miner's power state, sent through the miner's own firmware API. Sealed so that
 * each dialect's controller must say what it does with every command.
 */
public sealed interface PowerCommand {
  /** Stop hashing and drop to standby draw; the miner stays reachable. */
  record Sleep() implements PowerCommand {}

  /** Leave sleep: the miner boots and hashes again after a few minutes. */
  record Wake() implements PowerCommand {}

  /** Hash at whatever rate keeps the miner's draw at about {@code watts}. */
  record SetPowerTarget(Power watts) implements PowerCommand {
    public SetPowerTarget {
      Objects.requireNonNull(watts, "watts");
      if (watts.watts() == 0) throw new IllegalArgumentException("a power target of 0 W is a sleep: send Sleep instead");
    }
  }

  static PowerCommand sleep() {
    return new Sleep();
  }

  static PowerCommand wake() {
    return new Wake();
  }

  static PowerCommand powerTarget(Power watts) {
    return new SetPowerTarget(watts);
  }

  /** A short name for messages: "sleep", "wake", "power target 3000 W". */
  default String label() {
    return switch (this) {
      case Sleep s -> "sleep";
      case Wake w -> "wake";
      case SetPowerTarget t -> "power target " + t.watts();
    };
  }
}
