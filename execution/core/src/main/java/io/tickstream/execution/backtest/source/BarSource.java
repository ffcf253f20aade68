package io.tickstream.execution.backtest.source;

import io.tickstream.signals.bars.Bar;
import java.util.Iterator;

/**
 * Historical bars of one or more instruments, in time order: by bar end, then by instrument id for
 * bars ending together. A backtest reads it once, front to back.
 *
 * <p>Implementations stream (a CSV file, a JDBC cursor over {@code ORDER BY bar_end,
 * instrument_id}) or hold bars in memory ({@link HistoricalBars}). {@link #next} throws {@link
 * java.util.NoSuchElementException} past the end and {@link IllegalStateException} when the
 * underlying data is not in this order, so a backtest never silently sees the future first. Close
 * releases files or connections; it is idempotent.
 */
public interface BarSource extends Iterator<Bar>, AutoCloseable {

  /** Releases what the source holds; no checked exception, so it works in try-with-resources. */
  @Override
  void close();

  /** The order every source delivers, for implementations that check or sort. */
  static int compare(Bar a, Bar b) {
    int byEnd = Long.compare(a.end(), b.end());
    return byEnd != 0 ? byEnd : a.instrumentId().compareTo(b.instrumentId());
  }
}
