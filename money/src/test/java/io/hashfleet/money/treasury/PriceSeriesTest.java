package io.hashfleet.money.treasury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hashfleet.money.csv.ImportError;
import io.hashfleet.money.csv.ImportResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceSeriesTest {
  static final LocalDate DEC_1 = LocalDate.parse("2024-12-01");

  static PriceSeries series() {
    return PriceSeries.of(Map.of(DEC_1, new BigDecimal("96000"), DEC_1.plusDays(3), new BigDecimal("98500.50")));
  }

  static List<String> errors(ImportResult<DailyPrice> result) {
    return result.errors().stream().map(ImportError::toString).toList();
  }

  @Test
  void priceOn_aDayWithoutAClose_usesTheLatestCloseBeforeIt() {
    PriceSeries prices = series();
    assertThat(prices.priceOn(DEC_1)).isEqualByComparingTo("96000");
    assertThat(prices.priceOn(DEC_1.plusDays(2))).isEqualByComparingTo("96000");
    assertThat(prices.priceOn(DEC_1.plusDays(3))).isEqualByComparingTo("98500.50");
    assertThat(prices.priceOn(DEC_1.plusYears(1))).isEqualByComparingTo("98500.50");
  }

  @Test
  void priceOn_beforeTheFirstClose_isAnErrorSayingWhereTheSeriesStarts() {
    assertThatThrownBy(() -> series().priceOn(DEC_1.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no USD price on or before 2024-11-30; the price series starts 2024-12-01");
    assertThatThrownBy(() -> PriceSeries.of(List.of()).priceOn(DEC_1)).hasMessageEndingWith("the price series is empty");
  }

  @Test
  void series_refusesTwoPricesForOneDayAndPricesThatAreNotPositive() {
    assertThatThrownBy(() -> PriceSeries.of(List.of(new DailyPrice(DEC_1, BigDecimal.ONE), new DailyPrice(DEC_1, BigDecimal.TWO))))
        .hasMessage("two prices for 2024-12-01");
    assertThatThrownBy(() -> new DailyPrice(DEC_1, BigDecimal.ZERO)).hasMessage("price on 2024-12-01 must be positive, got 0");
  }

  @Test
  void prices_listsEveryCloseInDateOrder() {
    assertThat(series().prices()).extracting(DailyPrice::date).containsExactly(DEC_1, DEC_1.plusDays(3));
  }

  @Test
  void csv_readsDatesAndPricesWithColumnsFoundByName() {
    ImportResult<DailyPrice> result = PriceCsv.parse("btc-usd.csv", """
        source,price_usd,date
        exchange,"96,000.00",2024-11-30
        """);
    assertThat(errors(result)).containsExactly("btc-usd.csv:2: bad price '96,000.00' in price_usd");

    List<DailyPrice> prices = PriceCsv.parse("btc-usd.csv", "date,price_usd\n2024-12-02,97000.5\n2024-12-01,96000\n").orThrow();
    assertThat(PriceSeries.of(prices).priceOn(LocalDate.parse("2024-12-03"))).isEqualByComparingTo("97000.5");
  }

  @Test
  void csv_reportsEveryBadLineWithFileAndLineNumberAndImportsNothing() {
    ImportResult<DailyPrice> result = PriceCsv.parse("btc-usd.csv", """
        date,price_usd
        2024-12-01,96000
        2024-12-02,-5
        2024-12-03,0
        2024-13-01,97000
        2024-12-01,96100
        2024-12-06,
        2024-12-07,97100
        """);
    assertThat(result.rows()).isEmpty();
    assertThat(errors(result)).containsExactly(
        "btc-usd.csv:3: negative price -5",
        "btc-usd.csv:4: zero price 0",
        "btc-usd.csv:5: bad date '2024-13-01' in date",
        "btc-usd.csv:6: duplicate date 2024-12-01 (first on line 2)",
        "btc-usd.csv:7: bad price '' in price_usd");
  }

  @Test
  void csv_needsItsHeader() {
    assertThat(errors(PriceCsv.parse("btc-usd.csv", "2024-12-01,96000\n"))).containsExactly(
        "btc-usd.csv:1: header has no column 'date' (found: 2024-12-01,96000)",
        "btc-usd.csv:1: header has no column 'price_usd' (found: 2024-12-01,96000)");
  }

  @Test
  void csv_readsAFileNamingItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("btc-usd.csv");
    Files.writeString(file, "date,price_usd\n2024-12-01,abc\n");
    assertThat(errors(PriceCsv.read(file))).containsExactly(file + ":2: bad price 'abc' in price_usd");
  }
}
