package io.tickstream.execution.backtest.sweep;

import io.tickstream.execution.portfolio.ClosedTrade;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monte Carlo resampling of a trade list (a bootstrap, Efron 1979): each simulation draws as many
 * trades as there were, with replacement, and applies their PnL in the drawn order to the starting
 * equity. The spread of the simulated total returns and maximum drawdowns says how much of a
 * backtest's result depends on the luck of which trades happened and in what order.
 *
 * <p>Seeded ({@link SplittableRandom}), so the same inputs give the same intervals. Trades are
 * treated as independent and their PnL as fixed money amounts (no compounding of position size).
 */
public final class TradeResampling {

  private TradeResampling() {}

  /**
   * A two-sided interval and the median of a simulated statistic.
   *
   * @param low the {@code (1 - confidence) / 2} quantile
   * @param median the 0.5 quantile
   * @param high the {@code (1 + confidence) / 2} quantile
   */
  public record Interval(double low, double median, double high) {}

  /**
   * What the simulations gave.
   *
   * @param simulations number of simulated trade sequences
   * @param confidence e.g. 0.95
   * @param totalReturn final over starting equity, minus one
   * @param maxDrawdown largest fall from a running peak, as a fraction of that peak (equity is
   *     taken at the start and after each trade)
   * @param probabilityOfLoss share of simulations that ended below the starting equity
   */
  public record Result(
      int simulations,
      double confidence,
      Interval totalReturn,
      Interval maxDrawdown,
      double probabilityOfLoss) {}

  /**
   * Resamples {@code trades}.
   *
   * @param startingEquity equity before the first trade, {@code > 0}
   * @param simulations at least 1
   * @param confidence in (0, 1)
   * @param seed random seed
   */
  public static Result run(
      List<ClosedTrade> trades,
      BigDecimal startingEquity,
      int simulations,
      double confidence,
      long seed) {
    if (trades.isEmpty()) {
      throw new IllegalArgumentException("no trades to resample");
    }
    if (simulations < 1 || !(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("need simulations >= 1 and confidence in (0, 1)");
    }
    double start = startingEquity.doubleValue();
    if (!(start > 0)) {
      throw new IllegalArgumentException("starting equity must be > 0");
    }
    double[] pnl = trades.stream().mapToDouble(t -> t.pnl().doubleValue()).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    double[] returns = new double[simulations];
    double[] drawdowns = new double[simulations];
    int losses = 0;
    for (int s = 0; s < simulations; s++) {
      double equity = start;
      double peak = start;
      double worst = 0;
      for (int i = 0; i < pnl.length; i++) {
        equity += pnl[random.nextInt(pnl.length)];
        peak = Math.max(peak, equity);
        // Equity at or below zero is a total loss: a drawdown of 100 %.
        worst = Math.max(worst, equity <= 0 ? 1 : 1 - equity / peak);
      }
      returns[s] = equity / start - 1;
      drawdowns[s] = worst;
      if (equity < start) {
        losses++;
      }
    }
    return new Result(
        simulations,
        confidence,
        interval(returns, confidence),
        interval(drawdowns, confidence),
        (double) losses / simulations);
  }

  private static Interval interval(double[] values, double confidence) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Interval(
        quantile(sorted, (1 - confidence) / 2),
        quantile(sorted, 0.5),
        quantile(sorted, (1 + confidence) / 2));
  }

  /** Linear interpolation between closest ranks (type 7 of Hyndman and Fan, 1996, as numpy). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
