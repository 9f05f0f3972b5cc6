package io.hashfleet.energy.dispatch;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One decision's inputs.
 *
 * @param siteLimitWatts contracted capacity or feeder limit per site (index as in FleetState); a plan
 *     never has a site drawing more
 * @param rampWatts per site, the most load a plan may add at once (wake-ups beyond it wait for the
 *     next decision, so a site's load never jumps past what its feeders and the host accept)
 * @param events demand-response events in force now; they override economics
 */
public record DispatchInputs(Instant now, BigDecimal priceUsdPerMwh, BigDecimal hashpriceUsdPerPhDay, BigDecimal creditUsdPerMwh,
    long[] siteLimitWatts, long[] rampWatts, Duration minOn, Duration minOff, List<DemandResponseEvent> events, boolean dryRun) {
  public DispatchInputs {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(priceUsdPerMwh, "price");
    Objects.requireNonNull(hashpriceUsdPerPhDay, "hashprice");
    events = List.copyOf(events);
  }
}
