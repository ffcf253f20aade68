package io.tickstream.sink;

/**
 * Every statement of the sink's write path, in one place ({@link SchemaSql} holds the dialect
 * set-up; the table DDL lives in the Flyway scripts under {@code db/migration}). Values always
 * travel as bind parameters or through {@code COPY}; no statement is assembled from data.
 */
final class SinkSql {
  private SinkSql() {}

  /** Run once per session, in auto-commit mode (see {@link DurableSessions}). */
  static final String DURABLE_COMMIT = "SET synchronous_commit TO on";

  /**
   * The statements that move one batch of a topic into its table through a staging table.
   *
   * @param copyDirect a {@code COPY} of the same columns (without the staging sequence number)
   *     straight into the table, tried first when the batch is likely new: it fails on any
   *     conflict, and the batch then takes the staged path. Null where every batch must merge.
   */
  record Upsert(
      String createStaging,
      String copyIntoStaging,
      String merge,
      String clearStaging,
      String copyDirect) {
    Upsert(String createStaging, String copyIntoStaging, String merge, String clearStaging) {
      this(createStaging, copyIntoStaging, merge, clearStaging, null);
    }
  }

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
          "DELETE FROM bars_staging",
          "COPY bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume,"
              + " trade_count, vwap, revision, ts_init) FROM STDIN WITH (FORMAT csv)");

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

  /** Trades: a trade id is unique per instrument, so a redelivered trade is skipped. */
  static final Upsert TRADES =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS trades_staging (LIKE trades, batch_seq bigint NOT NULL)"
              + " ON COMMIT DELETE ROWS",
          "COPY trades_staging (instrument_id, trade_id, ts_event, price, size, aggressor_side,"
              + " ts_init, batch_seq) FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO trades (instrument_id, trade_id, ts_event, price, size, aggressor_side,"
              + " ts_init) SELECT instrument_id, trade_id, ts_event, price, size, aggressor_side,"
              + " ts_init FROM trades_staging ON CONFLICT DO NOTHING",
          "DELETE FROM trades_staging",
          "COPY trades (instrument_id, trade_id, ts_event, price, size, aggressor_side, ts_init)"
              + " FROM STDIN WITH (FORMAT csv)");

  /**
   * Quotes: a quote whose prices and sizes are already stored (or earlier in the batch) for its
   * instrument and microsecond is a redelivery and skipped; new ones are numbered after the quotes
   * already stored there, in batch order.
   */
  static final Upsert QUOTES =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS quotes_staging (LIKE quotes, batch_seq bigint NOT NULL)"
              + " ON COMMIT DELETE ROWS",
          "COPY quotes_staging (instrument_id, ts_event, seq, bid_price, ask_price, bid_size,"
              + " ask_size, ts_init, batch_seq) FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO quotes (instrument_id, ts_event, seq, bid_price, ask_price, bid_size,"
              + " ask_size, ts_init)"
              + " SELECT n.instrument_id, n.ts_event, coalesce((SELECT max(q.seq) + 1 FROM quotes q"
              + " WHERE q.instrument_id = n.instrument_id AND q.ts_event = n.ts_event), 0)"
              + " + n.ord - 1, n.bid_price, n.ask_price, n.bid_size, n.ask_size, n.ts_init"
              + " FROM (SELECT d.*, row_number() OVER (PARTITION BY d.instrument_id, d.ts_event"
              + " ORDER BY d.batch_seq) AS ord FROM (SELECT DISTINCT ON (s.instrument_id,"
              + " s.ts_event, s.bid_price, s.ask_price, s.bid_size, s.ask_size) s.*"
              + " FROM quotes_staging s WHERE NOT EXISTS (SELECT 1 FROM quotes q"
              + " WHERE q.instrument_id = s.instrument_id AND q.ts_event = s.ts_event"
              + " AND q.bid_price = s.bid_price AND q.ask_price = s.ask_price"
              + " AND q.bid_size = s.bid_size AND q.ask_size = s.ask_size)"
              + " ORDER BY s.instrument_id, s.ts_event, s.bid_price, s.ask_price, s.bid_size,"
              + " s.ask_size, s.batch_seq) d) n"
              + " ON CONFLICT DO NOTHING",
          "DELETE FROM quotes_staging",
          "COPY quotes (instrument_id, ts_event, seq, bid_price, ask_price, bid_size, ask_size,"
              + " ts_init) FROM STDIN WITH (FORMAT csv)");

  /**
   * The latest trade per instrument, replacing the stored one only when strictly newer by event
   * time (so a redelivered older batch changes nothing).
   */
  static final Upsert LATEST_PRICES =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS latest_prices_staging (instrument_id text NOT NULL,"
              + " price numeric(28,8) NOT NULL, ts_event timestamptz NOT NULL,"
              + " ts_init timestamptz NOT NULL, batch_seq bigint NOT NULL) ON COMMIT DELETE ROWS",
          "COPY latest_prices_staging (instrument_id, price, ts_event, ts_init, batch_seq)"
              + " FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO latest_prices (instrument_id, price, ts_event, ts_init)"
              + " SELECT DISTINCT ON (instrument_id) instrument_id, price, ts_event, ts_init"
              + " FROM latest_prices_staging ORDER BY instrument_id, ts_event DESC, batch_seq"
              + " ON CONFLICT (instrument_id) DO UPDATE SET price = excluded.price,"
              + " ts_event = excluded.ts_event, ts_init = excluded.ts_init"
              + " WHERE excluded.ts_event > latest_prices.ts_event",
          "DELETE FROM latest_prices_staging");

  /**
   * {@link #LATEST_PRICES} in one statement, the rows given as four text arrays (instrument, price,
   * event time, init time): the fast path's way, see {@link ArrayMerge}.
   */
  static final String LATEST_PRICES_ARRAYS =
      "INSERT INTO latest_prices (instrument_id, price, ts_event, ts_init)"
          + " SELECT DISTINCT ON (instrument_id) instrument_id, price::numeric(28,8),"
          + " ts_event::timestamptz, ts_init::timestamptz"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
          + " AS r(instrument_id, price, ts_event, ts_init, ord)"
          + " ORDER BY instrument_id, ts_event::timestamptz DESC, ord"
          + " ON CONFLICT (instrument_id) DO UPDATE SET price = excluded.price,"
          + " ts_event = excluded.ts_event, ts_init = excluded.ts_init"
          + " WHERE excluded.ts_event > latest_prices.ts_event";

  /** Dead letters: one row per source record and stage, however often md.dlq redelivers it. */
  static final Upsert DEAD_LETTERS =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS dead_letters_staging (reason_code text NOT NULL,"
              + " message text NOT NULL, stage text NOT NULL, source_topic text,"
              + " source_partition int, source_offset bigint, original_key bytea,"
              + " original_value bytea, original_digest bytea, ts timestamptz NOT NULL,"
              + " batch_seq bigint NOT NULL) ON COMMIT DELETE ROWS",
          "COPY dead_letters_staging (reason_code, message, stage, source_topic, source_partition,"
              + " source_offset, original_key, original_value, original_digest, ts, batch_seq)"
              + " FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO dead_letters (reason_code, message, stage, source_topic, source_partition,"
              + " source_offset, original_key, original_value, original_digest, ts)"
              + " SELECT reason_code, message, stage, source_topic, source_partition, source_offset,"
              + " original_key, original_value, original_digest, ts FROM dead_letters_staging"
              + " ORDER BY batch_seq ON CONFLICT (source_topic, source_partition, source_offset,"
              + " stage, original_digest) DO NOTHING",
          "DELETE FROM dead_letters_staging",
          "COPY dead_letters (reason_code, message, stage, source_topic, source_partition,"
              + " source_offset, original_key, original_value, original_digest, ts)"
              + " FROM STDIN WITH (FORMAT csv)");

  /**
   * Features: one row per (instrument, spec, bar end, name); the highest revision wins, among equal
   * revisions the later record, so a redelivered batch rewrites identical values.
   */
  static final Upsert FEATURES =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS features_staging (LIKE features,"
              + " batch_seq bigint NOT NULL) ON COMMIT DELETE ROWS",
          "COPY features_staging (instrument_id, spec, ts_event, name, value, revision, ts_init,"
              + " batch_seq) FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO features (instrument_id, spec, ts_event, name, value, revision, ts_init)"
              + " SELECT DISTINCT ON (instrument_id, spec, ts_event, name) instrument_id, spec,"
              + " ts_event, name, value, revision, ts_init FROM features_staging"
              + " ORDER BY instrument_id, spec, ts_event, name, revision DESC, batch_seq DESC"
              + " ON CONFLICT (instrument_id, spec, ts_event, name) DO UPDATE SET"
              + " value = excluded.value, revision = excluded.revision, ts_init = excluded.ts_init"
              + " WHERE excluded.revision >= features.revision",
          "DELETE FROM features_staging");

  /** Signals: the id is deterministic, so a signal already stored is skipped. */
  static final Upsert SIGNALS =
      new Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS signals_staging (LIKE signals, batch_seq bigint NOT NULL)"
              + " ON COMMIT DELETE ROWS",
          "COPY signals_staging (signal_id, strategy_id, instrument_id, ts_event, direction,"
              + " strength, reason, bar_spec, revision, ts_init, batch_seq)"
              + " FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO signals (signal_id, strategy_id, instrument_id, ts_event, direction,"
              + " strength, reason, bar_spec, revision, ts_init)"
              + " SELECT signal_id, strategy_id, instrument_id, ts_event, direction, strength,"
              + " reason, bar_spec, revision, ts_init FROM signals_staging ORDER BY batch_seq"
              + " ON CONFLICT (signal_id) DO NOTHING",
          "DELETE FROM signals_staging",
          "COPY signals (signal_id, strategy_id, instrument_id, ts_event, direction, strength,"
              + " reason, bar_spec, revision, ts_init) FROM STDIN WITH (FORMAT csv)");
}
