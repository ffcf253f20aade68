package io.tickstream.execution.orders;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Command: place a new order.
 *
 * <p>The constructor only rejects missing fields. Whether the quantity and prices make sense is a
 * pre-trade risk decision with a reason code ({@link DenialReason#INVALID_QUANTITY}, {@link
 * DenialReason#INVALID_PRICE}), so that a bad order becomes an {@link OrderDenied} event instead of
 * an exception in a stream.
 *
 * @param clientOrderId our id, from {@link io.tickstream.execution.ClientOrderIds}
 * @param accountId the account that trades
 * @param strategyId the strategy that asked for it
 * @param instrumentId SYMBOL.VENUE
 * @param side buy or sell
 * @param type market, limit, stop or stop-limit
 * @param quantity unsigned quantity, should be {@code > 0}
 * @param limitPrice for LIMIT and STOP_LIMIT, otherwise null
 * @param stopPrice for STOP and STOP_LIMIT, otherwise null
 * @param timeInForce DAY, GTC or IOC
 * @param tsInit when the command was created, epoch nanoseconds; fills only use later data
 */
public record SubmitOrder(
    String clientOrderId,
    String accountId,
    String strategyId,
    String instrumentId,
    OrderSide side,
    OrderType type,
    BigDecimal quantity,
    BigDecimal limitPrice,
    BigDecimal stopPrice,
    TimeInForce timeInForce,
    long tsInit) {

  public SubmitOrder {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(strategyId, "strategyId");
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(timeInForce, "timeInForce");
  }

  /** A market order. */
  public static SubmitOrder market(
      String clientOrderId,
      String accountId,
      String strategyId,
      String instrumentId,
      OrderSide side,
      BigDecimal quantity,
      TimeInForce timeInForce,
      long tsInit) {
    return new SubmitOrder(
        clientOrderId,
        accountId,
        strategyId,
        instrumentId,
        side,
        OrderType.MARKET,
        quantity,
        null,
        null,
        timeInForce,
        tsInit);
  }

  /** The same order with another type and prices (used to build limit and stop variants). */
  public SubmitOrder withPrices(OrderType newType, BigDecimal newLimit, BigDecimal newStop) {
    return new SubmitOrder(
        clientOrderId,
        accountId,
        strategyId,
        instrumentId,
        side,
        newType,
        quantity,
        newLimit,
        newStop,
        timeInForce,
        tsInit);
  }

  /** The same order with another quantity. */
  public SubmitOrder withQuantity(BigDecimal newQuantity) {
    return new SubmitOrder(
        clientOrderId,
        accountId,
        strategyId,
        instrumentId,
        side,
        type,
        newQuantity,
        limitPrice,
        stopPrice,
        timeInForce,
        tsInit);
  }

  /** The same order with another id. */
  public SubmitOrder withClientOrderId(String newId) {
    return new SubmitOrder(
        newId,
        accountId,
        strategyId,
        instrumentId,
        side,
        type,
        quantity,
        limitPrice,
        stopPrice,
        timeInForce,
        tsInit);
  }

  /** The same order with another time in force. */
  public SubmitOrder withTimeInForce(TimeInForce newTimeInForce) {
    return new SubmitOrder(
        clientOrderId,
        accountId,
        strategyId,
        instrumentId,
        side,
        type,
        quantity,
        limitPrice,
        stopPrice,
        newTimeInForce,
        tsInit);
  }

  /** The same order created at another time. */
  public SubmitOrder withTsInit(long newTsInit) {
    return new SubmitOrder(
        clientOrderId,
        accountId,
        strategyId,
        instrumentId,
        side,
        type,
        quantity,
        limitPrice,
        stopPrice,
        timeInForce,
        newTsInit);
  }
}
