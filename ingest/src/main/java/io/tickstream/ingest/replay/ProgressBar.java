package io.tickstream.ingest.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for the terminal (stderr): share of the file read, rows, rate and ETA,
 * redrawn in place at most four times a second.
 *
 * <pre>[##########----------]  50.0%  50,000 rows  12,345 rows/s  ETA 00:00:04</pre>
 */
public final class ProgressBar {
  private static final long REDRAW_NANOS = 250_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long totalBytes;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastDraw = Long.MIN_VALUE;

  /**
   * @param out where to draw (stderr)
   * @param totalBytes the file's size, or a value <= 0 when unknown (no bar, no ETA)
   * @param nanoTime a monotonic clock
   */
  public ProgressBar(PrintStream out, long totalBytes, LongSupplier nanoTime) {
    this.out = out;
    this.totalBytes = totalBytes;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /** Redraws if the last redraw is old enough. */
  public void update(long bytesRead, long rows) {
    long now = nanoTime.getAsLong();
    if (now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      out.print('\r' + render(bytesRead, rows, now - start));
      out.flush();
    }
  }

  /** Draws the final state and ends the line. */
  public void finish(long bytesRead, long rows) {
    out.print('\r' + render(bytesRead, rows, nanoTime.getAsLong() - start));
    out.println();
    out.flush();
  }

  /** The bar's text after {@code elapsedNanos}. */
  String render(long bytesRead, long rows, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    double rate = rows / seconds;
    StringBuilder b = new StringBuilder(96);
    if (totalBytes > 0) {
      double f = Math.min(1.0, (double) bytesRead / totalBytes);
      int done = (int) Math.round(f * WIDTH);
      b.append('[').append("#".repeat(done)).append("-".repeat(WIDTH - done)).append("] ");
      b.append(String.format(Locale.ROOT, "%5.1f%%  ", f * 100));
      b.append(String.format(Locale.ROOT, "%,d rows  %,.0f rows/s  ETA ", rows, rate));
      b.append(f > 0 ? clock((long) (seconds * (1 - f) / f)) : "--:--:--");
    } else {
      b.append(String.format(Locale.ROOT, "%,d rows  %,.0f rows/s  ", rows, rate));
      b.append(clock((long) seconds)).append(" elapsed");
    }
    return b.toString();
  }

  private static String clock(long s) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
