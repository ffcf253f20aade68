package io.tickstream.execution.risk;

import io.tickstream.execution.orders.OrderDenied;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.orders.SubmitOrder;
import java.util.Objects;

/** The risk engine's answer: the order may go to the venue, or it is denied with a reason. */
public sealed interface RiskDecision permits RiskDecision.Approved, RiskDecision.Denied {

  /** True when the order may be sent. */
  boolean approved();

  /**
   * The order passed every check.
   *
   * @param order the checked order
   * @param tsEvent when it was checked
   */
  record Approved(SubmitOrder order, long tsEvent) implements RiskDecision {

    public Approved {
      Objects.requireNonNull(order, "order");
    }

    @Override
    public boolean approved() {
      return true;
    }

    /** The event to publish when the order is sent. */
    public OrderSubmitted submitted() {
      return new OrderSubmitted(order, tsEvent);
    }
  }

  /**
   * The order failed a check.
   *
   * @param denial the event to publish, with its reason code
   */
  record Denied(OrderDenied denial) implements RiskDecision {

    public Denied {
      Objects.requireNonNull(denial, "denial");
    }

    @Override
    public boolean approved() {
      return false;
    }
  }
}
