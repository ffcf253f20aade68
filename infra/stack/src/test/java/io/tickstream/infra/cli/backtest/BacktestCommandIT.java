package io.tickstream.infra.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.backtest.Backtest;
import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.source.HistoricalBars;
import io.tickstream.execution.backtest.store.BacktestStore;
import io.tickstream.execution.backtest.store.RunStatus;
import io.tickstream.execution.backtest.store.StoredBacktest;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.portfolio.ClosedTrade;
import io.tickstream.infra.cli.TickstreamCli;
import io.tickstream.infra.embedded.EmbeddedPostgres;
import io.tickstream.signals.bars.Bar;
import io.tickstream.sink.SinkSchema;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tickstream backtest} run in-process against a real PostgreSQL holding nine hand-made daily
 * bars: the stored run equals the engine's result on the same bars, and its first trade is the one
 * worked out by hand.
 */
class BacktestCommandIT {
  static final String AAPL = "AAPL.XNAS";
  static final long DAY = 86_400_000_000_000L;
  static final long T0 = 1_356_998_400_000_000_000L; // 2013-01-01T00:00Z

  /** open, close per day. */
  static final String[][] DAYS = {
    {"100", "100"},
    {"100", "101"}, // close above the previous: LONG, buy at the next open
    {"102", "103"}, // BUY at 102 * 1.001 = 102.102
    {"104", "102"}, // close below the previous: FLAT, sell at the next open
    {"108", "110"}, // SELL at 108 * 0.999 = 107.892; LONG again
    {"111", "109"},
    {"107", "112"},
    {"113", "111"},
    {"120", "110"},
  };

  @TempDir static Path dir;
  static EmbeddedPostgres postgres;
  static List<Bar> bars = new ArrayList<>();

  @BeforeAll
  static void seed() throws SQLException {
    postgres = EmbeddedPostgres.start(0, dir.resolve("pg"));
    SinkSchema.migrate(postgres.dataSource());
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < DAYS.length; i++) {
      BigDecimal open = new BigDecimal(DAYS[i][0]).setScale(8);
      BigDecimal close = new BigDecimal(DAYS[i][1]).setScale(8);
      Bar b =
          new Bar(
              AAPL,
              "1d",
              T0 + i * DAY,
              T0 + (i + 1) * DAY,
              open,
              open.max(close),
              open.min(close),
              close,
              new BigDecimal("1000000").setScale(8),
              1,
              close,
              0);
      bars.add(b);
      values
          .append(i == 0 ? "" : ",")
          .append(
              String.format(
                  "('%s','1d',to_timestamp(%d),to_timestamp(%d),%s,%s,%s,%s,%s,1,%s,0,now())",
                  AAPL,
                  b.start() / 1_000_000_000L,
                  b.end() / 1_000_000_000L,
                  b.open(),
                  b.high(),
                  b.low(),
                  b.close(),
                  b.volume(),
                  b.vwap()));
    }
    try (Connection c = postgres.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO bars VALUES " + values);
      s.execute(
          "INSERT INTO instruments VALUES ('"
              + AAPL
              + "','AAPL','XNAS','EQUITY','USD',0.01,1,null,true,now())");
    }
  }

  @AfterAll
  static void down() {
    if (postgres != null) {
      postgres.close();
    }
  }

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of("backtest", "--db-url", postgres.jdbcUrl()));
    all.addAll(List.of("--db-user", postgres.user(), "--no-progress"));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(TickstreamCli.class)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  static final String[] CROSSOVER = {
    "--strategy", "ma-crossover",
    "--params", "fast=1,slow=2,allowShort=false",
    "--instruments", AAPL,
    "--spec", "1d",
    "--from", "2013-01-01",
    "--to", "2013-01-10",
    "--cash", "10000",
    "--fraction", "0.5",
    "--commission-bps", "5",
    "--slippage-bps", "10"
  };

  static String[] crossover(String... more) {
    List<String> all = new ArrayList<>(List.of(CROSSOVER));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void storesTheEnginesResultAndTheHandCheckedTradeAndDrawsTheChart() throws Exception {
    Path png = dir.resolve("equity.png");

    Run run = cli(crossover("--chart", png.toString()));

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("total return", "Sharpe", "max drawdown", "win rate");
    Matcher m = Pattern.compile("run id: ([0-9a-f-]{36})").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    StoredBacktest stored =
        new BacktestStore(postgres.dataSource()).find(UUID.fromString(m.group(1))).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.SUCCEEDED);

    // The engine on the same bars, with the instrument as the table holds it.
    Instruments aapl =
        Instruments.of(
            new Instrument(AAPL, new BigDecimal("0.01000000"), new BigDecimal("1.00000000")));
    BacktestResult engine =
        Backtest.run(
            stored.request().config(aapl), HistoricalBars.of(bars).source(), BacktestProgress.NONE);
    assertThat(stored.result()).isEqualTo(engine);

    // By hand: 10,000 * 0.5 / 101 (the decision close) = 49.5 -> 49 shares, bought at the next
    // open with 10 bps slippage, 102.102, sold two days later at 108 * 0.999 = 107.892.
    // Commissions 5 bps: 49 * 102.102 * 0.0005 = 2.501499 and 49 * 107.892 * 0.0005 = 2.643354.
    // PnL = 49 * (107.892 - 102.102) - 2.501499 - 2.643354 = 278.565147.
    OrderFilled buy = stored.fills().get(0);
    assertThat(buy.side()).isEqualTo(OrderSide.BUY);
    assertThat(buy.lastQty()).isEqualByComparingTo("49");
    assertThat(buy.lastPx()).isEqualByComparingTo("102.102");
    assertThat(buy.commission()).isEqualByComparingTo("2.501499");
    assertThat(buy.tsEvent()).isEqualTo(T0 + 2 * DAY + 1);
    ClosedTrade first = stored.trades().get(0);
    assertThat(first.pnl()).isEqualByComparingTo("278.565147");
    assertThat(first.entryTs()).isEqualTo(T0 + 2 * DAY + 1);
    assertThat(first.exitTs()).isEqualTo(T0 + 4 * DAY + 1);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(EquityChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(EquityChart.HEIGHT);
  }

  /** A daily crossover run of {@code strategy} with {@code params} over {@code from .. to}. */
  static Run daily(String strategy, String params, String from, String to) {
    return cli(
        "--strategy",
        strategy,
        "--params",
        params,
        "--instruments",
        AAPL,
        "--spec",
        "1d",
        "--from",
        from,
        "--to",
        to);
  }

  @Test
  void unknownStrategiesBadParametersAndEmptyRangesAreClearErrors() {
    Run unknown = daily("nope", "", "2013-01-01", "2013-01-10");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown strategy 'nope'", "ma-crossover");

    Run badParam = daily("ma-crossover", "fast=abc,slow=2", "2013-01-01", "2013-01-10");
    assertThat(badParam.code()).isEqualTo(2);
    assertThat(badParam.err()).contains("fast");

    Run malformed = daily("ma-crossover", "fast", "2013-01-01", "2013-01-10");
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains("'fast' is not key=value");

    Run backwards = daily("ma-crossover", "fast=1,slow=2", "2013-01-10", "2013-01-01");
    assertThat(backwards.code()).isEqualTo(2);
    assertThat(backwards.err()).contains("must be before to");

    Run empty = daily("ma-crossover", "fast=1,slow=2", "2020-01-01", "2020-02-01");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err())
        .contains("no 1d bars of AAPL.XNAS between 2020-01-01T00:00:00Z and 2020-02-01T00:00:00Z");
  }

  @Test
  void anUnreachableDatabaseIsNamedWithTheWayOut() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    List<String> args = new ArrayList<>(List.of("backtest", "--no-progress", "--db-url"));
    args.add("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
    args.addAll(List.of(CROSSOVER));
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(TickstreamCli.class)
            .setErr(new PrintWriter(err, true))
            .execute(args.toArray(String[]::new));

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString())
        .contains("cannot use the database at jdbc:postgresql://127.0.0.1:" + closedPort)
        .contains("./tickstream up");
  }

  @Test
  void aSweepRanksEveryValidCombination() {
    List<String> args = new ArrayList<>(List.of(crossover("--sweep", "--rank-by", "total_return")));
    args.set(args.indexOf("fast=1,slow=2,allowShort=false"), "fast=1|2,slow=2|3,allowShort=false");

    Run run = cli(args.toArray(String[]::new));

    assertThat(run.code()).as(run.err()).isZero();
    // fast=2, slow=2 is not a crossover: three combinations remain.
    assertThat(run.out()).contains("3 runs over 9 bars, ranked by total_return");
    assertThat(run.out().lines().filter(l -> l.matches("\\s+[123]\\s+\\{.*"))).hasSize(3);
  }
}
