package io.tickstream.execution.portfolio;

import io.tickstream.execution.ClientOrderIds;
import io.tickstream.execution.Instrument;
import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.OrderType;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * ATR-based protective exits for an entry: a stop-loss {@code stopLossAtr} ATRs against the
 * position and a take-profit {@code takeProfitAtr} ATRs in its favour, each rounded to the nearest
 * tick. The legs are GTC orders with ids {@code <entryId>-SL} and {@code <entryId>-TP}; when one
 * fills, the caller cancels the other (one-cancels-other is a routing concern, not accounting).
 *
 * @param stopLossAtr distance of the stop from entry, in ATRs, {@code > 0}
 * @param takeProfitAtr distance of the target from entry, in ATRs, {@code > 0}
 */
public record BracketPolicy(BigDecimal stopLossAtr, BigDecimal takeProfitAtr) {

  public BracketPolicy {
    Objects.requireNonNull(stopLossAtr, "stopLossAtr");
    Objects.requireNonNull(takeProfitAtr, "takeProfitAtr");
    if (stopLossAtr.signum() <= 0 || takeProfitAtr.signum() <= 0) {
      throw new IllegalArgumentException(
          "ATR multiples must be > 0, got " + stopLossAtr + ", " + takeProfitAtr);
    }
  }

  /**
   * The two exit prices.
   *
   * @param stopLoss exit price if the trade goes against the position
   * @param takeProfit exit price if it goes in its favour
   */
  public record Bracket(BigDecimal stopLoss, BigDecimal takeProfit) {}

  /** The exits for an entry on {@code entrySide} at {@code entryPrice} with {@code atr}. */
  public Bracket bracketFor(
      OrderSide entrySide, BigDecimal entryPrice, BigDecimal atr, Instrument instrument) {
    BigDecimal sign = BigDecimal.valueOf(entrySide.sign());
    BigDecimal stop = entryPrice.subtract(sign.multiply(stopLossAtr).multiply(atr));
    BigDecimal target = entryPrice.add(sign.multiply(takeProfitAtr).multiply(atr));
    return new Bracket(instrument.roundToTick(stop), instrument.roundToTick(target));
  }

  /**
   * The exit orders for {@code entry}, once {@code filledQty} of it has filled at {@code
   * entryPrice}: a STOP at the stop-loss and a LIMIT at the take-profit, both on the opposite side.
   */
  public List<SubmitOrder> exitOrders(
      SubmitOrder entry,
      BigDecimal filledQty,
      BigDecimal entryPrice,
      BigDecimal atr,
      Instrument instrument,
      long tsInit) {
    Bracket b = bracketFor(entry.side(), entryPrice, atr, instrument);
    SubmitOrder exit =
        SubmitOrder.market(
            entry.clientOrderId(),
            entry.accountId(),
            entry.strategyId(),
            entry.instrumentId(),
            entry.side().opposite(),
            filledQty,
            TimeInForce.GTC,
            tsInit);
    return List.of(
        exit.withClientOrderId(ClientOrderIds.child(entry.clientOrderId(), "SL"))
            .withPrices(OrderType.STOP, null, b.stopLoss()),
        exit.withClientOrderId(ClientOrderIds.child(entry.clientOrderId(), "TP"))
            .withPrices(OrderType.LIMIT, b.takeProfit(), null));
  }
}
