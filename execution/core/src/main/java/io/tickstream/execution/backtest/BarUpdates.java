package io.tickstream.execution.backtest;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;

/**
 * The two market updates a backtest makes of each bar, which together rule out look-ahead.
 *
 * <ol>
 *   <li>{@link #open}: the bar seen at its start, every price its open. An order decided on the
 *       previous bar's close fills here: at the next open, the first price anyone could have traded
 *       at after that close. It is stamped {@code start + 1 ns} because the paper broker fills only
 *       on data strictly after an order's time, and a bar that starts when the previous one ends
 *       would otherwise share the order's nanosecond. The bar's whole volume is offered to it (the
 *       participation rate of the fill model still applies).
 *   <li>{@link #close}: the bar seen at its end, every price its close and no volume. It marks
 *       positions and becomes the reference price of the decision on this bar; with no volume it
 *       fills nothing, so no order trades at the close it was decided on.
 * </ol>
 *
 * Neither uses the high or low: whether a price inside the bar was reachable after the order is
 * unknowable from the bar alone.
 */
public final class BarUpdates {

  private BarUpdates() {}

  /** The bar at its start: bid = ask = last = open, volume = the bar's volume. */
  public static MarketUpdate open(Bar bar) {
    return new MarketUpdate(
        bar.instrumentId(), bar.start() + 1, bar.open(), bar.open(), bar.open(), bar.volume());
  }

  /** The bar at its end: bid = ask = last = close, volume zero. */
  public static MarketUpdate close(Bar bar) {
    return new MarketUpdate(
        bar.instrumentId(), bar.end(), bar.close(), bar.close(), bar.close(), BigDecimal.ZERO);
  }
}
