package io.tickstream.sink;

/**
 * The statements of the storage set-up that follows the Flyway migrations: TimescaleDB detection,
 * hypertables, compression, retention and the continuous aggregate. Table names are constants here;
 * intervals travel as bind parameters.
 */
final class SchemaSql {
  private SchemaSql() {}

  /** Is the TimescaleDB extension installed on the server (loadable, not necessarily created)? */
  static final String TIMESCALE_AVAILABLE =
      "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'";

  static final String CREATE_TIMESCALE = "CREATE EXTENSION IF NOT EXISTS timescaledb";

  /** Serialises concurrent set-ups (two sinks starting at once); the key is a bind parameter. */
  static final String LOCK = "SELECT pg_advisory_lock(?)";

  static final String UNLOCK = "SELECT pg_advisory_unlock(?)";

  static final String IS_HYPERTABLE =
      "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = ?";

  /**
   * The pre-2.13 signature of {@code create_hypertable}, still accepted by every 2.x release.
   * {@code migrate_data} moves rows written while the sink ran in plain mode; the BRIN index of the
   * migration replaces TimescaleDB's default time index.
   */
  static final String CREATE_HYPERTABLE =
      "SELECT create_hypertable(?::regclass, ?::name, chunk_time_interval => ?::interval,"
          + " if_not_exists => TRUE, migrate_data => TRUE, create_default_indexes => FALSE)";

  static final String SET_CHUNK_INTERVAL =
      "SELECT set_chunk_time_interval(?::regclass, ?::interval)";

  static final String COMPRESSION_ENABLED =
      "SELECT 1 FROM timescaledb_information.hypertables"
          + " WHERE hypertable_name = ? AND compression_enabled";

  static final String COMPRESS_TRADES =
      "ALTER TABLE trades SET (timescaledb.compress,"
          + " timescaledb.compress_segmentby = 'instrument_id',"
          + " timescaledb.compress_orderby = 'ts_event DESC, trade_id')";

  static final String COMPRESS_QUOTES =
      "ALTER TABLE quotes SET (timescaledb.compress,"
          + " timescaledb.compress_segmentby = 'instrument_id',"
          + " timescaledb.compress_orderby = 'ts_event DESC, seq')";

  static final String COMPRESS_BARS =
      "ALTER TABLE bars SET (timescaledb.compress,"
          + " timescaledb.compress_segmentby = 'instrument_id, spec',"
          + " timescaledb.compress_orderby = 'start_ts DESC')";

  /**
   * Is the compression policy of a hypertable in place with this interval? Then it is left alone:
   * replacing it would start a run at once on every start of the sink, racing the retention run
   * started the same way (a chunk being dropped cannot be compressed).
   */
  static final String HAS_COMPRESSION_POLICY =
      "SELECT 1 FROM timescaledb_information.jobs WHERE hypertable_name = ?"
          + " AND proc_name = 'policy_compression'"
          + " AND (config->>'compress_after')::interval = ?::interval";

  /** Is the retention policy of a hypertable in place with this interval? */
  static final String HAS_RETENTION_POLICY =
      "SELECT 1 FROM timescaledb_information.jobs WHERE hypertable_name = ?"
          + " AND proc_name = 'policy_retention' AND (config->>'drop_after')::interval = ?::interval";

  /** Policies whose interval changed are replaced, so the new interval takes effect. */
  static final String REMOVE_COMPRESSION_POLICY =
      "SELECT remove_compression_policy(?::regclass, if_exists => TRUE)";

  static final String ADD_COMPRESSION_POLICY =
      "SELECT add_compression_policy(?::regclass, compress_after => ?::interval)";

  static final String REMOVE_RETENTION_POLICY =
      "SELECT remove_retention_policy(?::regclass, if_exists => TRUE)";

  static final String ADD_RETENTION_POLICY =
      "SELECT add_retention_policy(?::regclass, drop_after => ?::interval)";

  static final String IS_CONTINUOUS_AGGREGATE =
      "SELECT 1 FROM timescaledb_information.continuous_aggregates WHERE view_name = 'trades_1m'";

  /** The plain view of the migration, replaced by the continuous aggregate. */
  static final String DROP_PLAIN_TRADES_1M = "DROP VIEW IF EXISTS trades_1m";

  /**
   * One-minute OHLCV from trades, the same columns as the plain view. Real-time (not
   * materialized-only), so the minutes not yet refreshed are computed from trades on the fly.
   */
  static final String CREATE_TRADES_1M =
      "CREATE MATERIALIZED VIEW trades_1m"
          + " WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS"
          + " SELECT instrument_id, time_bucket(INTERVAL '1 minute', ts_event) AS bucket,"
          + " first(price, ts_event) AS open, max(price) AS high, min(price) AS low,"
          + " last(price, ts_event) AS close, sum(size) AS volume, count(*) AS trade_count,"
          + " sum(price * size) / nullif(sum(size), 0) AS vwap"
          + " FROM trades GROUP BY instrument_id, time_bucket(INTERVAL '1 minute', ts_event)"
          + " WITH NO DATA";

  /** Refreshes the last day every minute, leaving the current minute to real-time aggregation. */
  static final String ADD_TRADES_1M_POLICY =
      "SELECT add_continuous_aggregate_policy('trades_1m', start_offset => INTERVAL '1 day',"
          + " end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute',"
          + " if_not_exists => TRUE)";
}
