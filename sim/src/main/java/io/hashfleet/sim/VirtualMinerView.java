package io.hashfleet.sim;

import io.hashfleet.domain.Dialect;
import io.hashfleet.domain.Hashrate;
import io.hashfleet.domain.Make;
import io.hashfleet.domain.Power;

/**
 * Ground truth about one virtual miner, for tests that check what a poller read.
 *
 * @param index the miner's number in the fleet (0 = first address of the range)
 * @param modelName the model as this miner's firmware reports it ("Antminer S19 XP",
 *     "Bitmain Antminer S19 XP" on Braiins OS, "M50S.VH20", "AvalonMiner 1366")
 * @param firmwareVersion the version string the firmware reports
 * @param avgThs the average hashrate the miner reports ("GHS av"/"MHS av"), TH/s; fixed per unit
 *     while its fault and power state stay the same, so a poller's reading can be checked within 1%
 * @param fault the unit's fault, or null when healthy
 * @param powerState where the unit is in its sleep/wake cycle
 * @param watts its input power now, whether or not its firmware reports it
 */
public record VirtualMinerView(
    int index,
    String ip,
    int port,
    String modelId,
    Make make,
    String modelName,
    Dialect dialect,
    String firmwareVersion,
    String mac,
    double avgThs,
    Fault fault,
    PowerState powerState,
    int watts) {

  public Hashrate avgHashrate() {
    return Hashrate.ofThs(avgThs);
  }

  public Power power() {
    return Power.ofWatts(watts);
  }

  public boolean healthy() {
    return fault == null;
  }
}
