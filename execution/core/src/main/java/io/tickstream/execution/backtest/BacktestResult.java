package io.tickstream.execution.backtest;

import io.tickstream.execution.metrics.EquityPoint;
import io.tickstream.execution.metrics.PerformanceReport;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.portfolio.ClosedTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a backtest produced.
 *
 * @param bars bars read (warm-up bars included)
 * @param fills every fill, in time order
 * @param trades completed round trips; a position still open at the end is not one (it is in the
 *     equity curve at its last mark)
 * @param equityCurve equity after every distinct bar end from the first traded bar on
 * @param finalEquity equity at the end, exact
 * @param ordersDenied orders the risk engine denied
 * @param report the metrics; null with fewer than two curve points
 */
public record BacktestResult(
    long bars,
    List<OrderFilled> fills,
    List<ClosedTrade> trades,
    List<EquityPoint> equityCurve,
    BigDecimal finalEquity,
    int ordersDenied,
    PerformanceReport report) {

  public BacktestResult {
    fills = List.copyOf(fills);
    trades = List.copyOf(trades);
    equityCurve = List.copyOf(equityCurve);
    Objects.requireNonNull(finalEquity, "finalEquity");
  }
}
