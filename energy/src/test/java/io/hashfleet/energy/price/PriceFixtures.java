package io.hashfleet.energy.price;

import io.hashfleet.money.csv.ImportError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Price files under src/test/resources/prices, named in messages as {@code prices/<file>}. */
final class PriceFixtures {
  private PriceFixtures() {}

  static String text(String file) {
    try (InputStream in = PriceFixtures.class.getResourceAsStream("/prices/" + file)) {
      if (in == null) throw new IllegalArgumentException("no fixture prices/" + file);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PriceImport ercot(String file, String settlementPoint) {
    return ErcotSppCsv.parse("prices/" + file, text(file), settlementPoint);
  }

  static List<String> errors(PriceImport read) {
    return read.errors().stream().map(ImportError::toString).toList();
  }

  static BigDecimal priceAt(PowerPrices prices, String utc) {
    return prices.priceAt(Instant.parse(utc)).orElseThrow(() -> new AssertionError("no price at " + utc));
  }
}
