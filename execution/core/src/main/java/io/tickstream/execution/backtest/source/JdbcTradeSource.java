package io.tickstream.execution.backtest.source;

import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * Trades of the {@code trades} table for a set of instruments with {@code from <= ts_event < to},
 * streamed in time order through a server-side cursor, for {@link TradeBarSource} (tick-level
 * runs). Trades at the same time come by instrument, then venue trade id, so runs are repeatable.
 */
public final class JdbcTradeSource implements Iterator<HistoricalTrade>, AutoCloseable {

  static final String SQL =
      "SELECT instrument_id, ts_event, price, size FROM trades"
          + " WHERE instrument_id = ANY(?) AND ts_event >= ? AND ts_event < ?"
          + " ORDER BY ts_event, instrument_id COLLATE \"C\", trade_id COLLATE \"C\"";

  private final JdbcCursor<HistoricalTrade> cursor;

  /** Opens the query on a connection of its own; {@link #close} releases it. */
  public JdbcTradeSource(DataSource db, Collection<String> instruments, Instant from, Instant to) {
    this.cursor =
        new JdbcCursor<>(
            db,
            SQL,
            instruments,
            from,
            to,
            null,
            rs ->
                new HistoricalTrade(
                    rs.getString("instrument_id"),
                    JdbcCursor.epochNanos(rs, "ts_event"),
                    rs.getBigDecimal("price"),
                    rs.getBigDecimal("size")),
            "trades of " + instruments);
  }

  /** Bars of {@code spec} built from these trades with the live aggregator. */
  public static TradeBarSource bars(
      DataSource db, Collection<String> instruments, String spec, Instant from, Instant to) {
    return new TradeBarSource(
        new JdbcTradeSource(db, instruments, from, to),
        io.tickstream.signals.bars.TimeBarSpec.parse(spec));
  }

  @Override
  public boolean hasNext() {
    return cursor.hasNext();
  }

  @Override
  public HistoricalTrade next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return cursor.next();
  }

  @Override
  public void close() {
    cursor.close();
  }
}
