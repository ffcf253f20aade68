package io.tickstream.infra.cli.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 2026-01-05} (midnight UTC), {@code 2026-01-05T09:30} (UTC) or an ISO instant. */
public final class UtcTimeConverter implements ITypeConverter<Instant> {

  @Override
  public Instant convert(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a date (2026-01-05) or time (2026-01-05T09:30:00Z)");
    }
  }
}
