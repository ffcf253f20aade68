package io.tickstream.execution.orders;

/**
 * Something that happened to an order. Events are facts in the past tense; the {@link Order} state
 * machine applies them and refuses those that cannot follow its current state.
 */
public sealed interface OrderEvent
    permits OrderSubmitted,
        OrderDenied,
        OrderAccepted,
        OrderRejected,
        OrderTriggered,
        OrderFilled,
        OrderCanceled,
        OrderExpired {

  /** The order it happened to. */
  String clientOrderId();

  /** SYMBOL.VENUE of that order. */
  String instrumentId();

  /** When it happened, epoch nanoseconds. */
  long tsEvent();
}
