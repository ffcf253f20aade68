package io.tickstream.ingest.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a speed or rate: a positive number, optionally with an {@code x} suffix, or {@code max}
 * (0).
 */
final class SpeedConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("max")) {
      return 0.0;
    }
    if (v.endsWith("x")) {
      v = v.substring(0, v.length() - 1);
    }
    try {
      double d = Double.parseDouble(v);
      if (d > 0 && Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new TypeConversionException(
        "'" + value + "' is not a positive number (e.g. 1, 10x, 0.5) or 'max'");
  }
}
