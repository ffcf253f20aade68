-- Issue #7: the trading tables the query API reads (orders, order_events, positions,
-- equity_snapshots) and the ones it writes (risk_limits, kill_switch, audit_log). Names, types,
-- keys and indexes follow the API's design (api/src/test/resources/db/trading-tables.sql); the
-- sink's SinkSchemaDriftTest checks that every table and column there exists here with the same
-- type. Deviations:
--   * orders.side, order_type, quantity and time_in_force may be NULL: an order denied by
--     pre-trade risk has only a DENIED event, and OrderEvent carries the order's terms on
--     SUBMITTED only. A later SUBMITTED (or FILLED, for side) fills them in.
--   * equity_snapshots.gross_exposure may be NULL: PortfolioSnapshot has no gross exposure (only
--     cash and equity), and equity minus cash is the net, not the gross, exposure.
--   * order_events.source_partition and source_offset (added at the end): where the sink read the
--     event in orders.events, so a redelivered event is recognised as stored (with its type and
--     ts_init) even when two events of an order are otherwise equal.
--   * equity_snapshots.ts_init (added at the end): when the snapshot was made, so of two snapshots
--     at one event time the later one wins also when an older one is redelivered.
-- These tables stay plain tables with TimescaleDB too: order_events' key has no time column.

CREATE TABLE orders (
  account_id      text          NOT NULL,
  client_order_id text          NOT NULL,
  instrument_id   text          NOT NULL,
  signal_id       text,
  side            text          CHECK (side IN ('BUY', 'SELL')),
  order_type      text          CHECK (order_type IN ('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT')),
  quantity        numeric(28,8),
  limit_price     numeric(28,8),
  stop_price      numeric(28,8),
  time_in_force   text,
  status          text          NOT NULL,
  filled_quantity numeric(28,8) NOT NULL DEFAULT 0,
  avg_fill_price  numeric(28,8),
  created_at      timestamptz   NOT NULL,
  updated_at      timestamptz   NOT NULL,
  PRIMARY KEY (account_id, client_order_id)
);
CREATE INDEX orders_by_time ON orders (account_id, created_at, client_order_id);

-- seq numbers the events of one order from 0 in the order the execution service emitted them.
CREATE TABLE order_events (
  account_id      text          NOT NULL,
  client_order_id text          NOT NULL,
  seq             int           NOT NULL,
  event_type      text          NOT NULL CHECK (event_type IN ('DENIED', 'SUBMITTED', 'ACCEPTED', 'REJECTED',
                                                  'TRIGGERED', 'FILLED', 'CANCELED', 'EXPIRED')),
  instrument_id   text          NOT NULL,
  ts_event        timestamptz   NOT NULL,
  fill_price      numeric(28,8),
  fill_quantity   numeric(28,8),
  commission      numeric(28,8),
  reason          text,
  ts_init         timestamptz   NOT NULL,
  source_partition int,
  source_offset   bigint,
  PRIMARY KEY (account_id, client_order_id, seq),
  FOREIGN KEY (account_id, client_order_id) REFERENCES orders (account_id, client_order_id)
);
CREATE INDEX order_events_by_time ON order_events (account_id, ts_event, client_order_id, seq);

CREATE TABLE positions (
  account_id     text          NOT NULL,
  instrument_id  text          NOT NULL,
  quantity       numeric(28,8) NOT NULL,
  avg_price      numeric(28,8) NOT NULL,
  realized_pnl   numeric(28,8) NOT NULL,
  unrealized_pnl numeric(28,8) NOT NULL,
  ts_event       timestamptz   NOT NULL,
  PRIMARY KEY (account_id, instrument_id)
);

CREATE TABLE equity_snapshots (
  account_id     text          NOT NULL,
  ts_event       timestamptz   NOT NULL,
  equity         numeric(28,8) NOT NULL,
  cash           numeric(28,8) NOT NULL,
  gross_exposure numeric(28,8),
  ts_init        timestamptz,
  PRIMARY KEY (account_id, ts_event)
);

CREATE TABLE risk_limits (
  account_id            text          PRIMARY KEY,
  max_order_quantity    numeric(28,8) NOT NULL,
  max_order_notional    numeric(28,8) NOT NULL,
  max_position_quantity numeric(28,8) NOT NULL,
  max_drawdown          numeric(28,8) NOT NULL CHECK (max_drawdown > 0 AND max_drawdown < 1),
  max_orders_per_minute int           NOT NULL CHECK (max_orders_per_minute > 0),
  updated_at            timestamptz   NOT NULL,
  updated_by            text          NOT NULL
);

CREATE TABLE kill_switch (
  scope      text        PRIMARY KEY,
  engaged    boolean     NOT NULL,
  reason     text        NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text        NOT NULL
);

CREATE TABLE audit_log (
  id        bigserial   PRIMARY KEY,
  ts        timestamptz NOT NULL,
  subject   text        NOT NULL,
  action    text        NOT NULL,
  target    text        NOT NULL,
  details   jsonb       NOT NULL,
  client_ip text
);
CREATE INDEX audit_log_by_time ON audit_log (ts);
