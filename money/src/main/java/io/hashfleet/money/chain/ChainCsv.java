package io.hashfleet.money.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Difficulty epochs from a CSV file of {@code height,time,difficulty} rows (a header line is
 * optional). time is an ISO instant, a date (midnight UTC) or Unix seconds; each row means
 * "difficulty D from block h, mined at t".
 *
 * <p>All or nothing: every bad row is reported with its line, and a file with any bad row yields
 * no epochs, so a half-read file never skews a production figure.
 */
public final class ChainCsv {
  private ChainCsv() {}

  public static List<DifficultyEpoch> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read chain data: " + e.getMessage(), e);
    }
    String name = file.getFileName().toString();
    List<DifficultyEpoch> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<Integer, Integer> lineOfHeight = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int n = i + 1;
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (out.isEmpty() && errors.isEmpty() && line.toLowerCase().startsWith("height")) continue;
      String[] f = line.split(",", -1);
      if (f.length != 3) {
        errors.add(name + ":" + n + ": expected 3 fields height,time,difficulty, got " + f.length);
        continue;
      }
      try {
        int height = parseHeight(f[0].strip());
        Instant time = parseTime(f[1].strip());
        double difficulty = parseDifficulty(f[2].strip());
        Integer first = lineOfHeight.putIfAbsent(height, n);
        if (first != null) {
          errors.add(name + ":" + n + ": duplicate height " + height + " (first on line " + first + ")");
          continue;
        }
        out.add(new DifficultyEpoch(height, time, 0, difficulty, name));
      } catch (IllegalArgumentException e) {
        errors.add(name + ":" + n + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.size() + " bad line(s) in " + file + ", nothing imported:\n  " + String.join("\n  ", errors));
    }
    if (out.isEmpty()) throw new IllegalArgumentException(file + ": no chain data rows (expected height,time,difficulty)");
    return out;
  }

  private static int parseHeight(String s) {
    try {
      int h = Integer.parseInt(s);
      if (h < 0) throw new IllegalArgumentException("negative height " + s);
      return h;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad height '" + s + "'");
    }
  }

  static Instant parseTime(String s) {
    try {
      if (s.chars().allMatch(Character::isDigit) && !s.isEmpty()) return Instant.ofEpochSecond(Long.parseLong(s));
      if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Instant.parse(s);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("bad time '" + s + "' (expected 2025-01-12T02:00:00Z, 2025-01-12 or Unix seconds)");
    }
  }

  private static double parseDifficulty(String s) {
    try {
      double d = Double.parseDouble(s);
      if (!(d >= 1) || Double.isInfinite(d)) throw new IllegalArgumentException("difficulty must be at least 1, got " + s);
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad difficulty '" + s + "'");
    }
  }
}
