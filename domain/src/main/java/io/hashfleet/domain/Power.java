package io.hashfleet.domain;

/** Electrical power in whole watts; a fleet of 350,000 machines is about 1e9 W, well inside a long. */
public record Power(long watts) implements Comparable<Power> {
  public static final Power ZERO = new Power(0);

  public Power {
    if (watts < 0) throw new IllegalArgumentException("power cannot be negative: " + watts + " W");
  }

  public static Power ofWatts(long watts) {
    return new Power(watts);
  }

  public Power plus(Power other) {
    return new Power(Math.addExact(watts, other.watts));
  }

  public double megawatts() {
    return watts / 1e6;
  }

  @Override
  public int compareTo(Power o) {
    return Long.compare(watts, o.watts);
  }

  @Override
  public String toString() {
    return watts >= 1_000_000 ? String.format("%.2f MW", megawatts()) : watts + " W";
  }
}
