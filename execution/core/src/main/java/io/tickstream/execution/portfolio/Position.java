package io.tickstream.execution.portfolio;

import io.tickstream.execution.Precision;
import io.tickstream.execution.orders.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position in one instrument, immutable: {@link #apply} returns the next one.
 *
 * <p>Average cost is the quantity-weighted average of the fills that opened or added to the
 * position, fees excluded, rounded to {@link Precision#SCALE} places. A reducing fill realizes
 * {@code closed * (price - avgCost)} for a long ({@code closed * (avgCost - price)} for a short)
 * and leaves the average cost unchanged; a fill through zero closes the old position and opens the
 * rest at the fill price. Every fill's commission is deducted from realized PnL, as NautilusTrader
 * does, so realized PnL is net of all fees paid.
 *
 * @param instrumentId SYMBOL.VENUE
 * @param quantity signed: positive long, negative short, zero flat
 * @param avgCost average entry price of the open quantity; zero when flat
 * @param realizedPnl realized PnL net of commissions since the account started
 * @param tripRealizedPnl realized PnL net of commissions since the position was last opened
 * @param openedAt time of the fill that opened the current position; zero when flat
 */
public record Position(
    String instrumentId,
    BigDecimal quantity,
    BigDecimal avgCost,
    BigDecimal realizedPnl,
    BigDecimal tripRealizedPnl,
    long openedAt) {

  public Position {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(avgCost, "avgCost");
    Objects.requireNonNull(realizedPnl, "realizedPnl");
    Objects.requireNonNull(tripRealizedPnl, "tripRealizedPnl");
  }

  /** A flat position with nothing realized. */
  public static Position flat(String instrumentId) {
    return new Position(
        instrumentId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0L);
  }

  /**
   * The position after a fill.
   *
   * @param side the fill's side
   * @param qty fill quantity, {@code > 0}
   * @param price fill price
   * @param commission fee of the fill
   * @param ts fill time, epoch nanoseconds
   * @return the next position, and the round trip this fill completed, if any
   */
  public Transition apply(
      OrderSide side, BigDecimal qty, BigDecimal price, BigDecimal commission, long ts) {
    BigDecimal signedFill = side.signed(qty);
    BigDecimal next = quantity.add(signedFill);
    if (quantity.signum() == 0 || quantity.signum() == signedFill.signum()) {
      // Opening or adding: weight the old average by the old size and the fill by its size.
      boolean opening = quantity.signum() == 0;
      // Opening from flat, that average is (qty * price) / qty = price exactly, and rounding the
      // exact quotient to SCALE places is rounding the price: the same value and scale as the
      // division, without the division (most fills of a backtest open a position).
      BigDecimal cost =
          opening
              ? Precision.round(price)
              : Precision.divide(
                  quantity.abs().multiply(avgCost).add(qty.multiply(price)), next.abs());
      BigDecimal trip = opening ? BigDecimal.ZERO : tripRealizedPnl;
      return new Transition(
          new Position(
              instrumentId,
              next,
              cost,
              realizedPnl.subtract(commission),
              trip.subtract(commission),
              opening ? ts : openedAt),
          null);
    }
    BigDecimal closed = qty.min(quantity.abs());
    BigDecimal pnl =
        closed.multiply(price.subtract(avgCost)).multiply(BigDecimal.valueOf(quantity.signum()));
    BigDecimal realized = realizedPnl.add(pnl).subtract(commission);
    BigDecimal trip = tripRealizedPnl.add(pnl).subtract(commission);
    if (next.signum() == quantity.signum()) {
      return new Transition(
          new Position(instrumentId, next, avgCost, realized, trip, openedAt), null);
    }
    // Back to or through zero: the trip is complete and carries this fill's whole commission;
    // any rest opens a new position at the fill price.
    OrderSide entrySide = quantity.signum() > 0 ? OrderSide.BUY : OrderSide.SELL;
    ClosedTrade done = new ClosedTrade(instrumentId, entrySide, openedAt, ts, trip);
    Position after =
        next.signum() == 0
            ? new Position(instrumentId, next, BigDecimal.ZERO, realized, BigDecimal.ZERO, 0L)
            : new Position(
                instrumentId, next, Precision.round(price), realized, BigDecimal.ZERO, ts);
    return new Transition(after, done);
  }

  /** Unrealized PnL at {@code mark}: {@code quantity * (mark - avgCost)}, exact. */
  public BigDecimal unrealizedPnl(BigDecimal mark) {
    return quantity.multiply(mark.subtract(avgCost));
  }

  /** True when flat. */
  public boolean isFlat() {
    return quantity.signum() == 0;
  }

  /**
   * The result of {@link #apply}.
   *
   * @param position the position after the fill
   * @param closedTrade the round trip the fill completed, or null
   */
  public record Transition(Position position, ClosedTrade closedTrade) {}
}
