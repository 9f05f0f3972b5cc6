package io.hashfleet.energy.price;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a price file in whichever format it is: an ERCOT settlement point price report, or the plain UTC format. */
public final class PriceFiles {
  private PriceFiles() {}

  /** @param settlementPoint which point of an ERCOT file; ignored for the plain format */
  public static PriceImport read(Path file, String settlementPoint) throws IOException {
    return isErcot(file) ? ErcotSppCsv.read(file, settlementPoint) : PlainPriceCsv.read(file);
  }

  /** ERCOT's reports name their settlement point columns in the header; the plain format does not. */
  static boolean isErcot(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      return header != null && header.toLowerCase(Locale.ROOT).replace(" ", "").contains("settlementpoint");
    }
  }
}
