-- Indicator values (analytics.features) and strategy signals (signals), for the query API.
-- Names follow the API's design (api/src/test/resources/db/trading-tables.sql): features are stored
-- long, one row per instrument, bar spec, bar end (ts_event) and feature name, so the API pages them
-- by (ts_event, name). Deviations, both additions:
--   * features.revision: a revised bar re-emits its vector with revision + 1 and the highest
--     revision per (instrument_id, spec, ts_event) must win, also against a redelivered older one.
--   * signals.revision: the revision the deterministic signal id ends in, so "the latest signal per
--     (instrument, strategy, bar)" needs no parsing of ids.
-- A warming-up indicator (null in the vector) has no row.

CREATE TABLE features (
  instrument_id text             NOT NULL,
  spec          text             NOT NULL,
  ts_event      timestamptz      NOT NULL,
  name          text             NOT NULL,
  value         double precision NOT NULL,
  revision      int              NOT NULL DEFAULT 0,
  ts_init       timestamptz      NOT NULL,
  PRIMARY KEY (instrument_id, spec, ts_event, name)
);

CREATE TABLE signals (
  signal_id     text             PRIMARY KEY,
  strategy_id   text             NOT NULL,
  instrument_id text             NOT NULL,
  ts_event      timestamptz      NOT NULL,
  direction     text             NOT NULL CHECK (direction IN ('LONG', 'SHORT', 'FLAT')),
  strength      double precision NOT NULL CHECK (strength BETWEEN 0 AND 1),
  reason        text             NOT NULL,
  bar_spec      text             NOT NULL,
  revision      int              NOT NULL DEFAULT 0,
  ts_init       timestamptz      NOT NULL
);
CREATE INDEX signals_by_instrument_time ON signals (instrument_id, ts_event, signal_id);
CREATE INDEX signals_by_strategy_time ON signals (strategy_id, ts_event, signal_id);
