package io.tickstream.ingest.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads ticks from a CSV file in one of the {@link ReplayFormat}s, plain or gzip. The header is
 * read (and the format detected) on construction; {@link #forEach} then hands each row to a {@link
 * RowHandler} as a tick or as a malformed row with its line number and a message. Not thread-safe.
 */
public final class TickFileReader implements AutoCloseable {
  /** Receives the rows of a file, in file order. */
  public interface RowHandler {
    /** A row that parsed, at 1-based {@code line}. */
    void tick(SpecificRecord tick, long line);

    /** A row that did not parse: its raw text and what is wrong with it. */
    void malformed(long line, String raw, String message);
  }

  private final String name;
  private final CountingInputStream counted;
  private final BufferedReader reader;
  private final ReplayFormat format;
  private final RowFormat rows;
  private final int width;
  private long line;

  /**
   * @param name the file name, used in messages and dead letters
   * @param in the file's bytes, plain or gzip
   * @param forced the format, or {@code null} to detect it from the header
   * @param bitstampInstrument instrument id of {@link ReplayFormat#BITSTAMP} files
   * @throws IllegalArgumentException if the header matches no format (or not the forced one)
   */
  public TickFileReader(String name, InputStream in, ReplayFormat forced, String bitstampInstrument)
      throws IOException {
    this.name = name;
    this.counted = new CountingInputStream(in);
    BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
    buffered.mark(2);
    boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
    buffered.reset();
    InputStream body = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
    String header = nextContentLine();
    if (header == null) {
      throw new IllegalArgumentException(name + ": the file is empty (no header row)");
    }
    String[] columns = split(header);
    ReplayFormat detected = ReplayFormat.detect(columns);
    if (detected == null || (forced != null && forced != detected)) {
      throw new IllegalArgumentException(
          name
              + ":"
              + line
              + ": header '"
              + header.strip()
              + "' is not "
              + (forced != null
                  ? "the " + forced + " layout " + forced.columns()
                  : "a known layout")
              + "; expected one of: trades "
              + ReplayFormat.TRADES.columns()
              + ", quotes "
              + ReplayFormat.QUOTES.columns()
              + ", bitstamp "
              + ReplayFormat.BITSTAMP.columns());
    }
    this.format = detected;
    List<String> names = Arrays.stream(columns).map(c -> c.toLowerCase(Locale.ROOT)).toList();
    this.width = columns.length;
    this.rows =
        switch (detected) {
          case TRADES -> new TradeRowFormat(names);
          case QUOTES -> new QuoteRowFormat(names);
          case BITSTAMP -> new BitstampRowFormat(names, bitstampInstrument, name);
        };
  }

  /** The layout of the file. */
  public ReplayFormat format() {
    return format;
  }

  /** Bytes of the file read so far (compressed bytes for a gzip file). */
  public long bytesRead() {
    return counted.count();
  }

  /** Reads every remaining row. */
  public void forEach(RowHandler handler) throws IOException {
    String raw;
    while ((raw = nextContentLine()) != null) {
      String[] fields = split(raw);
      if (fields.length != width) {
        handler.malformed(
            line, raw, "expected " + width + " fields like the header, found " + fields.length);
        continue;
      }
      try {
        handler.tick(rows.parse(fields, line), line);
      } catch (MalformedRowException e) {
        handler.malformed(line, raw, e.getMessage());
      }
    }
  }

  private String nextContentLine() throws IOException {
    String s;
    while ((s = reader.readLine()) != null) {
      line++;
      String t = s.strip();
      if (!t.isEmpty() && t.charAt(0) != '#') {
        return s;
      }
    }
    return null;
  }

  private static String[] split(String row) {
    String[] f = row.strip().split(",", -1);
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].strip();
    }
    return f;
  }

  /** The name given at construction. */
  public String name() {
    return name;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
