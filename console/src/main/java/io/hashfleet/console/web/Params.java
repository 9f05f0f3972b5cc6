package io.hashfleet.console.web;

import io.javalin.http.Context;
import java.time.Duration;

/** Query parameters, checked, with errors that name the parameter. */
final class Params {
  private Params() {}

  static int limit(Context ctx, int fallback, int max) {
    return intParam(ctx, "limit", fallback, 1, max);
  }

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) throw new IllegalArgumentException("?" + name + "=" + v + ": must be " + min + "-" + max);
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("?" + name + "=" + v + ": not a whole number");
    }
  }

  static Duration hours(Context ctx, int fallback, int max) {
    return Duration.ofHours(intParam(ctx, "hours", fallback, 1, max));
  }

  static String text(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
