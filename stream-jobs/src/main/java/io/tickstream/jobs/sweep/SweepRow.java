package io.tickstream.jobs.sweep;

import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.StrategyPlan;
import io.tickstream.execution.backtest.sweep.SweepCase;
import io.tickstream.execution.metrics.PerformanceReport;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One case's result as the sweep job ships and writes it: plain values, with the final equity as
 * the engine's exact decimal text and the metrics as doubles (NaN without a report).
 *
 * @param rank 1 for the best, 0 before ranking
 * @param caseIndex position of the case in {@link SweepJobConfig#cases}
 * @param strategy strategy name
 * @param params the plan's parameters, {@code name=value} joined by ';' in name order
 * @param instrument instrument traded, or {@code *} for all at once
 * @param period period label
 * @param score the ranking metric's value
 * @param finalEquity exact final equity
 * @param totalReturn total return
 * @param sharpe Sharpe ratio
 * @param maxDrawdown maximum drawdown
 * @param trades closed round trips
 * @param fills fills
 * @param ordersDenied orders the risk engine denied
 * @param bars bars read
 */
public record SweepRow(
    int rank,
    int caseIndex,
    String strategy,
    String params,
    String instrument,
    String period,
    double score,
    String finalEquity,
    double totalReturn,
    double sharpe,
    double maxDrawdown,
    int trades,
    int fills,
    int ordersDenied,
    long bars) {

  /** The CSV header of {@link #csvLine}. */
  public static final String CSV_HEADER =
      "rank,case,strategy,params,instrument,period,score,final_equity,total_return,sharpe,"
          + "max_drawdown,trades,fills,orders_denied,bars";

  /** The row of case {@code index}, before ranking. */
  public static SweepRow of(int index, SweepCase c, double score, BacktestResult r) {
    PerformanceReport report = r.report();
    String name = c.plan() instanceof StrategyPlan.Named n ? n.name() : c.plan().toString();
    String params = paramsOf(c.plan());
    return new SweepRow(
        0,
        index,
        name,
        params,
        c.instrumentId() == null ? "*" : c.instrumentId(),
        c.period().label(),
        score,
        r.finalEquity().toString(),
        report == null ? Double.NaN : report.totalReturn(),
        report == null ? Double.NaN : report.sharpe(),
        report == null ? Double.NaN : report.drawdown().maxDrawdown(),
        r.trades().size(),
        r.fills().size(),
        r.ordersDenied(),
        r.bars());
  }

  /** A plan's parameters as {@code name=value} joined by ';' in name order (empty for a vote). */
  static String paramsOf(StrategyPlan plan) {
    return plan instanceof StrategyPlan.Named n
        ? n.params().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"))
        : "";
  }

  /** This row with {@code rank}. */
  public SweepRow withRank(int rank) {
    return new SweepRow(
        rank,
        caseIndex,
        strategy,
        params,
        instrument,
        period,
        score,
        finalEquity,
        totalReturn,
        sharpe,
        maxDrawdown,
        trades,
        fills,
        ordersDenied,
        bars);
  }

  /** The row as CSV (doubles in Java's shortest exact form; text quoted when needed). */
  public String csvLine() {
    return List.of(
            String.valueOf(rank),
            String.valueOf(caseIndex),
            quote(strategy),
            quote(params),
            quote(instrument),
            quote(period),
            String.valueOf(score),
            finalEquity,
            String.valueOf(totalReturn),
            String.valueOf(sharpe),
            String.valueOf(maxDrawdown),
            String.valueOf(trades),
            String.valueOf(fills),
            String.valueOf(ordersDenied),
            String.valueOf(bars))
        .stream()
        .collect(Collectors.joining(","));
  }

  private static String quote(String text) {
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }
}
