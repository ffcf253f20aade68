package io.tickstream.sink;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Builds one line of PostgreSQL {@code COPY ... (FORMAT csv)} input, as UTF-8 bytes straight into a
 * {@link CopyBuffer} (no per-row strings: encoding is on the sink's hot path). Text is always
 * quoted (so an empty string stays distinct from NULL, which is an unquoted empty field), numbers
 * are plain decimals and times are ISO-8601 UTC instants at microsecond precision, what {@code
 * timestamptz} stores.
 */
final class CsvLine implements CopyLine {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Width of {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}; epoch nanoseconds in a long span 1677-2262. */
  private static final int TIME_WIDTH = 27;

  /** 10^0 .. 10^18: decimals of up to 18 digits are written from their unscaled long. */
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final CopyBuffer out;
  private boolean first = true;

  CsvLine(CopyBuffer out) {
    this.out = out;
  }

  private void separator() {
    if (!first) {
      out.put((byte) ',');
    }
    first = false;
  }

  @Override
  public CsvLine text(CharSequence value) {
    separator();
    if (value == null) {
      return this;
    }
    out.put((byte) '"');
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char ch = value.charAt(i);
      if (ch >= 0x80) {
        nonAscii(value, i);
        break;
      }
      if (ch == '"') {
        out.put((byte) '"');
      }
      out.put((byte) ch);
    }
    out.put((byte) '"');
    return this;
  }

  /** The rest of {@code value} from {@code from} as UTF-8; a quote byte never occurs inside one. */
  private void nonAscii(CharSequence value, int from) {
    byte[] utf8 =
        value.subSequence(from, value.length()).toString().getBytes(StandardCharsets.UTF_8);
    for (byte b : utf8) {
      if (b == '"') {
        out.put((byte) '"');
      }
      out.put(b);
    }
  }

  /** A plain decimal, as {@link BigDecimal#toPlainString()} writes it; null stays NULL. */
  @Override
  public CsvLine decimal(BigDecimal value) {
    separator();
    if (value == null) {
      return this;
    }
    int scale = value.scale();
    if (scale >= 0 && scale < POWERS_OF_TEN.length && value.precision() < POWERS_OF_TEN.length) {
      // Prices and sizes (numeric(28,8)) nearly always fit a long: no string is built.
      plainDecimal(value.unscaledValue().longValue(), scale);
    } else {
      out.putAscii(value.toPlainString());
    }
    return this;
  }

  private void plainDecimal(long unscaled, int scale) {
    if (unscaled < 0) {
      out.put((byte) '-');
      unscaled = -unscaled;
    }
    long pow = POWERS_OF_TEN[scale];
    long whole = unscaled / pow;
    putDigits(whole, whole == 0 ? 1 : digitCount(whole));
    if (scale > 0) {
      out.put((byte) '.');
      putDigits(unscaled % pow, scale);
    }
  }

  /** The last {@code width} decimal digits of {@code value} >= 0, zero-padded. */
  private void putDigits(long value, int width) {
    int at = out.reserve(width);
    byte[] b = out.array();
    for (int i = at + width - 1; i >= at; i--) {
      b[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int digitCount(long value) {
    int n = 1;
    while (n < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[n]) {
      n++;
    }
    return n;
  }

  /**
   * A {@code double precision} value (NaN and infinities as PostgreSQL spells them); null stays
   * NULL.
   */
  @Override
  public CsvLine float8(Double value) {
    separator();
    if (value != null) {
      out.putAscii(value.isInfinite() ? (value > 0 ? "Infinity" : "-Infinity") : value.toString());
    }
    return this;
  }

  @Override
  public CsvLine integer(long value) {
    separator();
    if (value >= 0 && value < 10) {
      out.put((byte) ('0' + value));
    } else {
      out.putAscii(Long.toString(value));
    }
    return this;
  }

  /** Bytes as PostgreSQL's hex {@code bytea} input ({@code \\x...}); null stays NULL. */
  @Override
  public CsvLine bytes(byte[] value) {
    separator();
    if (value == null) {
      return this;
    }
    out.put((byte) '\\');
    out.put((byte) 'x');
    for (byte b : value) {
      out.put(HEX[(b >> 4) & 0xf]);
      out.put(HEX[b & 0xf]);
    }
    return this;
  }

  @Override
  public CsvLine bool(boolean value) {
    separator();
    out.put((byte) (value ? 't' : 'f'));
    return this;
  }

  /** Nanoseconds since the epoch, truncated to the microseconds PostgreSQL keeps. */
  @Override
  public CsvLine epochNanos(long nanos) {
    separator();
    fixedWidthTime(Math.floorDiv(nanos, 1_000L));
    return this;
  }

  /** {@link #epochNanos} as a string: the same truncation to microseconds, the same format. */
  static String isoMicros(long nanos) {
    CopyBuffer b = new CopyBuffer(TIME_WIDTH);
    new CsvLine(b).epochNanos(nanos);
    return new String(b.array(), 0, b.size(), StandardCharsets.US_ASCII);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, the days turned into a civil date without allocating. */
  private void fixedWidthTime(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // Howard Hinnant's civil_from_days: eras of 400 years starting on March 1st.
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    int at = out.reserve(TIME_WIDTH);
    byte[] b = out.array(); // after reserve, which may have grown it
    digits(b, at, year, 4);
    b[at + 4] = '-';
    digits(b, at + 5, month, 2);
    b[at + 7] = '-';
    digits(b, at + 8, day, 2);
    b[at + 10] = 'T';
    digits(b, at + 11, secondOfDay / 3600, 2);
    b[at + 13] = ':';
    digits(b, at + 14, secondOfDay / 60 % 60, 2);
    b[at + 16] = ':';
    digits(b, at + 17, secondOfDay % 60, 2);
    b[at + 19] = '.';
    digits(b, at + 20, fraction, 6);
    b[at + 26] = 'Z';
  }

  private static void digits(byte[] b, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      b[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  @Override
  public void end() {
    out.put((byte) '\n');
  }
}
