package io.tickstream.sink;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Builds one line of PostgreSQL {@code COPY ... (FORMAT csv)} input. Text is always quoted (so an
 * empty string stays distinct from NULL, which is an unquoted empty field), numbers are plain
 * decimals and times are ISO-8601 UTC instants at microsecond precision, what {@code timestamptz}
 * stores.
 */
final class CsvLine {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final StringBuilder out;
  private boolean first = true;

  CsvLine(StringBuilder out) {
    this.out = out;
  }

  private void separator() {
    if (!first) {
      out.append(',');
    }
    first = false;
  }

  CsvLine text(CharSequence value) {
    separator();
    if (value == null) {
      return this;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        out.append('"');
      }
      out.append(ch);
    }
    out.append('"');
    return this;
  }

  CsvLine decimal(BigDecimal value) {
    separator();
    if (value != null) {
      out.append(value.toPlainString());
    }
    return this;
  }

  CsvLine integer(long value) {
    separator();
    out.append(value);
    return this;
  }

  /** Bytes as PostgreSQL's hex {@code bytea} input ({@code \\x...}); null stays NULL. */
  CsvLine bytes(byte[] value) {
    separator();
    if (value == null) {
      return this;
    }
    out.append("\\x");
    for (byte b : value) {
      out.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return this;
  }

  CsvLine bool(boolean value) {
    separator();
    out.append(value ? 't' : 'f');
    return this;
  }

  /** Nanoseconds since the epoch, truncated to the microseconds PostgreSQL keeps. */
  CsvLine epochNanos(long nanos) {
    separator();
    long micros = Math.floorDiv(nanos, 1_000L);
    out.append(Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    return this;
  }

  void end() {
    out.append('\n');
  }
}
