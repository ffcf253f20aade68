package io.tickstream.api;

import static io.tickstream.api.series.Column.Kind.DECIMAL;
import static io.tickstream.api.series.Column.Kind.TEXT;
import static io.tickstream.api.series.Column.Kind.TIME;

import io.tickstream.api.performance.EquitySample;
import io.tickstream.api.series.Column;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL of latest prices, positions, single orders and equity curves (reads only; the paged lists
 * are in {@link io.tickstream.api.series.SeriesTables}). Only parameterised statements.
 */
final class TradingQueries {
  private static final List<Column> PRICE =
      List.of(
          Column.of("instrument_id", TEXT),
          Column.of("price", DECIMAL),
          Column.of("bid_price", DECIMAL),
          Column.of("ask_price", DECIMAL),
          Column.of("ts_event", TIME),
          Column.of("ts_init", TIME));
  private static final List<Column> POSITION =
      List.of(
          Column.of("instrument_id", TEXT),
          Column.of("quantity", DECIMAL),
          Column.of("avg_price", DECIMAL),
          Column.of("realized_pnl", DECIMAL),
          Column.of("unrealized_pnl", DECIMAL),
          Column.of("ts_event", TIME));

  private static final String ALL_PRICES =
      "SELECT " + names(PRICE) + " FROM latest_prices ORDER BY instrument_id COLLATE \"C\"";
  private static final String ONE_PRICE =
      "SELECT " + names(PRICE) + " FROM latest_prices WHERE instrument_id = $1";
  private static final String POSITIONS =
      "SELECT "
          + names(POSITION)
          + " FROM positions WHERE account_id = $1 ORDER BY instrument_id COLLATE \"C\"";
  private static final String ORDER =
      "SELECT "
          + names(io.tickstream.api.series.SeriesTables.ORDERS.columns())
          + " FROM orders WHERE account_id = $1 AND client_order_id = $2";
  private static final String ORDER_EVENTS =
      "SELECT "
          + names(io.tickstream.api.series.SeriesTables.ORDER_EVENTS.columns())
          + " FROM order_events WHERE account_id = $1 AND client_order_id = $2 ORDER BY seq";
  // The curve is bounded by the range cap; 100k points is ~270 years of daily snapshots.
  private static final String EQUITY_CURVE =
      "SELECT ts_event, equity FROM equity_snapshots WHERE account_id = $1"
          + " AND ts_event >= COALESCE($2, '-infinity'::timestamptz)"
          + " AND ts_event < COALESCE($3, 'infinity'::timestamptz) ORDER BY ts_event LIMIT 100001";

  private final Pool pool;

  TradingQueries(Pool pool) {
    this.pool = pool;
  }

  Future<JsonArray> latestPrices() {
    return pool.query(ALL_PRICES).execute().map(rows -> array(rows, PRICE));
  }

  Future<Optional<JsonObject>> latestPrice(String instrumentId) {
    return pool.preparedQuery(ONE_PRICE)
        .execute(Tuple.of(instrumentId))
        .map(rows -> first(rows, PRICE));
  }

  Future<JsonArray> positions(String accountId) {
    return pool.preparedQuery(POSITIONS)
        .execute(Tuple.of(accountId))
        .map(rows -> array(rows, POSITION));
  }

  /** The order with its events under {@code "events"}, if the account has it. */
  Future<Optional<JsonObject>> order(String accountId, String orderId) {
    Tuple key = Tuple.of(accountId, orderId);
    return pool.preparedQuery(ORDER)
        .execute(key)
        .map(rows -> first(rows, io.tickstream.api.series.SeriesTables.ORDERS.columns()))
        .compose(
            order ->
                order.isEmpty()
                    ? Future.succeededFuture(order)
                    : pool.preparedQuery(ORDER_EVENTS)
                        .execute(key)
                        .map(
                            events ->
                                Optional.of(
                                    order
                                        .get()
                                        .put(
                                            "events",
                                            array(
                                                events,
                                                io.tickstream.api.series.SeriesTables.ORDER_EVENTS
                                                    .columns())))));
  }

  Future<List<EquitySample>> equityCurve(String accountId, Instant from, Instant to) {
    return pool.preparedQuery(EQUITY_CURVE)
        .execute(Tuple.of(accountId, utc(from), utc(to)))
        .map(
            rows -> {
              List<EquitySample> out = new ArrayList<>(rows.size());
              for (Row row : rows) {
                out.add(
                    new EquitySample(
                        row.getOffsetDateTime("ts_event").toInstant(),
                        row.getBigDecimal("equity")));
              }
              return out;
            });
  }

  private static Object utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  static JsonObject object(Row row, List<Column> columns) {
    JsonObject out = new JsonObject();
    columns.forEach(c -> c.write(row, out));
    return out;
  }

  private static JsonArray array(RowSet<Row> rows, List<Column> columns) {
    JsonArray out = new JsonArray();
    rows.forEach(row -> out.add(object(row, columns)));
    return out;
  }

  private static Optional<JsonObject> first(RowSet<Row> rows, List<Column> columns) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(object(it.next(), columns)) : Optional.empty();
  }

  private static String names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
