-- Tables the query API reads besides instruments, bars and dead_letters (proposed sink migration).
-- Conventions: natural primary keys; money, prices and sizes numeric(28,8); times timestamptz (UTC,
-- microseconds); rows that belong to an account carry account_id. Indexes follow the API's access
-- paths: equality on the owner (instrument or account), then time, then the tie-breaker that makes
-- keyset pagination total: "(ts, id) > (last_ts, last_id) ORDER BY ts, id LIMIT n".

-- Validated trades (md.trades), one row per venue trade. As in the sink's V2 migration, the primary
-- key leads with the time column after the instrument (a TimescaleDB hypertable only accepts unique
-- keys that contain its time column); it is also the API's keyset access path, so no second index.
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

-- Validated top-of-book quotes (md.quotes). Quotes carry no venue id: seq numbers the quotes of an
-- instrument that share one microsecond (0 for the first), so (instrument_id, ts_event, seq) is unique.
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

-- The last trade per instrument, upserted by the sink from trades only (when newer), so "latest
-- price" is a primary-key lookup and never scans history. bid_price and ask_price are reserved for
-- quotes and NULL until the sink writes them.
CREATE TABLE latest_prices (
  instrument_id text PRIMARY KEY,
  price         numeric(28,8) NOT NULL,
  bid_price     numeric(28,8),
  ask_price     numeric(28,8),
  ts_event      timestamptz   NOT NULL,
  ts_init       timestamptz   NOT NULL
);

-- Indicator values (analytics.features): one value per instrument, bar spec, bar end and feature name.
CREATE TABLE features (
  instrument_id text             NOT NULL,
  spec          text             NOT NULL,
  ts_event      timestamptz      NOT NULL,
  name          text             NOT NULL,
  value         double precision NOT NULL,
  ts_init       timestamptz      NOT NULL,
  PRIMARY KEY (instrument_id, spec, ts_event, name)
);

-- Strategy signals (signals topic). signal_id is the deterministic id execution de-duplicates by.
CREATE TABLE signals (
  signal_id     text             PRIMARY KEY,
  strategy_id   text             NOT NULL,
  instrument_id text             NOT NULL,
  ts_event      timestamptz      NOT NULL,
  direction     text             NOT NULL CHECK (direction IN ('LONG', 'SHORT', 'FLAT')),
  strength      double precision NOT NULL CHECK (strength BETWEEN 0 AND 1),
  reason        text             NOT NULL,
  bar_spec      text             NOT NULL,
  ts_init       timestamptz      NOT NULL
);
CREATE INDEX signals_by_instrument_time ON signals (instrument_id, ts_event, signal_id);
CREATE INDEX signals_by_strategy_time ON signals (strategy_id, ts_event, signal_id);

-- The current state of every order (folded from orders.events). client_order_id is derived from the
-- signal id, so a replayed signal never makes a second order.
CREATE TABLE orders (
  account_id      text          NOT NULL,
  client_order_id text          NOT NULL,
  instrument_id   text          NOT NULL,
  signal_id       text,
  side            text          NOT NULL CHECK (side IN ('BUY', 'SELL')),
  order_type      text          NOT NULL CHECK (order_type IN ('MARKET', 'LIMIT', 'STOP', 'STOP_LIMIT')),
  quantity        numeric(28,8) NOT NULL,
  limit_price     numeric(28,8),
  stop_price      numeric(28,8),
  time_in_force   text          NOT NULL,
  status          text          NOT NULL,
  filled_quantity numeric(28,8) NOT NULL DEFAULT 0,
  avg_fill_price  numeric(28,8),
  created_at      timestamptz   NOT NULL,
  updated_at      timestamptz   NOT NULL,
  PRIMARY KEY (account_id, client_order_id)
);
CREATE INDEX orders_by_time ON orders (account_id, created_at, client_order_id);

-- Every order event (orders.events), numbered per order. Fills carry price, quantity and commission;
-- denials and rejections carry a reason code.
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
  PRIMARY KEY (account_id, client_order_id, seq),
  FOREIGN KEY (account_id, client_order_id) REFERENCES orders (account_id, client_order_id)
);
CREATE INDEX order_events_by_time ON order_events (account_id, ts_event, client_order_id, seq);

-- The current position per account and instrument (portfolio.positions); quantity < 0 is short.
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

-- Account equity over time (portfolio.snapshots): the equity curve behind performance metrics.
CREATE TABLE equity_snapshots (
  account_id   text          NOT NULL,
  ts_event     timestamptz   NOT NULL,
  equity       numeric(28,8) NOT NULL,
  cash         numeric(28,8) NOT NULL,
  gross_exposure numeric(28,8) NOT NULL,
  PRIMARY KEY (account_id, ts_event)
);

-- Risk limits per account, written by admins through the API and read by the execution service.
CREATE TABLE risk_limits (
  account_id          text          PRIMARY KEY,
  max_order_quantity  numeric(28,8) NOT NULL,
  max_order_notional  numeric(28,8) NOT NULL,
  max_position_quantity numeric(28,8) NOT NULL,
  max_drawdown        numeric(28,8) NOT NULL CHECK (max_drawdown > 0 AND max_drawdown < 1),
  max_orders_per_minute int         NOT NULL CHECK (max_orders_per_minute > 0),
  updated_at          timestamptz   NOT NULL,
  updated_by          text          NOT NULL
);

-- The kill switch: one row per scope ('*' = every account); engaged = true stops new orders there.
CREATE TABLE kill_switch (
  scope      text        PRIMARY KEY,
  engaged    boolean     NOT NULL,
  reason     text        NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text        NOT NULL
);

-- Append-only log of every admin action: who, what, on which target, with the request body as JSON.
-- The API inserts here and nowhere else but risk_limits and kill_switch.
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
