package io.hashfleet.console.access;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a user may do. Operator roles belong to the operator's tenant and see every miner; owner
 * roles belong to an owner's tenant and see only its miners; a viewer only reads, in either.
 */
public enum Role {
  OPERATOR_ADMIN("operator-admin", TenantKind.OPERATOR, true, true),
  OPERATOR("operator", TenantKind.OPERATOR, false, true),
  OWNER_ADMIN("owner-admin", TenantKind.OWNER, true, false),
  OWNER("owner", TenantKind.OWNER, false, false),
  VIEWER("viewer", null, false, false);

  private final String code;
  private final TenantKind kind;
  private final boolean admin;
  private final boolean commandsMiners;

  Role(String code, TenantKind kind, boolean admin, boolean commandsMiners) {
    this.code = code;
    this.kind = kind;
    this.admin = admin;
    this.commandsMiners = commandsMiners;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** Manages users and sees the audit log of its tenant (the operator admin: of every tenant). */
  public boolean admin() {
    return admin;
  }

  /** Sends commands to miners (sleep, wake, demand-response events): only those who run the machines. */
  public boolean commandsMiners() {
    return commandsMiners;
  }

  /** Creates API tokens for scripts; a viewer only reads through the pages. */
  public boolean createsTokens() {
    return this != VIEWER;
  }

  /** Whether a user of this role may belong to a tenant of that kind. */
  public boolean fits(TenantKind tenantKind) {
    return kind == null || kind == tenantKind;
  }

  public static Role of(String code) {
    for (Role r : values()) if (r.code.equals(code)) return r;
    throw new IllegalArgumentException("unknown role '" + code + "'; known: "
        + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")));
  }
}
