package io.tickstream.execution.backtest.store;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.Backtest;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.source.BarSource;
import io.tickstream.execution.backtest.source.JdbcBarSource;
import io.tickstream.execution.backtest.source.JdbcTradeSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs a {@link BacktestRequest} over the database: tick and lot sizes from the {@code instruments}
 * table, bars from {@code bars} (or built from {@code trades}), streamed.
 */
public final class DatabaseBacktest {

  /**
   * Tick and lot size of an instrument the {@code instruments} table does not know: the resolution
   * of the stored decimals ({@code numeric(28,8)}), so sizing is not rounded to whole units.
   */
  public static final BigDecimal DEFAULT_INCREMENT = new BigDecimal("0.00000001");

  private static final String INSTRUMENTS =
      "SELECT instrument_id, tick_size, lot_size FROM instruments WHERE instrument_id = ANY(?)";

  private DatabaseBacktest() {}

  /**
   * Runs {@code request} (whose source must be BARS or TRADES).
   *
   * @throws IllegalArgumentException when the range holds no bars of the instruments
   */
  public static BacktestResult run(
      DataSource db, BacktestRequest request, BacktestProgress progress) {
    Instruments tradable = instruments(db, request.instruments());
    BacktestResult result = Backtest.run(request.config(tradable), source(db, request), progress);
    if (result.bars() == 0) {
      throw new IllegalArgumentException(
          "no "
              + request.spec()
              + " "
              + (request.source() == BacktestRequest.Source.TRADES ? "trades" : "bars")
              + " of "
              + String.join(", ", request.instruments())
              + " between "
              + request.from()
              + " and "
              + request.to());
    }
    return result;
  }

  /** The bars of {@code request}, streamed from the database. */
  public static BarSource source(DataSource db, BacktestRequest request) {
    return switch (request.source()) {
      case BARS ->
          new JdbcBarSource(
              db, request.instruments(), request.spec(), request.from(), request.to());
      case TRADES ->
          JdbcTradeSource.bars(
              db, request.instruments(), request.spec(), request.from(), request.to());
      case CSV ->
          throw new IllegalArgumentException("a CSV backtest reads a file, not the database");
    };
  }

  /**
   * The instruments with their tick and lot sizes from the {@code instruments} table; ones it lacks
   * get {@link #DEFAULT_INCREMENT}.
   */
  public static Instruments instruments(DataSource db, List<String> ids) {
    Map<String, Instrument> known = new HashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(INSTRUMENTS)) {
      s.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          known.put(id, new Instrument(id, rs.getBigDecimal(2), rs.getBigDecimal(3)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read instruments: " + e.getMessage(), e);
    }
    List<Instrument> out = new ArrayList<>();
    for (String id : ids) {
      out.add(known.getOrDefault(id, new Instrument(id, DEFAULT_INCREMENT, DEFAULT_INCREMENT)));
    }
    return Instruments.of(out);
  }
}
