package io.hashfleet.console.access;

/**
 * Who is asking, resolved from a session or an API token. Every query of the console takes one,
 * so what a user can see is decided in one place: {@link #ownerTenant()}.
 */
public record Principal(String username, Tenant tenant, Role role) {
  /** The operator's people see every miner; an owner's people see only their tenant's. */
  public boolean seesEveryMiner() {
    return tenant.kind() == TenantKind.OPERATOR;
  }

  /** The owner tenant whose miners this principal is limited to, or null when it sees them all. */
  public String ownerTenant() {
    return seesEveryMiner() ? null : tenant.id();
  }
}
