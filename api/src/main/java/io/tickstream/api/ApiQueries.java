package io.tickstream.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Every SQL statement of the query API, over a reactive PostgreSQL pool. Only parameterised
 * queries; the tables belong to the sink, this class only reads them.
 */
public final class ApiQueries {
  private static final String INSTRUMENT_COLUMNS =
      "instrument_id, symbol, venue, asset_class, currency, tick_size, lot_size, trading_hours,"
          + " active";
  private static final String BAR_COLUMNS =
      "start_ts, end_ts, open, high, low, close, volume, trade_count, vwap, revision";
  // Decimals leave PostgreSQL as text either way (numeric has no binary decoding in the client);
  // reading that text as is skips a parse into BigDecimal and a toPlainString per value. numeric
  // text never uses an exponent and keeps the column's scale: "101.25000000".
  private static final String BAR_TEXT_COLUMNS =
      "start_ts, end_ts, open::text AS open, high::text AS high, low::text AS low,"
          + " close::text AS close, volume::text AS volume, trade_count, vwap::text AS vwap,"
          + " revision";

  // COLLATE "C": the same order on every server, whatever its default collation.
  private static final String ALL_INSTRUMENTS =
      "SELECT " + INSTRUMENT_COLUMNS + " FROM instruments ORDER BY instrument_id COLLATE \"C\"";
  private static final String INSTRUMENT_EXISTS =
      "SELECT 1 FROM instruments WHERE instrument_id = $1";
  // The bounds stay index conditions on (instrument_id, spec, start_ts) under a generic plan:
  // COALESCE of a parameter is a constant to the executor, unlike "$4 IS NULL OR ...".
  private static final String BARS_FROM =
      "SELECT "
          + BAR_TEXT_COLUMNS
          + " FROM bars WHERE instrument_id = $1 AND spec = $2 AND start_ts >= $3"
          + " AND start_ts < COALESCE($4, 'infinity'::timestamptz) ORDER BY start_ts LIMIT $5";
  private static final String BARS_LAST =
      "SELECT "
          + BAR_TEXT_COLUMNS
          + " FROM (SELECT "
          + BAR_COLUMNS
          + " FROM bars WHERE instrument_id = $1 AND spec = $2"
          + " AND start_ts < COALESCE($3, 'infinity'::timestamptz)"
          + " ORDER BY start_ts DESC LIMIT $4) AS last_bars ORDER BY start_ts";
  private static final String PING = "SELECT 1";

  /** Server-side cap on any statement, so a runaway query cannot hold a connection for long. */
  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(15);

  private final Pool pool;

  private ApiQueries(Pool pool) {
    this.pool = pool;
  }

  /** Creates the pool; it connects lazily, so this succeeds while the database is down. */
  public static ApiQueries connect(Vertx vertx, ApiConfig cfg) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(cfg.pgHost())
            .setPort(cfg.pgPort())
            .setDatabase(cfg.pgDatabase())
            .setUser(cfg.pgUser())
            .setPassword(cfg.pgPassword())
            .setCachePreparedStatements(true)
            .addProperty("application_name", "tickstream-api")
            .addProperty("statement_timeout", Long.toString(STATEMENT_TIMEOUT.toMillis()));
    PoolOptions poolOptions =
        new PoolOptions()
            .setName("tickstream-api")
            .setMaxSize(cfg.pgPoolSize())
            .setConnectionTimeout(5)
            .setConnectionTimeoutUnit(TimeUnit.SECONDS)
            .setIdleTimeout(5)
            .setIdleTimeoutUnit(TimeUnit.MINUTES);
    Pool pool =
        PgBuilder.pool()
            .with(poolOptions)
            .with(new NetClientOptions().setConnectTimeout(5_000))
            .connectingTo(connect)
            .using(vertx)
            .build();
    return new ApiQueries(pool);
  }

  /** All instruments, ordered by id (byte order). */
  public Future<List<InstrumentRow>> instruments() {
    return pool.query(ALL_INSTRUMENTS).execute().map(rows -> map(rows, ApiQueries::instrument));
  }

  /** Whether the {@code instruments} table holds {@code instrumentId}. */
  public Future<Boolean> instrumentExists(String instrumentId) {
    return pool.preparedQuery(INSTRUMENT_EXISTS)
        .execute(Tuple.of(instrumentId))
        .map(rows -> rows.size() > 0);
  }

  /** The page of bars that {@code query} describes, in ascending start order. */
  public Future<List<BarRow>> bars(BarQuery query) {
    Future<RowSet<Row>> rows;
    if (query.from() != null) {
      rows =
          pool.preparedQuery(BARS_FROM)
              .execute(
                  Tuple.of(
                      query.instrumentId(),
                      query.spec(),
                      utc(query.from()),
                      utc(query.to()),
                      (long) query.limit()));
    } else {
      rows =
          pool.preparedQuery(BARS_LAST)
              .execute(
                  Tuple.of(
                      query.instrumentId(), query.spec(), utc(query.to()), (long) query.limit()));
    }
    return rows.map(r -> map(r, ApiQueries::bar));
  }

  /** Succeeds when the database answers {@code SELECT 1} within {@code timeout}. */
  public Future<Void> ping(Duration timeout) {
    return pool.query(PING).execute().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).mapEmpty();
  }

  /** The pool, shared with the other query classes of the API. */
  Pool pool() {
    return pool;
  }

  /** Closes the pool and its connections. */
  public Future<Void> close() {
    return pool.close();
  }

  private static InstrumentRow instrument(Row row) {
    return new InstrumentRow(
        row.getString("instrument_id"),
        row.getString("symbol"),
        row.getString("venue"),
        row.getString("asset_class"),
        row.getString("currency"),
        increment(row.getBigDecimal("tick_size")),
        increment(row.getBigDecimal("lot_size")),
        row.getString("trading_hours"),
        row.getBoolean("active"));
  }

  /** A row of {@link #BAR_TEXT_COLUMNS}, read by position (a lookup by name scans the names). */
  private static BarRow bar(Row row) {
    return new BarRow(
        instant(row.getOffsetDateTime(0)),
        instant(row.getOffsetDateTime(1)),
        text(row, 2),
        text(row, 3),
        text(row, 4),
        text(row, 5),
        text(row, 6),
        row.getLong(7),
        text(row, 8),
        row.getInteger(9));
  }

  /** A decimal selected as text: as stored, scale included. */
  private static String text(Row row, int column) {
    String value = row.getString(column);
    return value == null ? "NaN" : value;
  }

  /** A tick or lot size reads best without the padding of numeric(28,8): 0.01, not 0.01000000. */
  private static String increment(BigDecimal value) {
    return value == null ? "NaN" : value.stripTrailingZeros().toPlainString();
  }

  private static Instant instant(OffsetDateTime time) {
    return time.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      out.add(mapper.apply(row));
    }
    return out;
  }
}
