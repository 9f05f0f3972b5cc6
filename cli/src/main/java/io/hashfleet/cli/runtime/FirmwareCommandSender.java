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
import java.util.List;

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
   * Two rounds: sleeps and power targets together, in the order given (sleeps first), then wakes.
   * Targets do not wait for the last sleep: a Braiins OS login is a slower exchange than a sleep,
   * and behind 33,000 sleeps it added half a second to a demand-response call (measured). Wakes
   * do wait, so a machine woken in the same plan boots at its new target.
   */
  @Override
  public List<Result> send(List<Order> orders) {
    List<MinerControl.Order> now = new ArrayList<>();
    List<MinerControl.Order> after = new ArrayList<>();
    List<Order> nowOrders = new ArrayList<>();
    List<Order> afterOrders = new ArrayList<>();
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
      boolean wake = o.kind() == Kind.WAKE;
      (wake ? after : now).add(new MinerControl.Order(a, m.identity().dialect(), c));
      (wake ? afterOrders : nowOrders).add(o);
    }
    try (PollHold.Held held = pollHold.hold()) {
      collect(control.sendEach(now), nowOrders, out);
      collect(control.sendEach(after), afterOrders, out);
    }
    return out;
  }

  private static void collect(List<CommandResult> results, List<Order> orders, List<Result> out) {
    for (int i = 0; i < results.size(); i++) {
      out.add(new Result(orders.get(i), switch (results.get(i)) {
        case CommandResult.Accepted x -> Outcome.ACCEPTED;
        case CommandResult.Refused x -> Outcome.REFUSED;
        case CommandResult.Failed x -> Outcome.FAILED;
      }, results.get(i).text()));
    }
  }
}
