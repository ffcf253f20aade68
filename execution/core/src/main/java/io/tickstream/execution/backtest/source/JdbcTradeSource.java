package io.tickstream.execution.backtest.source;

import io.tickstream.signals.bars.TimeBarSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import javax.sql.DataSource;

/**
 * Trades of the {@code trades} table for a set of instruments with {@code from <= ts_event < to},
 * streamed in time order through a server-side cursor, for {@link TradeBarSource} (tick-level
 * runs). Trades at the same time come by instrument, then venue trade id, so runs are repeatable.
 */
public final class JdbcTradeSource {

  static final String SQL =
      "SELECT instrument_id, ts_event, price, size FROM trades"
          + " WHERE instrument_id = ANY(?) AND ts_event >= ? AND ts_event < ?"
          + " ORDER BY ts_event, instrument_id COLLATE \"C\", trade_id COLLATE \"C\"";

  private JdbcTradeSource() {}

  /**
   * Opens the query on a connection of its own. The iterator is {@link AutoCloseable}: closing it
   * (or the {@link TradeBarSource} reading it) releases the connection.
   */
  public static Iterator<HistoricalTrade> open(
      DataSource db, Collection<String> instruments, Instant from, Instant to) {
    return new JdbcCursor<>(
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
    return new TradeBarSource(open(db, instruments, from, to), TimeBarSpec.parse(spec));
  }
}
