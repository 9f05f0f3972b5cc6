package io.hashfleet.energy.execution;

import java.util.List;

/**
 * Carries sleep and wake orders to the miners through their firmware APIs. The implementation
 * (over collect's MinerControl) talks to many miners at once; one slow or broken miner never holds
 * up the others.
 */
@FunctionalInterface
public interface CommandSender {
  /** One order: sleep or wake the miner at {@code address}. */
  record Order(String address, boolean sleep) {}

  /** What the firmware said: accepted, refused (a retry will not help) or failed (it may). */
  enum Outcome {
    ACCEPTED,
    REFUSED,
    FAILED
  }

  record Result(Order order, Outcome outcome, String detail) {}

  /** Sends every order, concurrently; returns one result per order, in any order. */
  List<Result> send(List<Order> orders) throws InterruptedException;
}
