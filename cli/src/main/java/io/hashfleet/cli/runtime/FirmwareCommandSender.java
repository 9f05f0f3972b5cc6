package io.hashfleet.cli.runtime;

import io.hashfleet.collect.control.CommandResult;
import io.hashfleet.collect.control.MinerControl;
import io.hashfleet.collect.control.PowerCommand;
import io.hashfleet.collect.poll.PollHold;
import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerAddress;
import io.hashfleet.domain.Power;
import io.hashfleet.energy.execution.CommandSender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the energy controller's orders to the miners through collect's firmware controllers.
 * While a batch goes out the collector's polls wait (see {@link PollHold}): a shed has a deadline,
 * and polls compete with it for the same CPU.
 */
public final class FirmwareCommandSender implements CommandSender {
  private final MinerControl control;
  private final LiveFleet live;
  private final PollHold pollHold;

  public FirmwareCommandSender(MinerControl control, Collector collector) {
    this(control, collector.live(), collector.pollHold());
  }

  public FirmwareCommandSender(MinerControl control, LiveFleet live, PollHold pollHold) {
    this.control = control;
    this.live = live;
    this.pollHold = pollHold;
  }

  /**
   * One batch per distinct command, in the order the orders come (sleeps, then power targets, then
   * wakes): targets differ per machine, so each target value is its own batch.
   */
  @Override
  public List<Result> send(List<Order> orders) {
    Map<PowerCommand, Map<MinerAddress, Dialect>> batches = new LinkedHashMap<>();
    Map<PowerCommand, Map<MinerAddress, Order>> byAddress = new LinkedHashMap<>();
    List<Result> out = new ArrayList<>(orders.size());
    for (Order o : orders) {
      MinerAddress a = MinerAddress.parse(o.address());
      FleetMiner m = live.miner(a);
      if (m == null) {
        out.add(new Result(o, Outcome.REFUSED, "not a registered miner"));
        continue;
      }
      PowerCommand c = switch (o.kind()) {
        case SLEEP -> PowerCommand.sleep();
        case WAKE -> PowerCommand.wake();
        case POWER_TARGET -> PowerCommand.powerTarget(Power.ofWatts(o.targetWatts()));
      };
      batches.computeIfAbsent(c, k -> new LinkedHashMap<>()).put(a, m.identity().dialect());
      byAddress.computeIfAbsent(c, k -> new LinkedHashMap<>()).put(a, o);
    }
    try (PollHold.Held held = pollHold.hold()) {
      for (var b : batches.entrySet()) collect(control.sendAll(b.getValue(), b.getKey()), byAddress.get(b.getKey()), out);
    }
    return out;
  }

  private static void collect(Map<MinerAddress, CommandResult> results, Map<MinerAddress, Order> byAddress, List<Result> out) {
    results.forEach((a, r) -> out.add(new Result(byAddress.get(a), switch (r) {
      case CommandResult.Accepted x -> Outcome.ACCEPTED;
      case CommandResult.Refused x -> Outcome.REFUSED;
      case CommandResult.Failed x -> Outcome.FAILED;
    }, r.text())));
  }
}
