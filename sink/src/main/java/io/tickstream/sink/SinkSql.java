package io.tickstream.sink;

/**
 * Every SQL statement the sink runs, in one place (the table DDL lives in the Flyway scripts under
 * {@code db/migration}). Values always travel as bind parameters or through {@code COPY}; no
 * statement is assembled from data.
 */
final class SinkSql {
  private SinkSql() {}

  /** Is the TimescaleDB extension installed on the server (loadable, not necessarily created)? */
  static final String TIMESCALE_AVAILABLE =
      "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'";

  static final String CREATE_TIMESCALE = "CREATE EXTENSION IF NOT EXISTS timescaledb";

  static final String IS_HYPERTABLE =
      "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = ?";

  /**
   * The pre-2.13 signature of {@code create_hypertable}: still accepted by every 2.x release.
   * {@code migrate_data} moves rows written while the sink ran in plain mode.
   */
  static final String CREATE_BARS_HYPERTABLE =
      "SELECT create_hypertable('bars', 'start_ts', chunk_time_interval => INTERVAL '1 day',"
          + " if_not_exists => TRUE, migrate_data => TRUE)";

  /** The statements that move one batch of a topic into its table through a staging table. */
  record Upsert(String createStaging, String copyIntoStaging, String merge, String clearStaging) {}

  /**
   * Bars: the highest revision per key wins; among equal revisions the later record. A redelivered
   * batch rewrites identical values, so the table does not change.
   */
  static final Upsert BARS =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS bars_staging (LIKE bars, seq bigint NOT NULL)"
              + " ON COMMIT DELETE ROWS",
          "COPY bars_staging (instrument_id, spec, start_ts, end_ts, open, high, low, close,"
              + " volume, trade_count, vwap, revision, ts_init, seq) FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume,"
              + " trade_count, vwap, revision, ts_init)"
              + " SELECT DISTINCT ON (instrument_id, spec, start_ts) instrument_id, spec, start_ts,"
              + " end_ts, open, high, low, close, volume, trade_count, vwap, revision, ts_init"
              + " FROM bars_staging ORDER BY instrument_id, spec, start_ts, revision DESC, seq DESC"
              + " ON CONFLICT (instrument_id, spec, start_ts) DO UPDATE SET"
              + " end_ts = excluded.end_ts, open = excluded.open, high = excluded.high,"
              + " low = excluded.low, close = excluded.close, volume = excluded.volume,"
              + " trade_count = excluded.trade_count, vwap = excluded.vwap,"
              + " revision = excluded.revision, ts_init = excluded.ts_init"
              + " WHERE excluded.revision >= bars.revision",
          "DELETE FROM bars_staging");

  /**
   * Instruments: the topic is compacted and keyed by instrument, so the latest record of a batch
   * (by offset) replaces what the table holds.
   */
  static final Upsert INSTRUMENTS =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS instruments_staging (LIKE instruments, seq bigint NOT"
              + " NULL) ON COMMIT DELETE ROWS",
          "COPY instruments_staging (instrument_id, symbol, venue, asset_class, currency,"
              + " tick_size, lot_size, trading_hours, active, updated_at, seq)"
              + " FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO instruments (instrument_id, symbol, venue, asset_class, currency, tick_size,"
              + " lot_size, trading_hours, active, updated_at)"
              + " SELECT DISTINCT ON (instrument_id) instrument_id, symbol, venue, asset_class,"
              + " currency, tick_size, lot_size, trading_hours, active, updated_at"
              + " FROM instruments_staging ORDER BY instrument_id, seq DESC"
              + " ON CONFLICT (instrument_id) DO UPDATE SET symbol = excluded.symbol,"
              + " venue = excluded.venue, asset_class = excluded.asset_class,"
              + " currency = excluded.currency, tick_size = excluded.tick_size,"
              + " lot_size = excluded.lot_size, trading_hours = excluded.trading_hours,"
              + " active = excluded.active, updated_at = excluded.updated_at",
          "DELETE FROM instruments_staging");
}
