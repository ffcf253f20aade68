package io.tickstream.execution.backtest.source;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

/**
 * A forward-only query over a connection of its own, streamed in batches of {@link #FETCH_SIZE}
 * rows: PostgreSQL's JDBC driver only uses a server-side cursor inside a transaction (auto-commit
 * off) with a fetch size, otherwise it reads the whole result into memory.
 *
 * @param <T> what a row becomes
 */
final class JdbcCursor<T> implements Iterator<T>, AutoCloseable {

  /** Rows per round trip. */
  static final int FETCH_SIZE = 2_000;

  /** Maps the current row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final RowMapper<T> mapper;
  private final String what;
  private T pending;
  private boolean done;
  private boolean closed;

  /**
   * Runs {@code sql} with parameters: instrument ids as a text array, {@code from}, {@code to} and,
   * when not null, {@code spec}.
   */
  JdbcCursor(
      DataSource db,
      String sql,
      Collection<String> instruments,
      Instant from,
      Instant to,
      String spec,
      RowMapper<T> mapper,
      String what) {
    this.mapper = mapper;
    this.what = what;
    Connection c = null;
    PreparedStatement s = null;
    try {
      c = db.getConnection();
      c.setAutoCommit(false);
      c.setReadOnly(true);
      s = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      s.setFetchSize(FETCH_SIZE);
      Array ids = c.createArrayOf("text", instruments.toArray());
      s.setArray(1, ids);
      s.setObject(2, from.atOffset(ZoneOffset.UTC));
      s.setObject(3, to.atOffset(ZoneOffset.UTC));
      if (spec != null) {
        s.setString(4, spec);
      }
      this.rows = s.executeQuery();
    } catch (SQLException e) {
      closeQuietly(s, c);
      throw new IllegalStateException("cannot read " + what + ": " + e.getMessage(), e);
    }
    this.connection = c;
    this.statement = s;
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      try {
        if (rows.next()) {
          pending = mapper.map(rows);
        } else {
          done = true;
          close();
        }
      } catch (SQLException e) {
        throw new IllegalStateException("reading " + what + " failed: " + e.getMessage(), e);
      }
    }
    return pending != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T t = pending;
    pending = null;
    return t;
  }

  /** Epoch nanoseconds of a {@code timestamptz} column (PostgreSQL keeps microseconds). */
  static long epochNanos(ResultSet rs, String column) throws SQLException {
    Instant t = rs.getObject(column, OffsetDateTime.class).toInstant();
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rows.close();
    } catch (SQLException e) {
      // the connection is closed below either way
    }
    closeQuietly(statement, connection);
  }

  private static void closeQuietly(PreparedStatement s, Connection c) {
    try {
      if (s != null) {
        s.close();
      }
    } catch (SQLException ignored) {
      // closing the connection below releases it too
    }
    try {
      if (c != null) {
        c.rollback();
        c.close();
      }
    } catch (SQLException ignored) {
      // a broken connection has nothing left to release
    }
  }
}
