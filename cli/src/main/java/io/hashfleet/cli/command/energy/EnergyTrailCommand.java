package io.hashfleet.cli.command.energy;

import io.hashfleet.cli.command.StoreOptions;
import io.hashfleet.cli.output.Json;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyEvent;
import io.hashfleet.energy.audit.EventSummary;
import io.hashfleet.store.FleetStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The energy audit trail: each event, what was planned, accepted and confirmed, and a per-site timeline. */
@Command(name = "trail", mixinStandardHelpOptions = true,
    description = "Energy events from the audit trail: trigger, MW planned, accepted and confirmed by telemetry, per-site timeline. Reads the store "
        + "(stop `hashfleet up` first, it holds the file).")
public final class EnergyTrailCommand implements Callable<Integer> {
  @Option(names = "--event", paramLabel = "ID", description = "One event, with its timeline.") String eventId;
  @Option(names = "--json") boolean json;
  @Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    try (FleetStore store = FleetStore.open(storeOptions.store())) {
      AuditTrail trail = new AuditTrail(store);
      List<EnergyEvent> events = eventId == null ? trail.events(false)
          : List.of(trail.event(eventId).orElseThrow(() -> new IllegalArgumentException("no energy event '" + eventId + "' in " + storeOptions.store())));
      for (EnergyEvent e : events) {
        EventSummary s = EventSummary.of(e, trail.actions(e.id()));
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("event", e.id());
          m.put("kind", e.kind().code());
          m.put("site", e.site());
          m.put("shed_mw", e.shedWatts() == null ? null : e.shedWatts() / 1e6);
          m.put("received_at", e.receivedAt().toString());
          m.put("deadline", e.deadline() == null ? null : e.deadline().toString());
          m.put("ends_at", e.endsAt() == null ? null : e.endsAt().toString());
          m.put("closed_at", e.closedAt() == null ? null : e.closedAt().toString());
          m.put("source", e.source());
          m.put("commands", s.commands());
          m.put("planned_mw", s.plannedMw());
          m.put("accepted_mw", s.acceptedMw());
          m.put("confirmed_mw", s.confirmedMw());
          m.put("refused", s.refused());
          m.put("failed", s.failed());
          m.put("call_to_confirmed_s", s.callToConfirmed() == null ? null : s.callToConfirmed().toMillis() / 1000.0);
          if (eventId != null) {
            List<Map<String, Object>> tl = new ArrayList<>();
            for (var p : s.timeline()) {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("at", p.at().toString());
              row.put("site", p.site());
              row.put("asleep_mw", p.asleepMw());
              row.put("confirmed_mw", p.confirmedMw());
              tl.add(row);
            }
            m.put("timeline", tl);
          }
          System.out.println(Json.line(m));
        } else {
          System.out.printf("%s  %s at %s: shed %s MW by %s, until %s (%s)%s%n", e.id(), e.kind().code(), e.site(),
              e.shedWatts() == null ? "-" : e.shedWatts() / 1e6, e.deadline(), e.endsAt(), e.source(), e.isOpen() ? "  OPEN" : "  closed " + e.closedAt());
          System.out.printf("  %d commands: planned %.3f MW, accepted %.3f MW, confirmed %.3f MW; %d refused, %d failed%s%n", s.commands(), s.plannedMw(),
              s.acceptedMw(), s.confirmedMw(), s.refused(), s.failed(),
              s.callToConfirmed() == null ? "" : String.format("; confirmed %.1f s after the call", s.callToConfirmed().toMillis() / 1000.0));
          if (eventId != null) {
            for (var p : s.timeline()) System.out.printf("  %s  %-10s asleep %.3f MW, confirmed %.3f MW%n", p.at(), p.site(), p.asleepMw(), p.confirmedMw());
          }
        }
      }
      if (events.isEmpty() && !json) System.out.println("no energy events in " + storeOptions.store());
    }
    return 0;
  }
}
