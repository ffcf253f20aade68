package io.tickstream.execution.backtest.store;

import io.tickstream.execution.backtest.source.HistoricalTrade;
import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import javax.sql.DataSource;

/** Writes hand-built rows into the sink's {@code bars}, {@code trades} and {@code instruments}. */
public final class MarketRows {

  private MarketRows() {}

  public static void bars(DataSource db, Collection<Bar> bars) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close,"
                    + " volume, trade_count, vwap, revision, ts_init)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())")) {
      for (Bar b : bars) {
        s.setString(1, b.instrumentId());
        s.setString(2, b.spec());
        s.setObject(3, time(b.start()));
        s.setObject(4, time(b.end()));
        s.setBigDecimal(5, b.open());
        s.setBigDecimal(6, b.high());
        s.setBigDecimal(7, b.low());
        s.setBigDecimal(8, b.close());
        s.setBigDecimal(9, b.volume());
        s.setLong(10, b.tradeCount());
        s.setBigDecimal(11, b.vwap());
        s.setInt(12, b.revision());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  public static void trades(DataSource db, Collection<HistoricalTrade> trades) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO trades (instrument_id, trade_id, ts_event, price, size,"
                    + " aggressor_side, ts_init) VALUES (?, ?, ?, ?, ?, 'BUYER', now())")) {
      int id = 0;
      for (HistoricalTrade t : trades) {
        s.setString(1, t.instrumentId());
        s.setString(2, "t" + id++);
        s.setObject(3, time(t.tsEvent()));
        s.setBigDecimal(4, t.price());
        s.setBigDecimal(5, t.size());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  public static void instrument(DataSource db, String id, String tick, String lot)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO instruments (instrument_id, symbol, venue, asset_class, currency,"
                    + " tick_size, lot_size, active, updated_at)"
                    + " VALUES (?, ?, ?, 'EQUITY', 'USD', ?, ?, true, now())")) {
      s.setString(1, id);
      s.setString(2, id.substring(0, id.indexOf('.')));
      s.setString(3, id.substring(id.indexOf('.') + 1));
      s.setBigDecimal(4, new BigDecimal(tick));
      s.setBigDecimal(5, new BigDecimal(lot));
      s.executeUpdate();
    }
  }

  public static void clear(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        var s = c.createStatement()) {
      s.execute("TRUNCATE bars, trades, instruments, backtest_runs CASCADE");
    }
  }

  static OffsetDateTime time(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos).atOffset(ZoneOffset.UTC);
  }
}
