package io.hashfleet.console.energy;

import io.hashfleet.console.access.Principal;
import io.hashfleet.console.fleet.FleetView;
import io.hashfleet.energy.audit.AuditTrail;
import io.hashfleet.energy.audit.EnergyAction;
import io.hashfleet.energy.audit.EnergyEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Curtailment events and the commands sent for them, as a principal may see them. The operator sees
 * everything. An owner sees the events at its sites but only its own machines' commands, and not
 * the site-wide shed or baseline: on a shared site those would reveal the other owners' load.
 */
public final class EnergyView {
  private final AuditTrail trail;
  private final FleetView fleet;

  public EnergyView(AuditTrail trail, FleetView fleet) {
    this.trail = trail;
    this.fleet = fleet;
  }

  /**
   * An event as shown. For an owner, shed and baseline are null and the watts count its machines only.
   *
   * @param sleptMiners machines put to sleep for the event (accepted commands), of those visible
   * @param confirmedWatts draw that telemetry confirmed gone, of those visible
   */
  public record EventRow(String id, String kind, String site, Long shedWatts, Long baselineWatts, Instant receivedAt, Instant deadline,
      Instant endsAt, Instant closedAt, String source, long sleptMiners, long plannedWatts, long confirmedWatts) {}

  /** One command as the timeline shows it. */
  public record ActionRow(Instant at, String address, String site, String command, long plannedWatts, int attempt, String outcome,
      String detail, Long measuredWatts) {}

  public record EventDetail(EventRow event, List<ActionRow> actions) {}

  public List<EventRow> events(Principal who) {
    Set<String> sites = who.seesEveryMiner() ? null : new HashSet<>(fleet.siteNames(who));
    return trail.events(false).stream()
        .filter(e -> sites == null || e.site() == null || sites.contains(e.site()))
        .map(e -> row(who, e, visibleActions(who, e.id())))
        .toList();
  }

  public Optional<EventDetail> event(Principal who, String id) {
    Optional<EnergyEvent> e = trail.event(id);
    if (e.isEmpty()) return Optional.empty();
    if (!who.seesEveryMiner() && e.get().site() != null && !fleet.siteNames(who).contains(e.get().site())) return Optional.empty();
    List<EnergyAction> actions = visibleActions(who, id);
    List<ActionRow> rows = actions.stream().map(a -> new ActionRow(a.at(), a.address(), a.site(), a.command().name().toLowerCase(java.util.Locale.ROOT),
        a.plannedWatts(), a.attempt(), a.outcome().name().toLowerCase(java.util.Locale.ROOT), a.detail(), a.measuredWatts())).toList();
    return Optional.of(new EventDetail(row(who, e.get(), actions), rows));
  }

  private List<EnergyAction> visibleActions(Principal who, String eventId) {
    List<EnergyAction> all = trail.actions(eventId);
    if (who.seesEveryMiner()) return all;
    // One read of the owner's addresses, not one per action: an event can hold tens of thousands.
    Set<String> own = fleet.ownedAddresses(who);
    return all.stream().filter(a -> own.contains(a.address())).toList();
  }

  private static EventRow row(Principal who, EnergyEvent e, List<EnergyAction> actions) {
    long slept = actions.stream().filter(a -> a.command() == EnergyAction.Command.SLEEP && a.outcome() == EnergyAction.Outcome.ACCEPTED)
        .map(EnergyAction::address).distinct().count();
    long planned = actions.stream().filter(a -> a.command() == EnergyAction.Command.SLEEP && a.outcome() == EnergyAction.Outcome.ACCEPTED)
        .mapToLong(EnergyAction::plannedWatts).sum();
    long confirmed = actions.stream().filter(a -> a.command() == EnergyAction.Command.SLEEP && a.outcome() == EnergyAction.Outcome.CONFIRMED)
        .mapToLong(EnergyAction::plannedWatts).sum();
    boolean all = who.seesEveryMiner();
    return new EventRow(e.id(), e.kind().code(), e.site(), all ? e.shedWatts() : null, all ? e.baselineWatts() : null, e.receivedAt(),
        e.deadline(), e.endsAt(), e.closedAt(), all ? e.source() : null, slept, planned, confirmed);
  }
}
