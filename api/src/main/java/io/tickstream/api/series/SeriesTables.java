package io.tickstream.api.series;

import static io.tickstream.api.series.Column.Kind.BYTES;
import static io.tickstream.api.series.Column.Kind.DECIMAL;
import static io.tickstream.api.series.Column.Kind.DOUBLE;
import static io.tickstream.api.series.Column.Kind.INT;
import static io.tickstream.api.series.Column.Kind.LONG;
import static io.tickstream.api.series.Column.Kind.TEXT;
import static io.tickstream.api.series.Column.Kind.TIME;

import java.util.List;
import java.util.Map;

/**
 * The paged tables of the API with their allow-listed columns, keys and filters (the DDL is in the
 * sink's Flyway migrations, which the API's tests also run).
 */
public final class SeriesTables {
  private SeriesTables() {}

  private static final Column INSTRUMENT = Column.of("instrument_id", TEXT);
  private static final Column ACCOUNT = Column.of("account_id", TEXT);
  private static final Column TS_EVENT = Column.of("ts_event", TIME);
  private static final Column TS_INIT = Column.of("ts_init", TIME);

  /** Trades of an instrument, by (ts_event, trade_id). */
  public static final SeriesTable TRADES =
      table(
          "trades",
          INSTRUMENT,
          List.of(TS_EVENT, Column.of("trade_id", TEXT)),
          List.of(
              Column.of("price", DECIMAL),
              Column.of("size", DECIMAL),
              Column.of("aggressor_side", TEXT),
              TS_INIT),
          Map.of());

  /** Quotes of an instrument, by (ts_event, seq). */
  public static final SeriesTable QUOTES =
      table(
          "quotes",
          INSTRUMENT,
          List.of(TS_EVENT, Column.of("seq", INT)),
          List.of(
              Column.of("bid_price", DECIMAL),
              Column.of("ask_price", DECIMAL),
              Column.of("bid_size", DECIMAL),
              Column.of("ask_size", DECIMAL),
              TS_INIT),
          Map.of());

  /** Feature values of an instrument, by (ts_event, spec, name). */
  public static final SeriesTable FEATURES =
      table(
          "features",
          INSTRUMENT,
          List.of(TS_EVENT, Column.of("spec", TEXT), Column.of("name", TEXT)),
          List.of(Column.of("value", DOUBLE), TS_INIT),
          Map.of("spec", Column.of("spec", TEXT), "name", Column.of("name", TEXT)));

  /** Signals, by (ts_event, signal_id); filter by instrument and strategy. */
  public static final SeriesTable SIGNALS =
      table(
          "signals",
          null,
          List.of(TS_EVENT, Column.of("signal_id", TEXT)),
          List.of(
              Column.of("strategy_id", TEXT),
              INSTRUMENT,
              Column.of("direction", TEXT),
              Column.of("strength", DOUBLE),
              Column.of("reason", TEXT),
              Column.of("bar_spec", TEXT),
              TS_INIT),
          Map.of("instrumentId", INSTRUMENT, "strategy", Column.of("strategy_id", TEXT)));

  /** Orders of an account, by (created_at, client_order_id). */
  public static final SeriesTable ORDERS =
      table(
          "orders",
          ACCOUNT,
          List.of(Column.of("created_at", TIME), Column.of("client_order_id", TEXT)),
          List.of(
              INSTRUMENT,
              Column.of("signal_id", TEXT),
              Column.of("side", TEXT),
              Column.of("order_type", TEXT),
              Column.of("quantity", DECIMAL),
              Column.of("limit_price", DECIMAL),
              Column.of("stop_price", DECIMAL),
              Column.of("time_in_force", TEXT),
              Column.of("status", TEXT),
              Column.of("filled_quantity", DECIMAL),
              Column.of("avg_fill_price", DECIMAL),
              Column.of("updated_at", TIME)),
          Map.of("instrumentId", INSTRUMENT, "status", Column.of("status", TEXT)));

  /** Order events of an account, by (ts_event, client_order_id, seq). */
  public static final SeriesTable ORDER_EVENTS =
      table(
          "order_events",
          ACCOUNT,
          List.of(TS_EVENT, Column.of("client_order_id", TEXT), Column.of("seq", INT)),
          List.of(
              Column.of("event_type", TEXT),
              INSTRUMENT,
              Column.of("fill_price", DECIMAL),
              Column.of("fill_quantity", DECIMAL),
              Column.of("commission", DECIMAL),
              Column.of("reason", TEXT),
              TS_INIT),
          Map.of("instrumentId", INSTRUMENT, "type", Column.of("event_type", TEXT)));

  /** The equity curve of an account, by ts_event. */
  public static final SeriesTable EQUITY =
      table(
          "equity_snapshots",
          ACCOUNT,
          List.of(TS_EVENT),
          List.of(
              Column.of("equity", DECIMAL),
              Column.of("cash", DECIMAL),
              Column.of("gross_exposure", DECIMAL)),
          Map.of());

  /** Dead letters, by (ts, id); filter by reason code. */
  public static final SeriesTable DEAD_LETTERS =
      table(
          "dead_letters",
          null,
          List.of(Column.of("ts", TIME), Column.of("id", LONG)),
          List.of(
              Column.of("reason_code", TEXT),
              Column.of("message", TEXT),
              Column.of("stage", TEXT),
              Column.of("source_topic", TEXT),
              Column.of("source_partition", INT),
              Column.of("source_offset", LONG),
              Column.of("original_value", BYTES)),
          Map.of("reason", Column.of("reason_code", TEXT)));

  private static SeriesTable table(
      String name,
      Column owner,
      List<Column> keys,
      List<Column> rest,
      Map<String, Column> filters) {
    List<Column> columns = new java.util.ArrayList<>(keys);
    columns.addAll(rest);
    return new SeriesTable(name, owner, keys, columns, filters);
  }
}
