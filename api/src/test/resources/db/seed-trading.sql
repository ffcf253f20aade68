-- Trading rows for two accounts, ACC-1 and ACC-2, and market data for BTCUSDT.BINANCE.

-- 240 BTC trades over 00:00..00:10; every third one shares its microsecond with the next, so page
-- boundaries fall inside equal timestamps. Ids T0000..T0239 (text order = time order).
INSERT INTO trades (instrument_id, trade_id, ts_event, price, size, aggressor_side, ts_init)
SELECT 'BTCUSDT.BINANCE', 'T' || lpad(i::text, 4, '0'),
       '2026-01-01T00:00:00Z'::timestamptz + (i - i % 3 + (i % 3 > 1)::int) * interval '2500 milliseconds',
       100 + (i % 17) * 0.25, 0.001 * (1 + i % 5),
       (ARRAY['BUYER', 'SELLER', 'NO_AGGRESSOR'])[1 + i % 3],
       '2026-01-01T00:00:00Z'::timestamptz + i * interval '2500 milliseconds' + interval '1 millisecond'
FROM generate_series(0, 239) AS i;
INSERT INTO trades (instrument_id, trade_id, ts_event, price, size, aggressor_side, ts_init) VALUES
  ('AAPL.XNAS', 'A1', '2026-01-02T14:30:01Z', 250.10, 100, 'BUYER', '2026-01-02T14:30:01.001Z'),
  ('EUR/USD.SIM', 'E1', '2026-01-01T00:01:59Z', 1.10015, 1000, 'NO_AGGRESSOR', '2026-01-01T00:02:00Z');

-- 150 BTC quotes, pairs sharing a microsecond (seq 0 and 1).
INSERT INTO quotes (instrument_id, ts_event, seq, bid_price, ask_price, bid_size, ask_size, ts_init)
SELECT 'BTCUSDT.BINANCE', '2026-01-01T00:00:00Z'::timestamptz + (i / 2) * interval '1 second', i % 2,
       99.5 + (i % 7) * 0.25, 100 + (i % 7) * 0.25, 1 + i % 3, 2 + i % 4,
       '2026-01-01T00:00:00Z'::timestamptz + (i / 2) * interval '1 second' + interval '1 millisecond'
FROM generate_series(0, 149) AS i;

-- The sink's latest_prices: the newest trade of each instrument (BTC: T0239, i = 239 at 595 s,
-- price 100 + (239 mod 17) * 0.25), no quote columns.
INSERT INTO latest_prices (instrument_id, price, bid_price, ask_price, ts_event, ts_init) VALUES
  ('BTCUSDT.BINANCE', 100.25000000, NULL, NULL, '2026-01-01T00:09:55Z', '2026-01-01T00:09:57.501Z'),
  ('AAPL.XNAS', 250.10000000, NULL, NULL, '2026-01-02T14:30:01Z', '2026-01-02T14:30:01.001Z'),
  ('EUR/USD.SIM', 1.10015000, NULL, NULL, '2026-01-01T00:01:59Z', '2026-01-01T00:02:00Z');

-- Two features per BTC 1m bar end.
INSERT INTO features (instrument_id, spec, ts_event, name, value, ts_init)
SELECT 'BTCUSDT.BINANCE', '1m', '2026-01-01T00:01:00Z'::timestamptz + i * interval '1 minute', f.name,
       f.base + i * 0.5, '2026-01-01T00:01:00.1Z'::timestamptz + i * interval '1 minute'
FROM generate_series(0, 9) AS i, (VALUES ('ema_10', 100.0), ('rsi_14', 40.0)) AS f(name, base);

-- Signals of two strategies on BTC 1m bars.
INSERT INTO signals (signal_id, strategy_id, instrument_id, ts_event, direction, strength, reason, bar_spec, ts_init)
SELECT 'sig-' || s.id || '-' || i, s.id, 'BTCUSDT.BINANCE',
       '2026-01-01T00:01:00Z'::timestamptz + i * interval '1 minute',
       (ARRAY['LONG', 'FLAT', 'SHORT'])[1 + i % 3], 0.5, s.id || ' crossed', '1m',
       '2026-01-01T00:01:00.2Z'::timestamptz + i * interval '1 minute'
FROM generate_series(0, 9) AS i, (VALUES ('ma-cross'), ('donchian')) AS s(id);

INSERT INTO orders (account_id, client_order_id, instrument_id, signal_id, side, order_type, quantity, limit_price, stop_price, time_in_force, status, filled_quantity, avg_fill_price, created_at, updated_at) VALUES
  ('ACC-1', 'O-1', 'BTCUSDT.BINANCE', 'sig-ma-cross-0', 'BUY', 'MARKET', 1.5, NULL, NULL, 'GTC', 'FILLED', 1.5, 100.50,
   '2026-01-01T00:01:01Z', '2026-01-01T00:01:02Z'),
  ('ACC-1', 'O-2', 'BTCUSDT.BINANCE', 'sig-ma-cross-2', 'SELL', 'LIMIT', 1.0, 102.00, NULL, 'GTC', 'ACCEPTED', 0, NULL,
   '2026-01-01T00:03:01Z', '2026-01-01T00:03:02Z'),
  ('ACC-1', 'O-3', 'BTCUSDT.BINANCE', 'sig-ma-cross-3', 'BUY', 'MARKET', 99, NULL, NULL, 'IOC', 'DENIED', 0, NULL,
   '2026-01-01T00:04:01Z', '2026-01-01T00:04:01Z'),
  ('ACC-2', 'O-9', 'AAPL.XNAS', NULL, 'BUY', 'MARKET', 10, NULL, NULL, 'DAY', 'FILLED', 10, 250.10,
   '2026-01-02T14:30:01Z', '2026-01-02T14:30:02Z');

INSERT INTO order_events (account_id, client_order_id, seq, event_type, instrument_id, ts_event, fill_price, fill_quantity, commission, reason, ts_init) VALUES
  ('ACC-1', 'O-1', 0, 'SUBMITTED', 'BTCUSDT.BINANCE', '2026-01-01T00:01:01Z', NULL, NULL, NULL, NULL, '2026-01-01T00:01:01Z'),
  ('ACC-1', 'O-1', 1, 'ACCEPTED', 'BTCUSDT.BINANCE', '2026-01-01T00:01:01.5Z', NULL, NULL, NULL, NULL, '2026-01-01T00:01:01.5Z'),
  ('ACC-1', 'O-1', 2, 'FILLED', 'BTCUSDT.BINANCE', '2026-01-01T00:01:02Z', 100.50, 1.5, 0.15, NULL, '2026-01-01T00:01:02Z'),
  ('ACC-1', 'O-2', 0, 'SUBMITTED', 'BTCUSDT.BINANCE', '2026-01-01T00:03:01Z', NULL, NULL, NULL, NULL, '2026-01-01T00:03:01Z'),
  ('ACC-1', 'O-2', 1, 'ACCEPTED', 'BTCUSDT.BINANCE', '2026-01-01T00:03:02Z', NULL, NULL, NULL, NULL, '2026-01-01T00:03:02Z'),
  ('ACC-1', 'O-3', 0, 'DENIED', 'BTCUSDT.BINANCE', '2026-01-01T00:04:01Z', NULL, NULL, NULL, 'MAX_ORDER_QUANTITY',
   '2026-01-01T00:04:01Z'),
  ('ACC-2', 'O-9', 0, 'SUBMITTED', 'AAPL.XNAS', '2026-01-02T14:30:01Z', NULL, NULL, NULL, NULL, '2026-01-02T14:30:01Z'),
  ('ACC-2', 'O-9', 1, 'FILLED', 'AAPL.XNAS', '2026-01-02T14:30:02Z', 250.10, 10, 1.00, NULL, '2026-01-02T14:30:02Z');

INSERT INTO positions (account_id, instrument_id, quantity, avg_price, realized_pnl, unrealized_pnl, ts_event) VALUES
  ('ACC-1', 'BTCUSDT.BINANCE', 1.5, 100.50, 0, 5.25, '2026-01-01T00:09:57.5Z'),
  ('ACC-2', 'AAPL.XNAS', 10, 250.10, 0, 0, '2026-01-02T14:30:02Z');

-- Daily equity: ACC-1 30 days from 100000 with a drawdown in the middle, ACC-2 5 days.
INSERT INTO equity_snapshots (account_id, ts_event, equity, cash, gross_exposure)
SELECT 'ACC-1', '2026-01-01T00:00:00Z'::timestamptz + i * interval '1 day',
       100000 + i * 150 - CASE WHEN i BETWEEN 10 AND 14 THEN (i - 9) * 400 ELSE 0 END, 50000, 50000
FROM generate_series(0, 29) AS i;
INSERT INTO equity_snapshots (account_id, ts_event, equity, cash, gross_exposure)
SELECT 'ACC-2', '2026-01-01T00:00:00Z'::timestamptz + i * interval '1 day', 20000 - i * 10, 17500, 2500
FROM generate_series(0, 4) AS i;

INSERT INTO dead_letters (reason_code, message, stage, source_topic, source_partition, source_offset, original_value, ts)
SELECT (ARRAY['BAD_MAGIC_BYTE', 'CROSSED_QUOTE', 'OFF_TICK_GRID'])[1 + i % 3], 'record ' || i || ' rejected',
       'ingest-validator', 'md.trades.raw', 0, i, decode('00ff', 'hex'),
       '2026-01-01T00:00:00Z'::timestamptz + i * interval '1 minute'
FROM generate_series(0, 6) AS i;
