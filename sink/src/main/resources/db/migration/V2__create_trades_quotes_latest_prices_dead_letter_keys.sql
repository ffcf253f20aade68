-- Issue #7: raw ticks, the latest price per instrument, and idempotent dead letters.
-- Names follow the API's design (api/src/test/resources/db/trading-tables.sql). One deviation:
-- the primary key of trades includes ts_event, because a TimescaleDB hypertable only accepts
-- unique keys that contain its time column. It is the API's (instrument_id, ts_event, trade_id)
-- access path, so no second index is needed.
-- With TimescaleDB, trades, quotes and bars become hypertables after migration, with compression
-- and retention policies, and trades_1m becomes a continuous aggregate (see
-- io.tickstream.sink.DialectSetup). Plain PostgreSQL keeps the btree keys below, BRIN indexes for
-- time-range scans, and trades_1m as a plain view with the same columns.

CREATE TABLE trades (
  instrument_id  text          NOT NULL,
  trade_id       text          NOT NULL,
  ts_event       timestamptz   NOT NULL,
  price          numeric(28,8) NOT NULL,
  size           numeric(28,8) NOT NULL,
  aggressor_side text          NOT NULL CHECK (aggressor_side IN ('BUYER', 'SELLER', 'NO_AGGRESSOR')),
  ts_init        timestamptz   NOT NULL,
  PRIMARY KEY (instrument_id, ts_event, trade_id)
);
CREATE INDEX trades_ts_brin ON trades USING brin (ts_event);

-- Quotes carry no venue id: seq numbers the distinct quotes of an instrument that share one
-- microsecond (0 for the first), so (instrument_id, ts_event, seq) is unique.
CREATE TABLE quotes (
  instrument_id text          NOT NULL,
  ts_event      timestamptz   NOT NULL,
  seq           int           NOT NULL DEFAULT 0,
  bid_price     numeric(28,8) NOT NULL,
  ask_price     numeric(28,8) NOT NULL,
  bid_size      numeric(28,8) NOT NULL,
  ask_size      numeric(28,8) NOT NULL,
  ts_init       timestamptz   NOT NULL,
  PRIMARY KEY (instrument_id, ts_event, seq)
);
CREATE INDEX quotes_ts_brin ON quotes USING brin (ts_event);

-- The last trade per instrument: a primary-key lookup instead of a scan of history. Upserted
-- from trades only when newer. bid_price and ask_price are reserved for quotes (not written yet).
CREATE TABLE latest_prices (
  instrument_id text PRIMARY KEY,
  price         numeric(28,8) NOT NULL,
  bid_price     numeric(28,8),
  ask_price     numeric(28,8),
  ts_event      timestamptz   NOT NULL,
  ts_init       timestamptz   NOT NULL
);

CREATE INDEX bars_start_brin ON bars USING brin (start_ts);

-- Dead letters from md.dlq are stored once however often they are redelivered: keyed by their
-- source coordinates and stage, or, for records without coordinates, by a SHA-256 of the original
-- value bytes (original_digest, NULL when coordinates exist).
ALTER TABLE dead_letters ADD COLUMN original_key bytea;
ALTER TABLE dead_letters ADD COLUMN original_digest bytea;
DELETE FROM dead_letters d USING dead_letters e
 WHERE d.id > e.id
   AND d.stage = e.stage
   AND d.source_topic IS NOT DISTINCT FROM e.source_topic
   AND d.source_partition IS NOT DISTINCT FROM e.source_partition
   AND d.source_offset IS NOT DISTINCT FROM e.source_offset
   AND d.original_value IS NOT DISTINCT FROM e.original_value;
UPDATE dead_letters SET original_digest = sha256(coalesce(original_value, '\x'::bytea))
 WHERE source_topic IS NULL OR source_offset < 0;
CREATE UNIQUE INDEX dead_letters_source_key ON dead_letters
  (source_topic, source_partition, source_offset, stage, original_digest) NULLS NOT DISTINCT;
CREATE INDEX dead_letters_by_time ON dead_letters (ts);

-- One-minute OHLCV from trades, a cross-check of the Flink bars. Replaced by a continuous
-- aggregate with the same columns when TimescaleDB is present.
CREATE VIEW trades_1m AS
SELECT instrument_id,
       date_bin('1 minute', ts_event, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
       (array_agg(price ORDER BY ts_event, trade_id))[1] AS open,
       max(price) AS high,
       min(price) AS low,
       (array_agg(price ORDER BY ts_event DESC, trade_id DESC))[1] AS close,
       sum(size) AS volume,
       count(*) AS trade_count,
       sum(price * size) / nullif(sum(size), 0) AS vwap
  FROM trades
 GROUP BY instrument_id, date_bin('1 minute', ts_event, TIMESTAMPTZ '2000-01-01 00:00:00+00');
