package io.hashfleet.console.access;

import java.util.regex.Pattern;

/** @param id short slug used in URLs and rollup scope keys, such as "northwind" */
public record Tenant(String id, String name, TenantKind kind) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public Tenant {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("tenant id '" + id + "' must be 1-40 lower-case letters, digits or dashes");
    }
    if (name == null || name.isBlank()) throw new IllegalArgumentException("tenant " + id + ": name is empty");
  }
}
