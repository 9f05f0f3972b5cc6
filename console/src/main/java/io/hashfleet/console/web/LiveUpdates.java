package io.hashfleet.console.web;

import io.hashfleet.console.access.Principal;
import io.hashfleet.console.fleet.FleetView;
import io.hashfleet.console.fleet.Overview;
import io.javalin.http.sse.SseClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes each open page the overview its principal may see, every few seconds, over server-sent
 * events. One overview is computed per tenant per tick, however many pages are open.
 */
final class LiveUpdates implements AutoCloseable {
  private static final long EVERY_SECONDS = 5;
  private final FleetView fleet;
  private final Map<SseClient, Principal> clients = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "console-live");
    t.setDaemon(true);
    return t;
  });

  LiveUpdates(FleetView fleet) {
    this.fleet = fleet;
  }

  void start() {
    ticker.scheduleWithFixedDelay(this::push, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  void add(SseClient client, Principal who) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.put(client, who);
    client.sendEvent("overview", fleet.overview(who));
  }

  private void push() {
    Map<String, Overview> byTenant = new HashMap<>();
    clients.forEach((client, who) -> {
      Overview o;
      try {
        o = byTenant.computeIfAbsent(who.tenant().id(), t -> fleet.overview(who));
      } catch (RuntimeException e) {
        return; // a failed read skips this tick for that tenant; the next one tries again
      }
      try {
        client.sendEvent("overview", o);
      } catch (RuntimeException e) {
        clients.remove(client); // the page went away; the others go on
      }
    });
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    clients.keySet().forEach(SseClient::close);
  }
}
