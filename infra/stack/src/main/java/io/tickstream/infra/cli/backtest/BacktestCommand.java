package io.tickstream.infra.cli.backtest;

import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.store.BacktestStore;
import io.tickstream.infra.stack.StackConfig;
import io.tickstream.sink.SinkSchema;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickstream backtest}: one strategy over history from the database (or a CSV file), with a
 * progress bar, a summary table, the run stored in {@code backtest_runs} and an optional PNG chart;
 * with {@code --sweep}, a parameter grid ranked by a metric.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Backtest a strategy over stored bars (or trades, or a CSV file) with the live trading"
          + " rules; prints the metrics and stores the run (its id is printed).",
      "Example: backtest --strategy ma-crossover --params fast=10,slow=30"
          + " --instruments BTCUSD.SIM --from 2026-01-01 --to 2026-02-01 --spec 1m"
    })
public final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--strategy", required = true, description = "Strategy name, e.g. ma-crossover.")
  String strategy;

  @Option(
      names = "--params",
      description = "Strategy parameters k=v,k2=v2 (with --sweep: k=a|b|c).")
  String params;

  @Option(
      names = "--instruments",
      required = true,
      description = "Instrument ids, comma-separated.")
  String instruments;

  @Option(
      names = "--from",
      required = true,
      converter = UtcTimeConverter.class,
      description = "First bar start: 2026-01-05 (UTC) or 2026-01-05T09:30:00Z.")
  Instant from;

  @Option(
      names = "--to",
      required = true,
      converter = UtcTimeConverter.class,
      description = "Last bar end, same forms.")
  Instant to;

  @Option(
      names = "--spec",
      defaultValue = "1m",
      description = "Bar spec (default: ${DEFAULT-VALUE}).")
  String barSpec;

  @Option(
      names = "--source",
      defaultValue = "db",
      description =
          "db (bars table), trades (trades table, aggregated) or csv (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--csv", paramLabel = "FILE", description = "Bar file of --source csv.")
  Path csv;

  @Option(names = "--db-url", description = "JDBC URL (default: ${DEFAULT-VALUE}).")
  String dbUrl = "jdbc:postgresql://localhost:" + StackConfig.POSTGRES_PORT + "/postgres";

  @Option(names = "--db-user", description = "Database user (default: ${DEFAULT-VALUE}).")
  String dbUser = "postgres";

  @Option(names = "--db-password", description = "Database password (default: none).")
  String dbPassword = "";

  @Option(
      names = "--no-store",
      description = "Do not store the run (csv source without a database).")
  boolean noStore;

  @Option(
      names = "--cash",
      defaultValue = "100000",
      description = "Starting cash (default: ${DEFAULT-VALUE}).")
  BigDecimal cash;

  @Option(
      names = "--fraction",
      defaultValue = "0.95",
      description = "Share of equity per position (default: ${DEFAULT-VALUE}).")
  BigDecimal fraction;

  @Option(
      names = "--commission-bps",
      defaultValue = "0",
      description = "Commission, basis points of notional (default: ${DEFAULT-VALUE}).")
  BigDecimal commissionBps;

  @Option(
      names = "--slippage-bps",
      defaultValue = "0",
      description = "Slippage, basis points (default: ${DEFAULT-VALUE}).")
  BigDecimal slippageBps;

  @Option(
      names = "--periods-per-year",
      description =
          "Curve points per year for Sharpe etc. (default: 252 for 1d, else from --spec).")
  Integer periodsPerYear;

  @Option(
      names = "--chart",
      paramLabel = "PNG",
      description = "Write the equity and drawdown chart.")
  Path chart;

  @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
  boolean noProgress;

  @Option(names = "--sweep", description = "Run every combination of --params alternatives.")
  boolean sweep;

  @Option(
      names = "--rank-by",
      defaultValue = "sharpe",
      description =
          "Sweep ranking: sharpe, sortino, total_return, cagr, max_drawdown, profit_factor, win_rate (default: ${DEFAULT-VALUE}).")
  String rankBy;

  /** Clock of the stored times; tests may replace it. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BacktestRequest.Source kind;
    try {
      kind = source();
      if (sweep) {
        return new SweepRun(this).run(out, kind);
      }
      BacktestRequest request = request(ParamList.parse(params), kind);
      return runOne(request, out, err);
    } catch (IllegalArgumentException e) {
      err.println("backtest: " + e.getMessage());
      return 2;
    }
  }

  private int runOne(BacktestRequest request, PrintWriter out, PrintWriter err) {
    PGSimpleDataSource db = noStore && request.source() == BacktestRequest.Source.CSV ? null : db();
    BacktestStore store = null;
    UUID id = null;
    if (db != null) {
      try {
        // Idempotent: creates the backtest tables (V5) on a database the sink has not set up yet.
        SinkSchema.migrate(db);
        store = new BacktestStore(db);
        id =
            store.create(
                request, "cli:" + System.getProperty("user.name", "unknown"), clock.instant());
        store.markRunning(id, clock.instant());
      } catch (RuntimeException e) {
        err.println(
            "backtest: cannot use the database at "
                + dbUrl
                + " ("
                + e.getMessage()
                + "); start it with ./tickstream up, or pass --db-url"
                + (request.source() == BacktestRequest.Source.CSV ? ", or --no-store" : ""));
        return 1;
      }
    }
    BacktestResult result;
    BarProgress progress = progress(request);
    try {
      result = Sources.run(request, db, csv, progress == null ? BacktestProgress.NONE : progress);
      if (progress != null) {
        progress.finish();
      }
    } catch (RuntimeException e) {
      if (store != null) {
        store.markFailed(id, e.getMessage(), clock.instant());
      }
      err.println("backtest failed: " + e.getMessage());
      return e instanceof IllegalArgumentException ? 2 : 1;
    }
    if (store != null) {
      store.saveResult(id, result, clock.instant());
    }
    out.printf(
        Locale.ROOT,
        "%s %s on %s, %s bars %s .. %s%n",
        request.strategy(),
        request.params(),
        String.join(",", request.instruments()),
        request.spec(),
        request.from(),
        request.to());
    BacktestSummary.print(out, result);
    if (chart != null) {
      try {
        EquityChart.write(chart, request.strategy() + " " + request.params(), result.equityCurve());
        out.println("chart: " + chart);
      } catch (java.io.IOException | IllegalArgumentException e) {
        err.println("chart not written: " + e.getMessage());
        return 1;
      }
    }
    if (id != null) {
      out.println("run id: " + id);
    }
    out.flush();
    return 0;
  }

  BacktestRequest request(java.util.Map<String, String> values, BacktestRequest.Source kind) {
    return new BacktestRequest(
        strategy,
        values,
        ParamList.list(instruments),
        barSpec,
        from,
        to,
        kind,
        cash,
        commissionBps,
        slippageBps,
        fraction,
        periodsPerYear != null ? periodsPerYear : BacktestRequest.defaultPeriodsPerYear(barSpec));
  }

  private BacktestRequest.Source source() {
    BacktestRequest.Source kind =
        switch (source.toLowerCase(Locale.ROOT)) {
          case "db", "bars" -> BacktestRequest.Source.BARS;
          case "trades" -> BacktestRequest.Source.TRADES;
          case "csv" -> BacktestRequest.Source.CSV;
          default ->
              throw new IllegalArgumentException(
                  "--source '" + source + "' is not db, trades or csv");
        };
    if ((kind == BacktestRequest.Source.CSV) != (csv != null)) {
      throw new IllegalArgumentException("--csv FILE goes with --source csv, and only with it");
    }
    return kind;
  }

  PGSimpleDataSource db() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(dbUrl);
    ds.setUser(dbUser);
    ds.setPassword(dbPassword);
    return ds;
  }

  private BarProgress progress(BacktestRequest request) {
    return noProgress ? null : new BarProgress(System.err, request.from(), request.to());
  }
}
