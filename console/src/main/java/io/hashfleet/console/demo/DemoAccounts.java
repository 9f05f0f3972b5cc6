package io.hashfleet.console.demo;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.Role;
import io.hashfleet.console.access.Tenant;
import io.hashfleet.console.access.TenantKind;
import io.hashfleet.domain.FleetMiner;
import io.hashfleet.domain.MinerAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's people: one operator hosting the fleet for two owners. Racks alternate between the
 * owners, so both have machines at every site, which is what tenancy has to get right.
 */
public final class DemoAccounts {
  public static final String OPERATOR = "hostco";
  public static final String OWNER_A = "northwind";
  public static final String OWNER_B = "bluepeak";

  /** A login printed at start. */
  public record Login(String username, String password, String role, String tenant) {}

  private DemoAccounts() {}

  public static List<Login> create(Accounts accounts, List<FleetMiner> miners) {
    accounts.putTenant(new Tenant(OPERATOR, "HostCo Mining Services", TenantKind.OPERATOR));
    accounts.putTenant(new Tenant(OWNER_A, "Northwind Digital Assets", TenantKind.OWNER));
    accounts.putTenant(new Tenant(OWNER_B, "Bluepeak Bitcoin Treasury", TenantKind.OWNER));
    List<MinerAddress> a = new ArrayList<>();
    List<MinerAddress> b = new ArrayList<>();
    for (FleetMiner m : miners) (ownerIsA(m) ? a : b).add(m.address());
    accounts.assignMiners(OWNER_A, a);
    accounts.assignMiners(OWNER_B, b);
    List<Login> logins = List.of(
        new Login("ops-admin", "hostco-admin-demo", Role.OPERATOR_ADMIN.code(), OPERATOR),
        new Login("ops", "hostco-ops-demo", Role.OPERATOR.code(), OPERATOR),
        new Login("northwind", "northwind-demo", Role.OWNER_ADMIN.code(), OWNER_A),
        new Login("bluepeak", "bluepeak-demo", Role.OWNER_ADMIN.code(), OWNER_B),
        new Login("northwind-viewer", "northwind-view-demo", Role.VIEWER.code(), OWNER_A));
    for (Login l : logins) accounts.putUser(l.username(), l.tenant(), Role.of(l.role()), l.password().toCharArray());
    return logins;
  }

  /** Even racks (by the number in their name) to the first owner; miners without a rack by address. */
  static boolean ownerIsA(FleetMiner m) {
    String rack = m.location().rack();
    String digits = rack == null ? "" : rack.replaceAll("\\D", "");
    if (!digits.isEmpty()) return Long.parseLong(digits.substring(Math.max(0, digits.length() - 9))) % 2 == 0;
    return (m.address().toString().hashCode() & 1) == 0;
  }
}
