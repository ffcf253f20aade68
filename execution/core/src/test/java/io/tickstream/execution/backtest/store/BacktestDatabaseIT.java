package io.tickstream.execution.backtest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.Backtest;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.source.BarSource;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.backtest.source.HistoricalTrade;
import io.tickstream.execution.backtest.source.JdbcBarSource;
import io.tickstream.execution.backtest.source.JdbcTradeSource;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.tickstream.signals.bars.Bar;
import io.tickstream.sink.SinkSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC bar and trade sources and the backtest store on a real PostgreSQL 17 with the sink's
 * migrations (V5 creates the backtest tables), over hand-built rows.
 */
class BacktestDatabaseIT {
  static final long MINUTE = 60_000_000_000L;
  static final long T0 = Instant.parse("2026-01-05T00:00:00Z").getEpochSecond() * 1_000_000_000L;
  static final String AAA = "AAA.XNAS";
  static final String BBB = "BBB.XNAS";

  @TempDir static Path dir;
  static EmbeddedPostgres postgres;
  static DataSource db;

  @BeforeAll
  static void up() {
    postgres = EmbeddedPostgres.start(0, dir.resolve("pg"));
    db = postgres.dataSource();
    SinkSchema.migrate(db);
  }

  @AfterAll
  static void down() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void empty() throws SQLException {
    MarketRows.clear(db);
  }

  /** A decimal as the sink's {@code numeric(28,8)} columns hold it. */
  static BigDecimal d(String text) {
    return new BigDecimal(text).setScale(8);
  }

  /** A bar with the values the {@code bars} table gives back (8 decimals). */
  static Bar bar(String id, String spec, long start, long size, String open, String close) {
    BigDecimal o = d(open);
    BigDecimal c = d(close);
    return new Bar(id, spec, start, start + size, o, o.max(c), o.min(c), c, d("500"), 3, c, 0);
  }

  /** A zig-zag around 100 with a trend, different per instrument, so a crossover trades. */
  static List<Bar> zigZag(String id, int n, int phase) {
    List<Bar> out = new ArrayList<>();
    BigDecimal price = new BigDecimal("100.00");
    for (int i = 0; i < n; i++) {
      int step = ((i + phase) / 5) % 2 == 0 ? 1 : -1;
      BigDecimal next = price.add(new BigDecimal(step * (1 + i % 3)).movePointLeft(1));
      out.add(bar(id, "1m", T0 + i * MINUTE, MINUTE, price.toPlainString(), next.toPlainString()));
      price = next;
    }
    return out;
  }

  static List<Bar> read(BarSource source) {
    List<Bar> out = new ArrayList<>();
    try (source) {
      source.forEachRemaining(out::add);
    }
    return out;
  }

  /** The 1m bars of {@code instruments} from T0 to {@code toNanos}, through the JDBC source. */
  static List<Bar> minuteBars(List<String> instruments, long toNanos) {
    return read(
        new JdbcBarSource(
            db,
            instruments,
            "1m",
            Instant.ofEpochSecond(0, T0),
            Instant.ofEpochSecond(0, toNanos)));
  }

  @Test
  void barSourceStreamsTheRangeOfOneSpecInTimeThenInstrumentOrder() throws SQLException {
    List<Bar> rows = new ArrayList<>();
    rows.add(bar(BBB, "1m", T0, MINUTE, "20.5", "20.75"));
    rows.add(bar(AAA, "1m", T0, MINUTE, "10.12345678", "10.2"));
    rows.add(bar(AAA, "1m", T0 + MINUTE, MINUTE, "10.2", "10.1"));
    rows.add(bar(BBB, "1m", T0 + 2 * MINUTE, MINUTE, "20.75", "21"));
    rows.add(bar(AAA, "1m", T0 + 3 * MINUTE, MINUTE, "10.1", "10.3")); // ends after "to"
    rows.add(bar(AAA, "5m", T0, 5 * MINUTE, "10.12345678", "10.1")); // other spec
    rows.add(bar("CCC.XNAS", "1m", T0, MINUTE, "5", "6")); // other instrument
    MarketRows.bars(db, rows);

    List<Bar> got = minuteBars(List.of(BBB, AAA), T0 + 3 * MINUTE);

    assertThat(got).containsExactly(rows.get(1), rows.get(0), rows.get(2), rows.get(3));
    assertThat(got.get(0).open()).isEqualTo(new BigDecimal("10.12345678"));
    assertThat(got.get(0).high().scale()).isEqualTo(8);
  }

  @Test
  void barSourceReadsManyBarsThroughTheCursor() throws SQLException {
    List<Bar> rows = new ArrayList<>(zigZag(AAA, 5_000, 0));
    rows.addAll(zigZag(BBB, 5_000, 2));
    MarketRows.bars(db, rows);

    List<Bar> got = minuteBars(List.of(AAA, BBB), T0 + 5_000 * MINUTE);

    assertThat(got).isEqualTo(HistoricalBars.of(rows).bars());
  }

  @Test
  void tradeSourceBuildsTheBarsOfTheTradesInTheRange() throws SQLException {
    long s = 1_000_000_000L;
    MarketRows.trades(
        db,
        List.of(
            new HistoricalTrade(AAA, T0 + 5 * s, new BigDecimal("10.0"), new BigDecimal("2")),
            new HistoricalTrade(AAA, T0 + 20 * s, new BigDecimal("10.4"), new BigDecimal("1")),
            new HistoricalTrade(BBB, T0 + 30 * s, new BigDecimal("50"), new BigDecimal("3")),
            new HistoricalTrade(AAA, T0 + 40 * s, new BigDecimal("9.8"), new BigDecimal("1")),
            new HistoricalTrade(AAA, T0 + 59 * s, new BigDecimal("10.1"), new BigDecimal("4")),
            new HistoricalTrade(AAA, T0 + 61 * s, new BigDecimal("10.2"), new BigDecimal("1")),
            new HistoricalTrade(AAA, T0 + 125 * s, new BigDecimal("99"), new BigDecimal("1"))));

    List<Bar> got =
        read(
            JdbcTradeSource.bars(
                db,
                List.of(AAA, BBB),
                "1m",
                Instant.ofEpochSecond(0, T0),
                Instant.ofEpochSecond(0, T0 + 2 * MINUTE)));

    // By hand: AAA's first minute O 10.0 H 10.4 L 9.8 C 10.1 V 8, VWAP (20 + 10.4 + 9.8 + 40.4) / 8
    // = 10.075;
    // BBB's one trade; AAA's second minute one trade; the trade at 125 s is past "to".
    assertThat(got)
        .extracting(
            Bar::instrumentId, Bar::end, Bar::open, Bar::high, Bar::low, Bar::close, Bar::volume)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AAA, T0 + MINUTE, d("10.0"), d("10.4"), d("9.8"), d("10.1"), d("8")),
            org.assertj.core.groups.Tuple.tuple(
                BBB, T0 + MINUTE, d("50"), d("50"), d("50"), d("50"), d("3")),
            org.assertj.core.groups.Tuple.tuple(
                AAA, T0 + 2 * MINUTE, d("10.2"), d("10.2"), d("10.2"), d("10.2"), d("1")));
    assertThat(got.get(0).vwap()).isEqualByComparingTo("10.075");
  }

  static BacktestRequest request(BacktestRequest.Source source, Instant from, Instant to) {
    return new BacktestRequest(
        "ma-crossover",
        Map.of("fast", "3", "slow", "8"),
        List.of(AAA, BBB),
        "1m",
        from,
        to,
        source,
        new BigDecimal("100000"),
        new BigDecimal("5"),
        new BigDecimal("2"),
        new BigDecimal("0.4"),
        BacktestRequest.defaultPeriodsPerYear("1m"));
  }

  @Test
  void aDatabaseRunEqualsTheEngineOnTheSameBarsAndIsStoredExactly() throws SQLException {
    List<Bar> rows = new ArrayList<>(zigZag(AAA, 400, 0));
    rows.addAll(zigZag(BBB, 400, 3));
    MarketRows.bars(db, rows);
    MarketRows.instrument(db, AAA, "0.01", "1");
    BacktestRequest request =
        request(
            BacktestRequest.Source.BARS,
            Instant.ofEpochSecond(0, T0),
            Instant.ofEpochSecond(0, T0 + 400 * MINUTE));

    BacktestResult fromDb = DatabaseBacktest.run(db, request, BacktestProgress.NONE);
    Instruments instruments =
        Instruments.of(
            // as the instruments table holds them (numeric(28,8)); BBB is not in it
            new Instrument(AAA, d("0.01"), d("1")),
            new Instrument(BBB, new BigDecimal("0.00000001"), new BigDecimal("0.00000001")));
    BacktestResult reference =
        Backtest.run(
            request.config(instruments), HistoricalBars.of(rows).source(), BacktestProgress.NONE);

    assertThat(fromDb).isEqualTo(reference);
    assertThat(fromDb.trades()).hasSizeGreaterThan(5);
    assertThat(fromDb.fills())
        .filteredOn(f -> f.instrumentId().equals(AAA))
        .allSatisfy(
            f -> assertThat(f.lastQty().stripTrailingZeros().scale()).isLessThanOrEqualTo(0));

    BacktestStore store = new BacktestStore(db);
    Instant now = Instant.parse("2026-02-01T10:00:00Z");
    UUID id = store.create(request, "alice", now);
    assertThat(store.find(id).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);
    store.markRunning(id, now.plusSeconds(1));
    store.saveResult(id, fromDb, now.plusSeconds(2));

    StoredBacktest stored = store.find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(stored.createdBy()).isEqualTo("alice");
    assertThat(stored.request()).isEqualTo(request);
    assertThat(stored.createdAt()).isEqualTo(now);
    assertThat(stored.finishedAt()).isEqualTo(now.plusSeconds(2));
    assertThat(stored.result()).isEqualTo(fromDb);

    StoredBacktest page = store.find(id, new Page(2, 3)).orElseThrow();
    assertThat(page.trades()).isEqualTo(fromDb.trades().subList(2, 5));
    assertThat(page.equity()).isEqualTo(fromDb.equityCurve().subList(2, 5));
    assertThat(page.tradeCount()).isEqualTo(fromDb.trades().size());
    assertThat(page.equityCount()).isEqualTo(fromDb.equityCurve().size());
  }

  @Test
  void tradeLevelRunsReadTheTradesTable() throws SQLException {
    long s = 1_000_000_000L;
    List<HistoricalTrade> trades = new ArrayList<>();
    for (Bar b : zigZag(AAA, 60, 0)) {
      trades.add(new HistoricalTrade(AAA, b.start() + s, b.open(), BigDecimal.ONE));
      trades.add(new HistoricalTrade(AAA, b.start() + 50 * s, b.close(), BigDecimal.TEN));
    }
    MarketRows.trades(db, trades);
    BacktestRequest request =
        new BacktestRequest(
            "ma-crossover",
            Map.of("fast", "2", "slow", "5"),
            List.of(AAA),
            "1m",
            Instant.ofEpochSecond(0, T0),
            Instant.ofEpochSecond(0, T0 + 60 * MINUTE),
            BacktestRequest.Source.TRADES,
            new BigDecimal("100000"),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ONE,
            100);

    BacktestResult result = DatabaseBacktest.run(db, request, BacktestProgress.NONE);

    assertThat(result.bars()).isEqualTo(60);
    assertThat(result.fills()).isNotEmpty();
  }

  @Test
  void anEmptyRangeIsAClearError() {
    BacktestRequest request =
        request(
            BacktestRequest.Source.BARS,
            Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2020-01-02T00:00:00Z"));

    assertThatThrownBy(() -> DatabaseBacktest.run(db, request, BacktestProgress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no 1m bars of AAA.XNAS, BBB.XNAS between 2020-01-01T00:00:00Z and"
                + " 2020-01-02T00:00:00Z");
  }

  @Test
  void aFailedRunKeepsItsReason() {
    BacktestStore store = new BacktestStore(db);
    Instant now = Instant.parse("2026-02-01T10:00:00Z");
    UUID id =
        store.create(request(BacktestRequest.Source.BARS, now.minusSeconds(3600), now), "bob", now);

    store.markFailed(id, "no bars", now.plusSeconds(1));

    StoredBacktest stored = store.find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stored.error()).isEqualTo("no bars");
    assertThat(stored.report()).isNull();
    assertThat(store.find(UUID.randomUUID())).isEmpty();
  }
}
