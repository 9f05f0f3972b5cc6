package io.hashfleet.console.fleet;

import io.hashfleet.console.access.Principal;
import io.hashfleet.store.Scope;
import java.util.List;

/**
 * The one place that turns "who is asking" into SQL and scopes. Every fleet query goes through it,
 * so an owner's request can only ever read rows of miners its tenant owns.
 */
final class Visibility {
  private Visibility() {}

  /** A condition on a miner address column, appending its bind parameters; "TRUE" for the operator. */
  static String minerCondition(Principal who, String addressColumn, List<Object> params) {
    String tenant = who.ownerTenant();
    if (tenant == null) return "TRUE";
    params.add(tenant);
    return addressColumn + " IN (SELECT address FROM miner_owners WHERE tenant = ?)";
  }

  /** The series scope for the whole of what this principal sees. */
  static Scope everything(Principal who) {
    String tenant = who.ownerTenant();
    return tenant == null ? Scope.fleet() : Scope.owner(tenant);
  }

  /** The series scope for this principal's part of one site. */
  static Scope site(Principal who, String site) {
    String tenant = who.ownerTenant();
    return tenant == null ? Scope.site(site) : Scope.ownerSite(tenant, site);
  }
}
