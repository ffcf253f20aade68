-- Issue #9: stored backtests. One run per row of backtest_runs; its fills, round-trip trades and
-- equity curve in child tables keyed by (run_id, seq). Written and read by
-- io.tickstream.execution.backtest.store.BacktestStore (execution core, plain JDBC).
--   * Money, prices and quantities are unconstrained numeric: the engine's exact decimals come back
--     with the same value and scale.
--   * Times of fills, trades and curve points are epoch nanoseconds (bigint): a fill happens 1 ns
--     after its bar's start (no look-ahead), which timestamptz (microseconds) would round away.
--   * Metrics are double precision columns, which hold the NaN and Infinity the engine reports
--     (e.g. the profit factor of a run without losing trades).
--   * params and config are JSON objects of strings, as given (k=v).

CREATE TABLE backtest_runs (
  run_id                   uuid        PRIMARY KEY,
  created_by               text        NOT NULL,
  strategy                 text        NOT NULL,
  params                   jsonb       NOT NULL,
  instruments              text[]      NOT NULL,
  spec                     text        NOT NULL,
  period_from              timestamptz NOT NULL,
  period_to                timestamptz NOT NULL,
  config                   jsonb       NOT NULL,
  status                   text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
  error                    text,
  created_at               timestamptz NOT NULL,
  started_at               timestamptz,
  finished_at              timestamptz,
  bars                     bigint,
  final_equity             numeric,
  orders_denied            int,
  -- PerformanceReport; NULL when the run has fewer than two curve points.
  total_return             double precision,
  cagr                     double precision,
  annual_volatility        double precision,
  sharpe                   double precision,
  sortino                  double precision,
  max_drawdown             double precision,
  max_drawdown_periods     int,
  max_drawdown_ns          bigint,
  longest_drawdown_periods int,
  longest_drawdown_ns      bigint,
  trade_count              int,
  win_rate                 double precision,
  profit_factor            double precision,
  avg_trade_duration_ns    double precision,
  gross_profit             numeric,
  gross_loss               numeric,
  alpha                    double precision,
  annual_alpha             double precision,
  beta                     double precision,
  CHECK (period_from < period_to)
);
-- "My runs, newest first" (the API shows a user only the runs they created).
CREATE INDEX backtest_runs_by_creator ON backtest_runs (created_by, created_at DESC);

CREATE TABLE backtest_fills (
  run_id          uuid    NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
  seq             int     NOT NULL,
  client_order_id text    NOT NULL,
  instrument_id   text    NOT NULL,
  trade_id        text    NOT NULL,
  side            text    NOT NULL CHECK (side IN ('BUY', 'SELL')),
  quantity        numeric NOT NULL,
  price           numeric NOT NULL,
  commission      numeric NOT NULL,
  leaves_quantity numeric NOT NULL,
  ts_event_ns     bigint  NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- Completed round trips (a position still open at the end is in the equity curve, not here).
CREATE TABLE backtest_trades (
  run_id        uuid    NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
  seq           int     NOT NULL,
  instrument_id text    NOT NULL,
  entry_side    text    NOT NULL CHECK (entry_side IN ('BUY', 'SELL')),
  entry_ts_ns   bigint  NOT NULL,
  exit_ts_ns    bigint  NOT NULL,
  pnl           numeric NOT NULL,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE backtest_equity (
  run_id   uuid    NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
  seq      int     NOT NULL,
  ts_ns    bigint  NOT NULL,
  equity   numeric NOT NULL,
  PRIMARY KEY (run_id, seq)
);
