package io.tickstream.execution.backtest.source;

import io.tickstream.signals.bars.Bar;
import java.time.Instant;
import java.util.Collection;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * Bars of the {@code bars} table (as the sink writes them: one row per bar, the highest revision)
 * for a set of instruments and one spec, streamed in {@link BarSource} order through a server-side
 * cursor: memory stays flat however long the period. A bar is included when it lies wholly inside
 * {@code [from, to]}: {@code start >= from} and {@code end <= to}.
 *
 * <p>Instrument ids are ordered with the "C" collation, i.e. by code point like {@link
 * String#compareTo}, which is the order the engine expects for bars ending together; {@link
 * OrderedBars} checks it anyway.
 */
public final class JdbcBarSource implements BarSource {

  static final String SQL =
      "SELECT instrument_id, spec, start_ts, end_ts, open, high, low, close, volume, trade_count,"
          + " vwap, revision FROM bars"
          + " WHERE instrument_id = ANY(?) AND start_ts >= ? AND end_ts <= ? AND spec = ?"
          + " ORDER BY end_ts, instrument_id COLLATE \"C\"";

  private final JdbcCursor<Bar> cursor;
  private final OrderedBars order = new OrderedBars();

  /**
   * Opens the query on a connection of its own; {@link #close} releases it.
   *
   * @throws IllegalStateException when the query cannot run (the message says why)
   */
  public JdbcBarSource(
      DataSource db, Collection<String> instruments, String spec, Instant from, Instant to) {
    this.cursor =
        new JdbcCursor<>(
            db,
            SQL,
            instruments,
            from,
            to,
            spec,
            rs ->
                new Bar(
                    rs.getString("instrument_id"),
                    rs.getString("spec"),
                    JdbcCursor.epochNanos(rs, "start_ts"),
                    JdbcCursor.epochNanos(rs, "end_ts"),
                    rs.getBigDecimal("open"),
                    rs.getBigDecimal("high"),
                    rs.getBigDecimal("low"),
                    rs.getBigDecimal("close"),
                    rs.getBigDecimal("volume"),
                    rs.getLong("trade_count"),
                    rs.getBigDecimal("vwap"),
                    rs.getInt("revision")),
            "bars " + spec + " of " + instruments);
  }

  @Override
  public boolean hasNext() {
    return cursor.hasNext();
  }

  @Override
  public Bar next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return order.check(cursor.next(), "bars table");
  }

  @Override
  public void close() {
    cursor.close();
  }
}
