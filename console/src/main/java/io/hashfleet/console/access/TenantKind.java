package io.hashfleet.console.access;

import com.fasterxml.jackson.annotation.JsonValue;

/** The operator hosts and runs the machines; an owner bought them and sees only its own. */
public enum TenantKind {
  OPERATOR("operator"),
  OWNER("owner");

  private final String code;

  TenantKind(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  public static TenantKind of(String code) {
    for (TenantKind k : values()) if (k.code.equals(code)) return k;
    throw new IllegalArgumentException("unknown tenant kind '" + code + "'; known: operator, owner");
  }
}
