package io.tickstream.execution.backtest.store;

/**
 * Which rows of a run's fills, trades and equity curve to read: {@code limit} rows from {@code
 * offset}, by sequence number, for each of the three lists.
 *
 * @param offset rows skipped, {@code >= 0}
 * @param limit rows read at most, {@code >= 0}
 */
public record Page(int offset, int limit) {

  /** Every row. */
  public static final Page ALL = new Page(0, Integer.MAX_VALUE);

  public Page {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must be >= 0");
    }
  }
}
