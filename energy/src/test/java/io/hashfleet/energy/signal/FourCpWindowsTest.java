package io.hashfleet.energy.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class FourCpWindowsTest {
  @Test
  void configuredWindowsAreWeekdayAfternoonsOfTheSummerInCentralTime() {
    FourCpWindows w = FourCpWindows.configured(LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 9), LocalTime.of(15, 0), LocalTime.of(18, 0));
    // June 3-7 are the weekdays; May 31 is out of season, June 1-2 and 8-9 are weekends
    assertThat(w.windows()).hasSize(5);
    // 15:00 CDT is 20:00 UTC
    assertThat(w.windows().getFirst().from()).isEqualTo(Instant.parse("2024-06-03T20:00:00Z"));
    assertThat(w.overlaps(Instant.parse("2024-06-03T22:45:00Z"), Duration.ofMinutes(15))).isTrue();
    assertThat(w.overlaps(Instant.parse("2024-06-03T23:00:00Z"), Duration.ofMinutes(15))).isFalse();
  }

  @Test
  void aForecastRaisesWindowsAroundThePeaksAndMergesNeighbours() {
    String csv = """
        interval_start,forecast_mw
        2024-08-20T21:00:00Z,84100
        2024-08-20T21:15:00Z,85300
        2024-08-20T21:30:00Z,84900
        2024-08-21T21:15:00Z,79000
        2024-05-20T21:15:00Z,90000
        """;
    FourCpWindows w = FourCpWindows.fromForecast("load.csv", csv, new BigDecimal("84000"), 1, Duration.ofMinutes(30)).orThrow().getFirst();
    // the three August intervals over 84 GW merge into one window; May is out of season
    assertThat(w.windows()).hasSize(1);
    assertThat(w.windows().getFirst().from()).isEqualTo(Instant.parse("2024-08-20T20:30:00Z"));
    assertThat(w.windows().getFirst().to()).isEqualTo(Instant.parse("2024-08-20T22:15:00Z"));
  }

  @Test
  void aBadForecastRowIsNamedByLine() {
    var r = FourCpWindows.fromForecast("load.csv", "interval_start,forecast_mw\n2024-08-20T21:00:00Z,lots\n", null, 1, Duration.ZERO);
    assertThat(r.errors()).extracting(Object::toString).containsExactly("load.csv:2: bad number 'lots' in forecast_mw");
  }
}
