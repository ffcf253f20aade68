package io.tickstream.execution.engine;

import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.SubmitOrder;
import java.math.BigDecimal;
import java.util.Map;

/** What a venue's working orders add to a position and to exposure (for sizing and risk). */
final class WorkingOrders {

  private WorkingOrders() {}

  /** Signed quantity of working orders in {@code instrumentId} not yet filled. */
  static BigDecimal signedQuantity(ExecutionVenue venue, String instrumentId) {
    BigDecimal q = BigDecimal.ZERO;
    for (Order o : venue.workingOrders()) {
      if (o.command().instrumentId().equals(instrumentId)) {
        q = q.add(o.command().side().signed(o.leavesQty()));
      }
    }
    return q;
  }

  /** Leaves quantity times limit, else stop, else reference price, over working orders. */
  static BigDecimal notional(ExecutionVenue venue, Map<String, BigDecimal> referencePrices) {
    BigDecimal total = BigDecimal.ZERO;
    for (Order o : venue.workingOrders()) {
      SubmitOrder c = o.command();
      BigDecimal price =
          c.limitPrice() != null
              ? c.limitPrice()
              : c.stopPrice() != null
                  ? c.stopPrice()
                  : referencePrices.getOrDefault(c.instrumentId(), BigDecimal.ZERO);
      total = total.add(o.leavesQty().multiply(price));
    }
    return total;
  }
}
