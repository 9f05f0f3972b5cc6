package io.hashfleet.console.energy;

import java.time.Duration;

/**
 * Where the console hands a demand-response call to the running energy controller. The process
 * that polls the fleet implements it; without a controller the console offers no commands.
 */
public interface EventDesk {
  /** Records the event, plans the shed at {@code site} and sends the commands now. */
  Receipt demandResponse(String site, long shedWatts, Duration within, Duration duration, String source) throws InterruptedException;

  /** What came of the commands sent for an event. */
  record Receipt(String eventId, int orders, int accepted, int refused, int failed, long acceptedWatts) {}
}
