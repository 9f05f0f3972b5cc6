package io.hashfleet.energy.price;

/** The kinds of price file Hashfleet reads, as named in findings. */
public enum PriceFormat {
  ERCOT_REAL_TIME("ERCOT real-time settlement point prices (NP6-905-CD)"),
  ERCOT_DAY_AHEAD("ERCOT day-ahead settlement point prices (NP4-190-CD)"),
  PLAIN("plain interval_start,price_usd_per_mwh");

  private final String description;

  PriceFormat(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
