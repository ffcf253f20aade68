package io.tickstream.execution.risk;

import static io.tickstream.execution.risk.RuleViolation.deny;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.orders.DenialReason;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
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
    if (!isMultiple(qty, instrument.lotSize())) {
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
    if (!isMultiple(price, instrument.tickSize())) {
      return deny(
          DenialReason.INVALID_PRICE,
          name + " price " + price + " is not a multiple of tick size " + instrument.tickSize());
    }
    return Optional.empty();
  }

  /**
   * {@link io.tickstream.execution.Precision#isMultiple}, without a division in the common case. An
   * increment {@code 1 * 10^-k} (tick 0.01, lot 1) divides every {@code n} with at most {@code k}
   * decimal places, since then {@code n = unscaled(n) * 10^(k - scale(n)) * 10^-k}; other cases
   * take the exact remainder. Checked against the remainder in OrderShapeRulesTest.
   */
  static boolean isMultiple(BigDecimal n, BigDecimal increment) {
    if (n.scale() <= increment.scale() && increment.unscaledValue().equals(BigInteger.ONE)) {
      return true;
    }
    return n.remainder(increment).signum() == 0;
  }
}
