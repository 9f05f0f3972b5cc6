package io.hashfleet.energy.price;

import io.hashfleet.money.csv.CsvFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The column names of ERCOT settlement point price files. The historical reports spell columns
 * with spaces ({@code Delivery Date}); the same reports downloaded from ERCOT's MIS spell them
 * run together ({@code DeliveryDate}) and call the repeated hour flag {@code DSTFlag}. Both mean
 * the same, so both are read.
 */
enum ErcotLayout {
  REAL_TIME(PriceFormat.ERCOT_REAL_TIME, "Delivery Date", "Delivery Hour", "Delivery Interval", "Repeated Hour Flag",
      "Settlement Point Name", "Settlement Point Type", "Settlement Point Price"),
  REAL_TIME_MIS(PriceFormat.ERCOT_REAL_TIME, "DeliveryDate", "DeliveryHour", "DeliveryInterval", "DSTFlag",
      "SettlementPointName", "SettlementPointType", "SettlementPointPrice"),
  DAY_AHEAD(PriceFormat.ERCOT_DAY_AHEAD, "Delivery Date", "Hour Ending", null, "Repeated Hour Flag",
      "Settlement Point", null, "Settlement Point Price"),
  DAY_AHEAD_MIS(PriceFormat.ERCOT_DAY_AHEAD, "DeliveryDate", "HourEnding", null, "DSTFlag",
      "SettlementPoint", null, "SettlementPointPrice");

  final PriceFormat format;
  final String date;
  final String hour;
  /** Null for day-ahead files, whose intervals are whole hours. */
  final String interval;
  final String flag;
  final String point;
  /** Null for day-ahead files, which do not say what kind of point a row is for. */
  final String type;
  final String price;

  ErcotLayout(PriceFormat format, String date, String hour, String interval, String flag, String point, String type, String price) {
    this.format = format;
    this.date = date;
    this.hour = hour;
    this.interval = interval;
    this.flag = flag;
    this.point = point;
    this.type = type;
    this.price = price;
  }

  List<String> requiredColumns() {
    return Stream.of(date, hour, interval, flag, point, type, price).filter(Objects::nonNull).toList();
  }

  /** The layout whose hour columns the header has; real-time first, as only it has an interval column. */
  static Optional<ErcotLayout> detect(CsvFile probe) {
    return Stream.of(values())
        .filter(l -> probe.hasColumn(l.hour) && (l.interval == null || probe.hasColumn(l.interval)))
        .findFirst();
  }

  static String expectedHeaders() {
    return String.join(",", REAL_TIME.requiredColumns()) + " (real-time) or " + String.join(",", DAY_AHEAD.requiredColumns()) + " (day-ahead)";
  }
}
