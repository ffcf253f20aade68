package io.tickstream.execution.metrics;

import io.tickstream.execution.portfolio.ClosedTrade;
import java.math.BigDecimal;
import java.util.List;

/**
 * Statistics of closed round trips.
 *
 * @param trades number of trades
 * @param winRate share of trades with PnL {@code > 0} (break-even trades are not wins); NaN with no
 *     trades
 * @param profitFactor gross profit / gross loss (absolute); +Infinity with profits and no losses,
 *     NaN with neither
 * @param averageDurationNanos mean holding time; NaN with no trades
 * @param grossProfit sum of winning trades' PnL, exact
 * @param grossLoss sum of losing trades' PnL (negative or zero), exact
 */
public record TradeStatistics(
    int trades,
    double winRate,
    double profitFactor,
    double averageDurationNanos,
    BigDecimal grossProfit,
    BigDecimal grossLoss) {

  /** Statistics of {@code trades}. */
  public static TradeStatistics of(List<ClosedTrade> trades) {
    BigDecimal profit = BigDecimal.ZERO;
    BigDecimal loss = BigDecimal.ZERO;
    int wins = 0;
    double duration = 0;
    for (ClosedTrade t : trades) {
      if (t.pnl().signum() > 0) {
        wins++;
        profit = profit.add(t.pnl());
      } else {
        loss = loss.add(t.pnl());
      }
      duration += t.durationNanos();
    }
    int n = trades.size();
    double factor;
    if (loss.signum() == 0) {
      factor = profit.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else {
      factor = profit.doubleValue() / loss.abs().doubleValue();
    }
    return new TradeStatistics(
        n,
        n == 0 ? Double.NaN : (double) wins / n,
        factor,
        n == 0 ? Double.NaN : duration / n,
        profit,
        loss);
  }
}
