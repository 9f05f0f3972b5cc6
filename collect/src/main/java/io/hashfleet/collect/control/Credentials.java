package io.hashfleet.collect.control;

import java.util.Objects;

/** A login for a miner's write API. The password never appears in {@link #toString()}. */
public record Credentials(String user, String password) {
  /** Bitmain stock firmware's web login as shipped. */
  public static final Credentials ANTMINER_DEFAULT = new Credentials("root", "root");
  /** The Braiins OS login as shipped: root without a password (its gRPC API asks for one). */
  public static final Credentials BRAIINS_DEFAULT = new Credentials("root", "");
  /** btminer's API password as shipped; the user name is not sent. */
  public static final Credentials WHATSMINER_DEFAULT = new Credentials("admin", "admin");

  public Credentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return user + ":****";
  }
}
