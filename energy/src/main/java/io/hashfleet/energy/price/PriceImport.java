package io.hashfleet.energy.price;

import io.hashfleet.money.csv.ImportError;
import io.hashfleet.money.csv.ImportException;
import io.hashfleet.money.csv.ImportResult;
import java.util.List;
import java.util.Objects;

/**
 * A price file read all or nothing: either its prices with the findings about them, or every
 * error and no prices. A curtailment schedule built on half a file would run miners through the
 * hours that were dropped.
 */
public final class PriceImport {
  private final PowerPrices prices;
  private final PriceFileReport report;
  private final List<ImportError> errors;

  private PriceImport(PowerPrices prices, PriceFileReport report, List<ImportError> errors) {
    this.prices = prices;
    this.report = report;
    this.errors = List.copyOf(errors);
  }

  static PriceImport of(PowerPrices prices, PriceFileReport report) {
    return new PriceImport(Objects.requireNonNull(prices), Objects.requireNonNull(report), List.of());
  }

  static PriceImport failed(List<ImportError> errors) {
    if (errors.isEmpty()) throw new IllegalArgumentException("a failed import needs at least one error");
    return new PriceImport(PowerPrices.empty(), null, errors);
  }

  public boolean isOk() {
    return errors.isEmpty();
  }

  /** Every error in line order; empty when the file was read. */
  public List<ImportError> errors() {
    return errors;
  }

  /** The prices, or an {@link ImportException} listing every error. */
  public PowerPrices orThrow() {
    if (!isOk()) throw new ImportException(errors);
    return prices;
  }

  /** The findings about the file, or an {@link ImportException} listing every error. */
  public PriceFileReport report() {
    if (!isOk()) throw new ImportException(errors);
    return report;
  }

  /** The same outcome in the shape the money importers use. */
  public ImportResult<PriceInterval> result() {
    return ImportResult.of(prices.intervals(), errors);
  }
}
