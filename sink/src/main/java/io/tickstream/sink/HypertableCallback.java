package io.tickstream.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every Flyway migrate: detects TimescaleDB and, when present, turns {@code bars} into a
 * hypertable. A callback rather than a versioned migration so a server that gains the extension
 * later is converted on the next start; every step is idempotent, so running it twice changes
 * nothing.
 */
final class HypertableCallback implements Callback {
  private static final Logger LOG = LoggerFactory.getLogger(HypertableCallback.class);

  private volatile Dialect dialect;

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try {
      dialect = apply(context.getConnection());
    } catch (SQLException e) {
      throw new FlywayException("TimescaleDB set-up of table bars failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String getCallbackName() {
    return "tickstream-hypertables";
  }

  /** The dialect chosen by the last migrate, or null before it ran. */
  Dialect dialect() {
    return dialect;
  }

  private static Dialect apply(Connection c) throws SQLException {
    if (!Jdbc.exists(c, SinkSql.TIMESCALE_AVAILABLE)) {
      LOG.info(
          "sink storage mode: plain PostgreSQL (extension 'timescaledb' is not installed on this"
              + " server; bars is a regular table with a btree primary key). To enable"
              + " TimescaleDB, install its package for this PostgreSQL version, set"
              + " shared_preload_libraries = 'timescaledb' and restart the server; the sink"
              + " converts bars to a hypertable on its next start.");
      return Dialect.POSTGRESQL;
    }
    Savepoint beforeExtension = c.setSavepoint();
    try {
      Jdbc.execute(c, SinkSql.CREATE_TIMESCALE);
    } catch (SQLException e) {
      c.rollback(beforeExtension);
      LOG.warn(
          "sink storage mode: plain PostgreSQL. TimescaleDB is installed but cannot be created"
              + " ({}); add shared_preload_libraries = 'timescaledb' to postgresql.conf and"
              + " restart the server to enable hypertables.",
          e.getMessage());
      return Dialect.POSTGRESQL;
    }
    if (!Jdbc.exists(c, SinkSql.IS_HYPERTABLE, "bars")) {
      Jdbc.query(c, SinkSql.CREATE_BARS_HYPERTABLE);
      LOG.info("converted table bars into a hypertable on start_ts (1-day chunks)");
    }
    LOG.info("sink storage mode: TimescaleDB (bars is a hypertable on start_ts, 1-day chunks)");
    return Dialect.TIMESCALEDB;
  }
}
