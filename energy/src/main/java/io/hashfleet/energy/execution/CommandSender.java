package io.hashfleet.energy.execution;

import java.util.List;

/**
 * Carries sleep, wake and power-target orders to the miners through their firmware APIs. The
 * implementation (over collect's MinerControl) talks to many miners at once; one slow or broken
 * miner never holds up the others.
 */
@FunctionalInterface
public interface CommandSender {
  enum Kind {
    SLEEP,
    WAKE,
    POWER_TARGET
  }

  /**
   * One order to the miner at {@code address}.
   *
   * @param targetWatts for POWER_TARGET, the draw to hold; 0 otherwise
   */
  record Order(String address, Kind kind, long targetWatts) {
    public Order {
      if ((kind == Kind.POWER_TARGET) != (targetWatts > 0)) throw new IllegalArgumentException(address + ": only a power target has watts, and it must");
    }

    /** A sleep or wake order. */
    public Order(String address, boolean sleep) {
      this(address, sleep ? Kind.SLEEP : Kind.WAKE, 0);
    }

    public static Order powerTarget(String address, long watts) {
      return new Order(address, Kind.POWER_TARGET, watts);
    }

    public boolean sleep() {
      return kind == Kind.SLEEP;
    }
  }

  /** What the firmware said: accepted, refused (a retry will not help) or failed (it may). */
  enum Outcome {
    ACCEPTED,
    REFUSED,
    FAILED
  }

  record Result(Order order, Outcome outcome, String detail) {}

  /**
   * Sends every order, concurrently; returns one result per order, in any order. Orders are given
   * sleeps first, then power targets, then wakes. Sleeps and targets may overlap, but a wake goes
   * out only once every order before it is answered: a machine woken in the same plan then boots
   * at its new target.
   */
  List<Result> send(List<Order> orders) throws InterruptedException;
}
