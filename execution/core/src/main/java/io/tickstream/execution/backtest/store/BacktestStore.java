package io.tickstream.execution.backtest.store;

import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.BacktestResult;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Backtest runs in PostgreSQL ({@code backtest_runs}, {@code backtest_fills}, {@code
 * backtest_trades}, {@code backtest_equity}; the sink's migration V5 creates them). Plain JDBC, so
 * the CLI and the API share it; every statement is parameterised. A result is written in one
 * transaction: a reader sees a run either without result or with all of it.
 */
public final class BacktestStore {

  private static final String INSERT_RUN =
      "INSERT INTO backtest_runs (run_id, created_by, strategy, params, instruments, spec,"
          + " period_from, period_to, config, status, created_at)"
          + " VALUES (?, ?, ?, jsonb_object(?::text[], ?::text[]), ?, ?, ?, ?,"
          + " jsonb_object(?::text[], ?::text[]), 'QUEUED', ?)";
  private static final String MARK_RUNNING =
      "UPDATE backtest_runs SET status = 'RUNNING', started_at = ? WHERE run_id = ?";
  private static final String MARK_FAILED =
      "UPDATE backtest_runs SET status = 'FAILED', error = ?, finished_at = ? WHERE run_id = ?";
  private static final String SAVE_RESULT =
      "UPDATE backtest_runs SET status = 'SUCCEEDED', finished_at = ?, bars = ?, final_equity = ?,"
          + " orders_denied = ?, ("
          + MetricColumns.NAMES
          + ") = ("
          + "?, ".repeat(MetricColumns.COUNT - 1)
          + "?) WHERE run_id = ?";
  private static final String SELECT_RUN =
      "SELECT run_id, created_by, strategy, params::text AS params_text, instruments, spec,"
          + " period_from, period_to, status, error, created_at, started_at, finished_at, bars,"
          + " final_equity, orders_denied, "
          + MetricColumns.NAMES
          + " FROM backtest_runs WHERE run_id = ?";
  private static final String SELECT_OBJECT =
      "SELECT key, value FROM backtest_runs, jsonb_each_text(%s) WHERE run_id = ?";

  private final DataSource db;

  public BacktestStore(DataSource db) {
    this.db = db;
  }

  /** Stores {@code request} as a new QUEUED run of {@code createdBy}; returns its id. */
  public UUID create(BacktestRequest request, String createdBy, Instant now) {
    UUID id = UUID.randomUUID();
    return inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(INSERT_RUN)) {
            s.setObject(1, id);
            s.setString(2, createdBy);
            s.setString(3, request.strategy());
            bindObject(c, s, 4, request.params());
            s.setArray(6, c.createArrayOf("text", request.instruments().toArray()));
            s.setString(7, request.spec());
            s.setObject(8, utc(request.from()));
            s.setObject(9, utc(request.to()));
            bindObject(c, s, 10, request.settings());
            s.setObject(12, utc(now));
            s.executeUpdate();
          }
          return id;
        });
  }

  /** A worker took the run. */
  public void markRunning(UUID id, Instant now) {
    update(
        MARK_RUNNING,
        s -> {
          s.setObject(1, utc(now));
          s.setObject(2, id);
        });
  }

  /** The run failed with {@code error}. */
  public void markFailed(UUID id, String error, Instant now) {
    update(
        MARK_FAILED,
        s -> {
          s.setString(1, error);
          s.setObject(2, utc(now));
          s.setObject(3, id);
        });
  }

  /** Stores the result and marks the run SUCCEEDED, in one transaction. */
  public void saveResult(UUID id, BacktestResult result, Instant now) {
    inTransaction(
        c -> {
          ResultRows.write(c, ResultRows.FILLS, id, result.fills());
          ResultRows.write(c, ResultRows.TRADES, id, result.trades());
          ResultRows.write(c, ResultRows.EQUITY, id, result.equityCurve());
          try (PreparedStatement s = c.prepareStatement(SAVE_RESULT)) {
            s.setObject(1, utc(now));
            s.setLong(2, result.bars());
            s.setBigDecimal(3, result.finalEquity());
            s.setInt(4, result.ordersDenied());
            MetricColumns.bind(s, 5, result.report());
            s.setObject(5 + MetricColumns.COUNT, id);
            if (s.executeUpdate() != 1) {
              throw new SQLException("no backtest run " + id);
            }
          }
          return null;
        });
  }

  /** The run with all its rows, or empty when there is none. */
  public Optional<StoredBacktest> find(UUID id) {
    return find(id, Page.ALL);
  }

  /** The run with {@code page} of its fills, trades and curve, or empty when there is none. */
  public Optional<StoredBacktest> find(UUID id, Page page) {
    return inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(SELECT_RUN)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(stored(c, rs, id, page));
            }
          }
        });
  }

  private StoredBacktest stored(Connection c, ResultSet rs, UUID id, Page page)
      throws SQLException {
    BacktestRequest request =
        BacktestRequest.of(
            rs.getString("strategy"),
            object(c, "params", id),
            Arrays.asList((String[]) rs.getArray("instruments").getArray()),
            rs.getString("spec"),
            instant(rs, "period_from"),
            instant(rs, "period_to"),
            object(c, "config", id));
    return new StoredBacktest(
        id,
        rs.getString("created_by"),
        request,
        RunStatus.valueOf(rs.getString("status")),
        rs.getString("error"),
        instant(rs, "created_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        rs.getObject("bars", Long.class),
        rs.getBigDecimal("final_equity"),
        rs.getObject("orders_denied", Integer.class),
        MetricColumns.read(rs),
        ResultRows.read(c, ResultRows.FILLS, id, page),
        ResultRows.read(c, ResultRows.TRADES, id, page),
        ResultRows.read(c, ResultRows.EQUITY, id, page),
        ResultRows.count(c, ResultRows.FILLS, id),
        ResultRows.count(c, ResultRows.TRADES, id),
        ResultRows.count(c, ResultRows.EQUITY, id));
  }

  /** A jsonb column of strings (params or config) as a sorted map. */
  private static Map<String, String> object(Connection c, String column, UUID id)
      throws SQLException {
    Map<String, String> out = new TreeMap<>();
    // The column name is one of two constants, never input.
    try (PreparedStatement s = c.prepareStatement(String.format(SELECT_OBJECT, column))) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static void bindObject(
      Connection c, PreparedStatement s, int first, Map<String, String> m) throws SQLException {
    Array keys = c.createArrayOf("text", m.keySet().toArray());
    Array values = c.createArrayOf("text", m.values().toArray());
    s.setArray(first, keys);
    s.setArray(first + 1, values);
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Binding {
    void bind(PreparedStatement s) throws SQLException;
  }

  private void update(String sql, Binding binding) {
    inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            binding.bind(s);
            s.executeUpdate();
          }
          return null;
        });
  }

  private <T> T inTransaction(Work<T> work) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        T out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("backtest store: " + e.getMessage(), e);
    }
  }
}
