package io.tickstream.sink;

/**
 * The write statements of the trading tables (orders.events, portfolio.positions,
 * portfolio.snapshots), beside the market-data ones in {@link SinkSql}. Values travel only through
 * {@code COPY}; no statement is assembled from data.
 */
final class TradingSql {
  private TradingSql() {}

  /**
   * Order events. The merge first makes sure each order of the batch has its {@code orders} row
   * (the foreign key of {@code order_events} needs it; the terms come from SUBMITTED or DENIED, the
   * side also from FILLED), then appends the events not stored yet, numbered per order after the
   * stored ones in batch order. An event is stored already when a row of its order has the same
   * source coordinates, type and {@code ts_init}: coordinates alone could repeat on a re-created
   * topic, content alone could repeat for two equal partial fills.
   */
  static final SinkSql.Upsert ORDER_EVENTS =
      new SinkSql.Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS order_events_staging (account_id text NOT NULL,"
              + " client_order_id text NOT NULL, event_type text NOT NULL,"
              + " instrument_id text NOT NULL, signal_id text, side text, order_type text,"
              + " quantity numeric(28,8), limit_price numeric(28,8), stop_price numeric(28,8),"
              + " time_in_force text, ts_event timestamptz NOT NULL, fill_price numeric(28,8),"
              + " fill_quantity numeric(28,8), commission numeric(28,8), reason text,"
              + " ts_init timestamptz NOT NULL, source_partition int NOT NULL,"
              + " source_offset bigint NOT NULL, batch_seq bigint NOT NULL) ON COMMIT DELETE ROWS",
          "COPY order_events_staging (account_id, client_order_id, event_type, instrument_id,"
              + " signal_id, side, order_type, quantity, limit_price, stop_price, time_in_force,"
              + " ts_event, fill_price, fill_quantity, commission, reason, ts_init,"
              + " source_partition, source_offset, batch_seq) FROM STDIN WITH (FORMAT csv)",
          "WITH terms AS (INSERT INTO orders (account_id, client_order_id, instrument_id,"
              + " signal_id, side, order_type, quantity, limit_price, stop_price, time_in_force,"
              + " status, created_at, updated_at)"
              + " SELECT account_id, client_order_id,"
              + " (array_agg(instrument_id ORDER BY batch_seq))[1],"
              + " (array_agg(signal_id ORDER BY batch_seq) FILTER (WHERE signal_id IS NOT NULL))[1],"
              + " (array_agg(side ORDER BY event_type <> 'SUBMITTED', batch_seq)"
              + " FILTER (WHERE side IS NOT NULL))[1],"
              + submitted("order_type")
              + ","
              + submitted("quantity")
              + ","
              + submitted("limit_price")
              + ","
              + submitted("stop_price")
              + ","
              + submitted("time_in_force")
              + ", (array_agg(event_type ORDER BY batch_seq))[1], min(ts_event), min(ts_event)"
              + " FROM order_events_staging GROUP BY account_id, client_order_id"
              + " ON CONFLICT (account_id, client_order_id) DO UPDATE SET"
              + " signal_id = coalesce(orders.signal_id, excluded.signal_id),"
              + " side = coalesce(orders.side, excluded.side),"
              + " order_type = coalesce(orders.order_type, excluded.order_type),"
              + " quantity = coalesce(orders.quantity, excluded.quantity),"
              + " limit_price = coalesce(orders.limit_price, excluded.limit_price),"
              + " stop_price = coalesce(orders.stop_price, excluded.stop_price),"
              + " time_in_force = coalesce(orders.time_in_force, excluded.time_in_force)"
              + " WHERE (orders.signal_id IS NULL AND excluded.signal_id IS NOT NULL)"
              + " OR (orders.side IS NULL AND excluded.side IS NOT NULL)"
              + " OR (orders.quantity IS NULL AND excluded.quantity IS NOT NULL))"
              + " INSERT INTO order_events (account_id, client_order_id, seq, event_type,"
              + " instrument_id, ts_event, fill_price, fill_quantity, commission, reason, ts_init,"
              + " source_partition, source_offset)"
              + " SELECT n.account_id, n.client_order_id, coalesce((SELECT max(e.seq) + 1"
              + " FROM order_events e WHERE e.account_id = n.account_id"
              + " AND e.client_order_id = n.client_order_id), 0) + n.ord - 1, n.event_type,"
              + " n.instrument_id, n.ts_event, n.fill_price, n.fill_quantity, n.commission,"
              + " n.reason, n.ts_init, n.source_partition, n.source_offset"
              + " FROM (SELECT s.*, row_number() OVER (PARTITION BY s.account_id,"
              + " s.client_order_id ORDER BY s.batch_seq) AS ord FROM order_events_staging s"
              + " WHERE NOT EXISTS (SELECT 1 FROM order_events e WHERE e.account_id = s.account_id"
              + " AND e.client_order_id = s.client_order_id"
              + " AND e.source_partition = s.source_partition"
              + " AND e.source_offset = s.source_offset AND e.event_type = s.event_type"
              + " AND e.ts_init = s.ts_init)) n",
          "DELETE FROM order_events_staging");

  /**
   * The state of every order the batch touched, folded from all its stored events by seq: status of
   * the last event (a fill short of the ordered quantity is PARTIALLY_FILLED), filled quantity and
   * volume-weighted fill price, first and last event time. Rows already equal are left alone.
   */
  static final SinkSql.Upsert ORDERS =
      new SinkSql.Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS orders_staging (account_id text NOT NULL,"
              + " client_order_id text NOT NULL, batch_seq bigint NOT NULL) ON COMMIT DELETE ROWS",
          "COPY orders_staging (account_id, client_order_id, batch_seq)"
              + " FROM STDIN WITH (FORMAT csv)",
          "UPDATE orders o SET status = CASE WHEN f.last_type = 'FILLED'"
              + " AND f.filled < o.quantity THEN 'PARTIALLY_FILLED' ELSE f.last_type END,"
              + " filled_quantity = f.filled, avg_fill_price = f.avg_price,"
              + " created_at = f.first_ts, updated_at = f.last_ts"
              + " FROM (SELECT e.account_id, e.client_order_id,"
              + " (array_agg(e.event_type ORDER BY e.seq DESC))[1] AS last_type,"
              + " coalesce(sum(e.fill_quantity) FILTER (WHERE e.event_type = 'FILLED'), 0)"
              + " AS filled,"
              + " round(sum(e.fill_price * e.fill_quantity) FILTER (WHERE e.event_type = 'FILLED')"
              + " / nullif(sum(e.fill_quantity) FILTER (WHERE e.event_type = 'FILLED'), 0), 8)"
              + " AS avg_price,"
              + " (array_agg(e.ts_event ORDER BY e.seq))[1] AS first_ts,"
              + " (array_agg(e.ts_event ORDER BY e.seq DESC))[1] AS last_ts"
              + " FROM order_events e"
              + " WHERE (e.account_id, e.client_order_id) IN"
              + " (SELECT account_id, client_order_id FROM orders_staging)"
              + " GROUP BY e.account_id, e.client_order_id) f"
              + " WHERE o.account_id = f.account_id AND o.client_order_id = f.client_order_id"
              + " AND (o.status, o.filled_quantity, o.avg_fill_price, o.created_at, o.updated_at)"
              + " IS DISTINCT FROM (CASE WHEN f.last_type = 'FILLED' AND f.filled < o.quantity"
              + " THEN 'PARTIALLY_FILLED' ELSE f.last_type END, f.filled, f.avg_price, f.first_ts,"
              + " f.last_ts)",
          "DELETE FROM orders_staging");

  /**
   * Positions: per key the last record of the batch (by offset) wins; a tombstone deletes the
   * position. A record never replaces a position of a later fill (older {@code ts_event}), and
   * equal values are not rewritten, so a redelivered batch changes nothing.
   */
  static final SinkSql.Upsert POSITIONS =
      new SinkSql.Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS positions_staging (account_id text NOT NULL,"
              + " instrument_id text NOT NULL, quantity numeric(28,8), avg_price numeric(28,8),"
              + " realized_pnl numeric(28,8), unrealized_pnl numeric(28,8), ts_event timestamptz,"
              + " deleted boolean NOT NULL, batch_seq bigint NOT NULL) ON COMMIT DELETE ROWS",
          "COPY positions_staging (account_id, instrument_id, quantity, avg_price, realized_pnl,"
              + " unrealized_pnl, ts_event, deleted, batch_seq) FROM STDIN WITH (FORMAT csv)",
          "WITH latest AS (SELECT DISTINCT ON (account_id, instrument_id) * FROM positions_staging"
              + " ORDER BY account_id, instrument_id, batch_seq DESC),"
              + " removed AS (DELETE FROM positions p USING latest l WHERE l.deleted"
              + " AND p.account_id = l.account_id AND p.instrument_id = l.instrument_id)"
              + " INSERT INTO positions (account_id, instrument_id, quantity, avg_price,"
              + " realized_pnl, unrealized_pnl, ts_event)"
              + " SELECT account_id, instrument_id, quantity, avg_price, realized_pnl,"
              + " unrealized_pnl, ts_event FROM latest WHERE NOT deleted"
              + " ON CONFLICT (account_id, instrument_id) DO UPDATE SET"
              + " quantity = excluded.quantity, avg_price = excluded.avg_price,"
              + " realized_pnl = excluded.realized_pnl, unrealized_pnl = excluded.unrealized_pnl,"
              + " ts_event = excluded.ts_event WHERE excluded.ts_event >= positions.ts_event"
              + " AND (positions.quantity, positions.avg_price, positions.realized_pnl,"
              + " positions.unrealized_pnl, positions.ts_event) IS DISTINCT FROM"
              + " (excluded.quantity, excluded.avg_price, excluded.realized_pnl,"
              + " excluded.unrealized_pnl, excluded.ts_event)",
          "DELETE FROM positions_staging");

  /**
   * Equity snapshots: one row per account and event time; of several snapshots at one time the one
   * made last ({@code ts_init}, then offset) wins, so a redelivered older one changes nothing.
   * Gross exposure is NULL for records written before {@code PortfolioSnapshot} carried it.
   */
  static final SinkSql.Upsert EQUITY_SNAPSHOTS =
      new SinkSql.Upsert(
          "CREATE TEMP TABLE IF NOT EXISTS equity_snapshots_staging (account_id text NOT NULL,"
              + " ts_event timestamptz NOT NULL, equity numeric(28,8) NOT NULL,"
              + " cash numeric(28,8) NOT NULL, gross_exposure numeric(28,8),"
              + " ts_init timestamptz NOT NULL, batch_seq bigint NOT NULL) ON COMMIT DELETE ROWS",
          "COPY equity_snapshots_staging (account_id, ts_event, equity, cash, gross_exposure,"
              + " ts_init, batch_seq) FROM STDIN WITH (FORMAT csv)",
          "INSERT INTO equity_snapshots (account_id, ts_event, equity, cash, gross_exposure,"
              + " ts_init)"
              + " SELECT DISTINCT ON (account_id, ts_event) account_id, ts_event, equity, cash,"
              + " gross_exposure, ts_init FROM equity_snapshots_staging"
              + " ORDER BY account_id, ts_event, ts_init DESC, batch_seq DESC"
              + " ON CONFLICT (account_id, ts_event) DO UPDATE SET equity = excluded.equity,"
              + " cash = excluded.cash, gross_exposure = excluded.gross_exposure,"
              + " ts_init = excluded.ts_init"
              + " WHERE excluded.ts_init >= coalesce(equity_snapshots.ts_init, excluded.ts_init)"
              + " AND (equity_snapshots.equity, equity_snapshots.cash,"
              + " equity_snapshots.gross_exposure, equity_snapshots.ts_init)"
              + " IS DISTINCT FROM (excluded.equity, excluded.cash, excluded.gross_exposure,"
              + " excluded.ts_init)",
          "DELETE FROM equity_snapshots_staging");

  /**
   * The first non-null value of {@code column} among the SUBMITTED and DENIED events of an order
   * (an order has one or the other; a DENIED one carries the terms when it was sized).
   */
  private static String submitted(String column) {
    return " (array_agg("
        + column
        + " ORDER BY batch_seq) FILTER (WHERE event_type IN ('SUBMITTED', 'DENIED') AND "
        + column
        + " IS NOT NULL))[1]";
  }
}
