package io.tickstream.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs after the Flyway migrations: detects TimescaleDB and, when present, turns {@code trades},
 * {@code quotes} and {@code bars} into hypertables with their compression and retention policies
 * and replaces the plain view {@code trades_1m} with a continuous aggregate. Not a migration, so a
 * server that gains the extension later is converted on the next start; every step is idempotent.
 * Runs in auto-commit mode, as continuous aggregates cannot be created inside a transaction.
 */
final class DialectSetup {
  private static final Logger LOG = LoggerFactory.getLogger(DialectSetup.class);
  private static final long LOCK_KEY = 7_000_007L;

  /** One hypertable: its time column, compression settings and configured policy. */
  private record Hypertable(String table, String timeColumn, String compressDdl, TablePolicy p) {}

  private DialectSetup() {}

  /** Applies the storage layout for the detected dialect and logs one line naming it. */
  static Dialect apply(DataSource dataSource, StorageOptions options) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      if (!Jdbc.exists(c, SchemaSql.TIMESCALE_AVAILABLE)) {
        LOG.info(
            "sink storage mode: plain PostgreSQL (extension 'timescaledb' is not installed on"
                + " this server; trades, quotes and bars are regular tables with btree keys and"
                + " BRIN time indexes, trades_1m is a view using date_bin). To enable"
                + " TimescaleDB, install its package for this PostgreSQL version, set"
                + " shared_preload_libraries = 'timescaledb' and restart the server; the sink"
                + " converts the tables to hypertables on its next start.");
        return Dialect.POSTGRESQL;
      }
      try {
        Jdbc.execute(c, SchemaSql.CREATE_TIMESCALE);
      } catch (SQLException e) {
        LOG.warn(
            "sink storage mode: plain PostgreSQL. TimescaleDB is installed but cannot be created"
                + " ({}); add shared_preload_libraries = 'timescaledb' to postgresql.conf and"
                + " restart the server to enable hypertables.",
            e.getMessage());
        return Dialect.POSTGRESQL;
      }
      withLock(c, () -> timescale(c, options));
      LOG.info(
          "sink storage mode: TimescaleDB (hypertables trades/quotes/bars with chunks {}/{}/{},"
              + " continuous aggregate trades_1m)",
          options.trades().chunkInterval(),
          options.quotes().chunkInterval(),
          options.bars().chunkInterval());
      return Dialect.TIMESCALEDB;
    }
  }

  private interface Step {
    void run() throws SQLException;
  }

  private static void withLock(Connection c, Step step) throws SQLException {
    call(c, SchemaSql.LOCK, LOCK_KEY);
    try {
      step.run();
    } finally {
      call(c, SchemaSql.UNLOCK, LOCK_KEY);
    }
  }

  private static void timescale(Connection c, StorageOptions options) throws SQLException {
    List<Hypertable> tables =
        List.of(
            new Hypertable("trades", "ts_event", SchemaSql.COMPRESS_TRADES, options.trades()),
            new Hypertable("quotes", "ts_event", SchemaSql.COMPRESS_QUOTES, options.quotes()),
            new Hypertable("bars", "start_ts", SchemaSql.COMPRESS_BARS, options.bars()));
    for (Hypertable h : tables) {
      hypertable(c, h);
    }
    if (!Jdbc.exists(c, SchemaSql.IS_CONTINUOUS_AGGREGATE)) {
      Jdbc.execute(c, SchemaSql.DROP_PLAIN_TRADES_1M);
      Jdbc.execute(c, SchemaSql.CREATE_TRADES_1M);
      LOG.info("created continuous aggregate trades_1m (1-minute OHLCV of trades)");
    }
    call(c, SchemaSql.ADD_TRADES_1M_POLICY);
  }

  private static void hypertable(Connection c, Hypertable h) throws SQLException {
    TablePolicy p = h.p();
    if (Jdbc.exists(c, SchemaSql.IS_HYPERTABLE, h.table())) {
      call(c, SchemaSql.SET_CHUNK_INTERVAL, h.table(), p.chunkInterval());
    } else {
      call(c, SchemaSql.CREATE_HYPERTABLE, h.table(), h.timeColumn(), p.chunkInterval());
      LOG.info(
          "converted table {} into a hypertable on {} ({} chunks)",
          h.table(),
          h.timeColumn(),
          p.chunkInterval());
    }
    if (!p.compresses()
        || !Jdbc.exists(c, SchemaSql.HAS_COMPRESSION_POLICY, h.table(), p.compressAfter())) {
      call(c, SchemaSql.REMOVE_COMPRESSION_POLICY, h.table());
      if (p.compresses()) {
        if (!Jdbc.exists(c, SchemaSql.COMPRESSION_ENABLED, h.table())) {
          Jdbc.execute(c, h.compressDdl());
        }
        call(c, SchemaSql.ADD_COMPRESSION_POLICY, h.table(), p.compressAfter());
      }
    }
    if (!p.retains() || !Jdbc.exists(c, SchemaSql.HAS_RETENTION_POLICY, h.table(), p.retention())) {
      call(c, SchemaSql.REMOVE_RETENTION_POLICY, h.table());
      if (p.retains()) {
        call(c, SchemaSql.ADD_RETENTION_POLICY, h.table(), p.retention());
      }
    }
  }

  /** Runs a {@code SELECT function(...)} with bind parameters, ignoring its result. */
  private static void call(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.execute();
    }
  }
}
