package io.tickstream.execution.backtest.store;

import io.tickstream.execution.metrics.EquityPoint;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.portfolio.ClosedTrade;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The child rows of a run: fills, round trips and curve points, written in batches and read back by
 * page in sequence order. Each list is one table; {@link Kind} holds its SQL and mapping.
 */
final class ResultRows {

  private static final int BATCH = 1_000;

  /** One child table. */
  record Kind<T>(String table, String insert, String select, Binder<T> binder, Reader<T> reader) {}

  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement s, T value) throws SQLException;
  }

  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  static final Kind<OrderFilled> FILLS =
      new Kind<>(
          "backtest_fills",
          "INSERT INTO backtest_fills (run_id, seq, client_order_id, instrument_id, trade_id, side,"
              + " quantity, price, commission, leaves_quantity, ts_event_ns)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          "SELECT client_order_id, instrument_id, trade_id, side, quantity, price, commission,"
              + " leaves_quantity, ts_event_ns FROM backtest_fills",
          (s, f) -> {
            s.setString(3, f.clientOrderId());
            s.setString(4, f.instrumentId());
            s.setString(5, f.tradeId());
            s.setString(6, f.side().name());
            s.setBigDecimal(7, f.lastQty());
            s.setBigDecimal(8, f.lastPx());
            s.setBigDecimal(9, f.commission());
            s.setBigDecimal(10, f.leavesQty());
            s.setLong(11, f.tsEvent());
          },
          rs ->
              new OrderFilled(
                  rs.getString("client_order_id"),
                  rs.getString("instrument_id"),
                  rs.getString("trade_id"),
                  OrderSide.valueOf(rs.getString("side")),
                  rs.getBigDecimal("quantity"),
                  rs.getBigDecimal("price"),
                  rs.getBigDecimal("commission"),
                  rs.getBigDecimal("leaves_quantity"),
                  rs.getLong("ts_event_ns")));

  static final Kind<ClosedTrade> TRADES =
      new Kind<>(
          "backtest_trades",
          "INSERT INTO backtest_trades (run_id, seq, instrument_id, entry_side, entry_ts_ns,"
              + " exit_ts_ns, pnl) VALUES (?, ?, ?, ?, ?, ?, ?)",
          "SELECT instrument_id, entry_side, entry_ts_ns, exit_ts_ns, pnl FROM backtest_trades",
          (s, t) -> {
            s.setString(3, t.instrumentId());
            s.setString(4, t.entrySide().name());
            s.setLong(5, t.entryTs());
            s.setLong(6, t.exitTs());
            s.setBigDecimal(7, t.pnl());
          },
          rs ->
              new ClosedTrade(
                  rs.getString("instrument_id"),
                  OrderSide.valueOf(rs.getString("entry_side")),
                  rs.getLong("entry_ts_ns"),
                  rs.getLong("exit_ts_ns"),
                  rs.getBigDecimal("pnl")));

  static final Kind<EquityPoint> EQUITY =
      new Kind<>(
          "backtest_equity",
          "INSERT INTO backtest_equity (run_id, seq, ts_ns, equity) VALUES (?, ?, ?, ?)",
          "SELECT ts_ns, equity FROM backtest_equity",
          (s, p) -> {
            s.setLong(3, p.tsEvent());
            s.setBigDecimal(4, p.value());
          },
          rs -> new EquityPoint(rs.getLong("ts_ns"), rs.getBigDecimal("equity")));

  private ResultRows() {}

  /** Inserts {@code values} as rows 0, 1, … of {@code id}. */
  static <T> void write(Connection c, Kind<T> kind, UUID id, List<T> values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(kind.insert())) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(1, id);
        s.setInt(2, i);
        kind.binder().bind(s, values.get(i));
        s.addBatch();
        if ((i + 1) % BATCH == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
  }

  /** Rows of {@code id} in {@code page}, in sequence order. */
  static <T> List<T> read(Connection c, Kind<T> kind, UUID id, Page page) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(kind.select() + " WHERE run_id = ? AND seq >= ? ORDER BY seq LIMIT ?")) {
      s.setObject(1, id);
      s.setLong(2, page.offset());
      s.setLong(3, page.limit());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(kind.reader().read(rs));
        }
      }
    }
    return out;
  }

  /** Number of rows of {@code id}. */
  static int count(Connection c, Kind<?> kind, UUID id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT count(*) FROM " + kind.table() + " WHERE run_id = ?")) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
