package io.tickstream.sink;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How TimescaleDB keeps one hypertable: chunk width, when chunks are compressed and when they are
 * dropped. Intervals are PostgreSQL interval text such as {@code 1 day} or {@code 12 hours}; {@code
 * off} disables compression or retention. Ignored on plain PostgreSQL.
 *
 * @param chunkInterval width of one chunk
 * @param compressAfter age after which a chunk is compressed, or {@code off}
 * @param retention age after which a chunk is dropped, or {@code off}
 */
public record TablePolicy(String chunkInterval, String compressAfter, String retention) {
  /** The word that turns compression or retention off. */
  public static final String OFF = "off";

  private static final Pattern INTERVAL =
      Pattern.compile("[1-9][0-9]{0,5} (minute|hour|day|week|month|year)s?");

  /** Validates the three intervals. */
  public TablePolicy {
    for (String v : List.of(chunkInterval, compressAfter, retention)) {
      if (v == null) {
        throw new IllegalArgumentException("interval is missing");
      }
    }
    chunkInterval = chunkInterval.trim();
    compressAfter = compressAfter.trim();
    retention = retention.trim();
    if (!INTERVAL.matcher(chunkInterval).matches()) {
      throw new IllegalArgumentException(
          "chunk interval must look like '1 day' or '6 hours', got '" + chunkInterval + "'");
    }
    check(compressAfter);
    check(retention);
  }

  private static void check(String v) {
    if (!v.equals(OFF) && !INTERVAL.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "interval must look like '7 days' or '12 hours', or be 'off', got '" + v + "'");
    }
  }

  /** Is compression wanted? */
  public boolean compresses() {
    return !compressAfter.equals(OFF);
  }

  /** Is retention wanted? */
  public boolean retains() {
    return !retention.equals(OFF);
  }
}
