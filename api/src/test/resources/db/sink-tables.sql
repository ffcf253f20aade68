-- Copy of the tables the sink owns (its Flyway migrations are the source of truth); tests only.
CREATE TABLE instruments (instrument_id text PRIMARY KEY, symbol text NOT NULL, venue text NOT NULL, asset_class text NOT NULL,
  currency text NOT NULL, tick_size numeric(28,8) NOT NULL, lot_size numeric(28,8) NOT NULL, trading_hours text, active boolean NOT NULL,
  updated_at timestamptz NOT NULL);
CREATE TABLE bars (instrument_id text NOT NULL, spec text NOT NULL, start_ts timestamptz NOT NULL, end_ts timestamptz NOT NULL,
  open numeric(28,8) NOT NULL, high numeric(28,8) NOT NULL, low numeric(28,8) NOT NULL, close numeric(28,8) NOT NULL,
  volume numeric(28,8) NOT NULL, trade_count bigint NOT NULL, vwap numeric(28,8) NOT NULL, revision int NOT NULL,
  ts_init timestamptz NOT NULL, PRIMARY KEY (instrument_id, spec, start_ts));
CREATE TABLE dead_letters (id bigserial, reason_code text NOT NULL, message text NOT NULL, stage text NOT NULL,
  source_topic text, source_partition int, source_offset bigint, original_value bytea, ts timestamptz NOT NULL,
  PRIMARY KEY (id));
