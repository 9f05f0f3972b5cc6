package io.hashfleet.cli.command;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as operators write them: 500ms, 60s, 3m, 1h, 2d (or ISO-8601 PT60S). */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String v = value.trim().toLowerCase();
    try {
      if (v.startsWith("pt") || v.startsWith("p")) return Duration.parse(v.toUpperCase());
      if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 60s, 3m, 1h, 2d)");
    }
  }
}
