-- Instruments: one without bars (ETH), one with a slash in its id, one inactive.
INSERT INTO instruments (instrument_id, symbol, venue, asset_class, currency, tick_size, lot_size, trading_hours, active, updated_at) VALUES
  ('BTCUSDT.BINANCE', 'BTCUSDT', 'BINANCE', 'CRYPTO', 'USDT', 0.01, 0.00001, NULL, true, '2026-01-01T00:00:00Z'),
  ('AAPL.XNAS', 'AAPL', 'XNAS', 'EQUITY', 'USD', 0.01, 1, '09:30-16:00 America/New_York', true, '2026-01-01T00:00:00Z'),
  ('EUR/USD.SIM', 'EUR/USD', 'SIM', 'FX', 'USD', 0.00001, 1000, NULL, false, '2026-01-01T00:00:00Z'),
  ('ETHUSDT.BINANCE', 'ETHUSDT', 'BINANCE', 'CRYPTO', 'USDT', 0.01, 0.0001, NULL, true, '2026-01-01T00:00:00Z');

-- BTC 1m: ten bars 00:00 .. 00:09; bar i opens at 100 + 0.3125 i, has 3 i trades, volume 1.5 i
-- (so bar 0 has volume 0), and the last bar is a revision.
INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume, trade_count, vwap, revision, ts_init)
SELECT 'BTCUSDT.BINANCE', '1m',
       '2026-01-01T00:00:00Z'::timestamptz + i * interval '1 minute',
       '2026-01-01T00:01:00Z'::timestamptz + i * interval '1 minute',
       100 + 0.3125 * i, 101 + 0.3125 * i, 99.5 + 0.3125 * i, 100.5 + 0.3125 * i,
       1.5 * i, 3 * i, 100.12345678 + i, CASE WHEN i = 9 THEN 1 ELSE 0 END,
       '2026-01-01T00:00:00Z'::timestamptz + (i + 1) * interval '1 minute'
FROM generate_series(0, 9) AS i;

-- BTC 1s: 600 bars 00:00:00 .. 00:09:59, more than the default page of 500.
INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume, trade_count, vwap, revision, ts_init)
SELECT 'BTCUSDT.BINANCE', '1s',
       '2026-01-01T00:00:00Z'::timestamptz + i * interval '1 second',
       '2026-01-01T00:00:01Z'::timestamptz + i * interval '1 second',
       100, 100, 100, 100, 0.001, 1, 100, 0,
       '2026-01-01T00:00:01Z'::timestamptz + i * interval '1 second'
FROM generate_series(0, 599) AS i;

-- BTC tick bars (100 trades each) and one volume bar, as the job writes them: start and end are the
-- first and last trade of the bar.
INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume, trade_count, vwap, revision, ts_init) VALUES
  ('BTCUSDT.BINANCE', 'tick-100', '2026-01-01T00:00:00.5Z', '2026-01-01T00:03:10Z', 100, 101, 99, 100.75, 42, 100, 100.4, 0,
   '2026-01-01T00:03:10Z'),
  ('BTCUSDT.BINANCE', 'tick-100', '2026-01-01T00:03:11Z', '2026-01-01T00:07:02.25Z', 100.75, 102, 100.5, 101.5, 37, 100, 101.1, 0,
   '2026-01-01T00:07:03Z'),
  ('BTCUSDT.BINANCE', 'volume-2.5', '2026-01-01T00:00:00.5Z', '2026-01-01T00:00:09Z', 100, 100.5, 100, 100.25, 2.5, 7, 100.2, 0,
   '2026-01-01T00:00:09Z');

-- AAPL 1m: a price with all 28 digits of numeric(28,8), and an hour with a gap.
INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume, trade_count, vwap, revision, ts_init) VALUES
  ('AAPL.XNAS', '1m', '2026-01-02T14:30:00Z', '2026-01-02T14:31:00Z', 250.10000000, 12345678901234567890.12345678,
   250.00000000, 250.05000000, 1200, 42, 250.07123456, 0, '2026-01-02T14:31:00.5Z'),
  ('AAPL.XNAS', '1m', '2026-01-02T14:32:00Z', '2026-01-02T14:33:00Z', 250.05, 250.2, 249.9, 250.1, 800, 17, 250.01, 0,
   '2026-01-02T14:33:00.5Z');

-- EUR/USD 1m: two bars.
INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume, trade_count, vwap, revision, ts_init) VALUES
  ('EUR/USD.SIM', '1m', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 1.10001, 1.10010, 1.09990, 1.10005, 1000000, 50,
   1.10002, 0, '2026-01-01T00:01:00Z'),
  ('EUR/USD.SIM', '1m', '2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z', 1.10005, 1.10020, 1.10000, 1.10015, 2000000, 60,
   1.10011, 0, '2026-01-01T00:02:00Z');
