package io.tickstream.execution.sizing;

import io.tickstream.execution.orders.OrderSide;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import io.tickstream.signals.Signal;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed position a signal asks for, and the order that gets there from the current one.
 *
 * @param instrumentId SYMBOL.VENUE
 * @param quantity signed target: positive long, negative short, zero flat
 */
public record TargetPosition(String instrumentId, BigDecimal quantity) {

  public TargetPosition {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(quantity, "quantity");
  }

  /**
   * The target for a signal direction ({@code Direction.sign()}: +1 long, -1 short, 0 flat) and an
   * absolute size from a {@link PositionSizer}.
   */
  public static TargetPosition of(String instrumentId, int directionSign, BigDecimal size) {
    if (directionSign < -1 || directionSign > 1) {
      throw new IllegalArgumentException("direction sign must be -1, 0 or 1, got " + directionSign);
    }
    if (size.signum() < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    BigDecimal signed =
        directionSign == 0 ? BigDecimal.ZERO : size.multiply(BigDecimal.valueOf(directionSign));
    return new TargetPosition(instrumentId, signed);
  }

  /**
   * The target for {@code signal}'s direction with an absolute size from a {@link PositionSizer}.
   */
  public static TargetPosition forSignal(Signal signal, BigDecimal size) {
    return of(signal.instrumentId(), signal.direction().sign(), size);
  }

  /**
   * The market order from {@code currentPosition} to this target, or empty when already there. A
   * flip (long to short) is one order for the whole difference.
   */
  public Optional<SubmitOrder> marketOrderFrom(
      BigDecimal currentPosition,
      String clientOrderId,
      String accountId,
      String strategyId,
      TimeInForce timeInForce,
      long tsInit) {
    BigDecimal delta = quantity.subtract(currentPosition);
    if (delta.signum() == 0) {
      return Optional.empty();
    }
    OrderSide side = delta.signum() > 0 ? OrderSide.BUY : OrderSide.SELL;
    return Optional.of(
        SubmitOrder.market(
            clientOrderId,
            accountId,
            strategyId,
            instrumentId,
            side,
            delta.abs(),
            timeInForce,
            tsInit));
  }
}
