package io.hashfleet.domain;

/** Brand of a mining machine, as operators name them. */
public enum Make {
  ANTMINER("Antminer"),
  WHATSMINER("Whatsminer"),
  AVALON("Avalon"),
  UNKNOWN("unknown");

  private final String label;

  Make(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Make fromLabel(String text) {
    for (Make m : values()) if (m.label.equalsIgnoreCase(text) || m.name().equalsIgnoreCase(text)) return m;
    return UNKNOWN;
  }
}
