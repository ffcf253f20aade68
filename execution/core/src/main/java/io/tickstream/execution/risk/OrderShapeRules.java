package io.tickstream.execution.risk;

import static io.tickstream.execution.risk.RuleViolation.deny;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Precision;
import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether an order is well formed for its instrument: a positive quantity in whole lots, and
 * exactly the prices its type needs, each positive and on the tick grid.
 */
final class OrderShapeRules {

  private OrderShapeRules() {}

  /** The first shape rule {@code order} breaks, if any. */
  static Optional<RuleViolation> violation(SubmitOrder order, Instrument instrument) {
    BigDecimal qty = order.quantity();
    if (qty.signum() <= 0) {
      return deny(DenialReason.INVALID_QUANTITY, "quantity must be > 0, got " + qty);
    }
    if (!Precision.isMultiple(qty, instrument.lotSize())) {
      return deny(
          DenialReason.INVALID_QUANTITY,
          "quantity " + qty + " is not a multiple of lot size " + instrument.lotSize());
    }
    Optional<RuleViolation> limit =
        price("limit", order.limitPrice(), order.type().hasLimitPrice(), order, instrument);
    if (limit.isPresent()) {
      return limit;
    }
    return price("stop", order.stopPrice(), order.type().hasStopPrice(), order, instrument);
  }

  private static Optional<RuleViolation> price(
      String name, BigDecimal price, boolean required, SubmitOrder order, Instrument instrument) {
    if (price == null) {
      return required
          ? deny(DenialReason.INVALID_PRICE, order.type() + " order needs a " + name + " price")
          : Optional.empty();
    }
    if (!required) {
      return deny(
          DenialReason.INVALID_PRICE, order.type() + " order must not carry a " + name + " price");
    }
    if (price.signum() <= 0) {
      return deny(DenialReason.INVALID_PRICE, name + " price must be > 0, got " + price);
    }
    if (!Precision.isMultiple(price, instrument.tickSize())) {
      return deny(
          DenialReason.INVALID_PRICE,
          name + " price " + price + " is not a multiple of tick size " + instrument.tickSize());
    }
    return Optional.empty();
  }
}
