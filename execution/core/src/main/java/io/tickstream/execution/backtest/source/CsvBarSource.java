package io.tickstream.execution.backtest.source;

import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.bars.TimeBarSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Bars from a CSV file with a header row, streamed in file order (which must be {@link BarSource}
 * order: by end, then instrument; anything else fails with the line number).
 *
 * <p>Columns, by header name (case-insensitive, any order, extra columns ignored):
 *
 * <ul>
 *   <li>{@code instrument} SYMBOL.VENUE; optional when a default instrument is given;
 *   <li>{@code start} (alias {@code date}, {@code time}) start of the bar, required;
 *   <li>{@code end} end of the bar; or {@code spec}, a time bar spec such as {@code 1m}, {@code
 *       1d}, giving {@code end = start + spec}; without either, the default spec applies;
 *   <li>{@code open}, {@code high}, {@code low}, {@code close}, {@code volume} exact decimals;
 *   <li>{@code trades} trade count (default 1), {@code vwap} (default the close), optional.
 * </ul>
 *
 * Times are ISO-8601 instants ({@code 2013-01-02T14:30:00Z}), dates ({@code 2013-01-02}, midnight
 * UTC), local date-times (UTC), or epoch numbers whose unit follows from their size: below 10^11
 * seconds, below 10^14 milliseconds, below 10^17 microseconds, else nanoseconds. Fields are split
 * on commas without quoting (ids and numbers contain none); blank lines and lines starting with
 * {@code #} are skipped.
 */
public final class CsvBarSource implements BarSource {

  private final BufferedReader reader;
  private final String name;
  private final String defaultInstrument;
  private final String defaultSpec;
  private final Map<String, Integer> columns = new HashMap<>();
  private final OrderedBars order = new OrderedBars();
  private int lineNumber;
  private Bar pending;

  /**
   * Reads {@code reader}, which starts with the header row.
   *
   * @param name for error messages (usually the file name)
   * @param defaultInstrument instrument of every row when there is no {@code instrument} column,
   *     else null
   * @param defaultSpec spec of every row without {@code spec} column (e.g. {@code 1d}), or null
   */
  public CsvBarSource(Reader reader, String name, String defaultInstrument, String defaultSpec) {
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    this.name = name;
    this.defaultInstrument = defaultInstrument;
    this.defaultSpec = defaultSpec;
    readHeader();
  }

  /** Opens {@code file} (UTF-8); see {@link #CsvBarSource(Reader, String, String, String)}. */
  public static CsvBarSource open(Path file, String defaultInstrument, String defaultSpec) {
    try {
      return new CsvBarSource(
          Files.newBufferedReader(file, StandardCharsets.UTF_8),
          file.toString(),
          defaultInstrument,
          defaultSpec);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  private void readHeader() {
    String header = readLine();
    if (header == null) {
      throw new IllegalArgumentException(name + ": empty file, expected a header row");
    }
    String[] names = header.split(",", -1);
    for (int i = 0; i < names.length; i++) {
      columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
    }
    alias("start", "date", "time");
    for (String required : new String[] {"start", "open", "high", "low", "close", "volume"}) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException(name + ": no '" + required + "' column in " + header);
      }
    }
    if (defaultInstrument == null && !columns.containsKey("instrument")) {
      throw new IllegalArgumentException(name + ": no 'instrument' column and no default");
    }
    if (defaultSpec == null && !columns.containsKey("spec") && !columns.containsKey("end")) {
      throw new IllegalArgumentException(name + ": needs an 'end' or 'spec' column, or a default");
    }
  }

  private void alias(String canonical, String... others) {
    for (String o : others) {
      if (!columns.containsKey(canonical) && columns.containsKey(o)) {
        columns.put(canonical, columns.get(o));
      }
    }
  }

  private String readLine() {
    try {
      String line;
      do {
        line = reader.readLine();
        lineNumber++;
      } while (line != null && (line.isBlank() || line.startsWith("#")));
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": read failed at line " + lineNumber, e);
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      String line = readLine();
      if (line != null) {
        pending = order.check(parse(line), name + " line " + lineNumber);
      }
    }
    return pending != null;
  }

  @Override
  public Bar next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Bar b = pending;
    pending = null;
    return b;
  }

  private Bar parse(String line) {
    String[] f = line.split(",", -1);
    try {
      String instrument = field(f, "instrument", defaultInstrument);
      String spec = field(f, "spec", defaultSpec);
      long start = CsvTimes.parse(field(f, "start", null));
      String endText = field(f, "end", null);
      long end =
          endText != null ? CsvTimes.parse(endText) : start + TimeBarSpec.parse(spec).sizeNanos();
      BigDecimal close = decimal(f, "close");
      String trades = field(f, "trades", "1");
      String vwap = field(f, "vwap", null);
      return new Bar(
          instrument,
          spec == null ? "custom" : spec,
          start,
          end,
          decimal(f, "open"),
          decimal(f, "high"),
          decimal(f, "low"),
          close,
          decimal(f, "volume"),
          Long.parseLong(trades),
          vwap == null ? close : new BigDecimal(vwap),
          0);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + " line " + lineNumber + ": " + e.getMessage() + " in '" + line + "'", e);
    }
  }

  private String field(String[] f, String column, String fallback) {
    Integer i = columns.get(column);
    if (i == null || i >= f.length || f[i].isBlank()) {
      return fallback;
    }
    return f[i].trim();
  }

  private BigDecimal decimal(String[] f, String column) {
    String text = field(f, column, null);
    if (text == null) {
      throw new IllegalArgumentException("missing " + column);
    }
    return new BigDecimal(text);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": close failed", e);
    }
  }
}
