package io.tickstream.execution.orders;

import io.tickstream.execution.Precision;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One order and its state machine. Events are applied in order; an event that cannot follow the
 * current state throws {@link IllegalOrderTransitionException} and leaves the order unchanged.
 *
 * <pre>
 * INITIALIZED --OrderSubmitted--> SUBMITTED --OrderAccepted--> ACCEPTED
 *             --OrderDenied-----> DENIED       --OrderRejected--> REJECTED
 * ACCEPTED (stop types) --OrderTriggered--> TRIGGERED
 * ACCEPTED (market, limit) | TRIGGERED | PARTIALLY_FILLED
 *          --OrderFilled--> PARTIALLY_FILLED (leaves > 0) or FILLED (leaves = 0)
 *          --OrderCanceled--> CANCELED
 *          --OrderExpired--> EXPIRED
 * </pre>
 *
 * DENIED, REJECTED, FILLED, CANCELED and EXPIRED are terminal. Not thread-safe: one order is
 * handled by one stream task or one backtest loop.
 */
public final class Order {

  private final SubmitOrder command;
  private final List<OrderEvent> events = new ArrayList<>();
  private OrderStatus status = OrderStatus.INITIALIZED;
  private BigDecimal filledQty = BigDecimal.ZERO;
  private BigDecimal filledNotional = BigDecimal.ZERO;

  /** A new order in state INITIALIZED. */
  public Order(SubmitOrder command) {
    this.command = Objects.requireNonNull(command, "command");
  }

  /** Applies {@code event}; throws {@link IllegalOrderTransitionException} if it cannot follow. */
  public void apply(OrderEvent event) {
    Objects.requireNonNull(event, "event");
    if (!event.clientOrderId().equals(command.clientOrderId())) {
      throw illegal(event, "it belongs to order " + event.clientOrderId());
    }
    OrderStatus next = nextStatus(event);
    if (event instanceof OrderFilled fill) {
      filledQty = filledQty.add(fill.lastQty());
      filledNotional = filledNotional.add(fill.notional());
    }
    status = next;
    events.add(event);
  }

  private OrderStatus nextStatus(OrderEvent event) {
    // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
    if (event instanceof OrderSubmitted) {
      return from(event, OrderStatus.SUBMITTED, OrderStatus.INITIALIZED);
    } else if (event instanceof OrderDenied) {
      return from(event, OrderStatus.DENIED, OrderStatus.INITIALIZED);
    } else if (event instanceof OrderAccepted) {
      return from(event, OrderStatus.ACCEPTED, OrderStatus.SUBMITTED);
    } else if (event instanceof OrderRejected) {
      return from(event, OrderStatus.REJECTED, OrderStatus.SUBMITTED);
    } else if (event instanceof OrderTriggered e) {
      return triggered(e);
    } else if (event instanceof OrderFilled e) {
      return filled(e);
    } else if (event instanceof OrderCanceled) {
      return fromWorking(event, OrderStatus.CANCELED);
    } else if (event instanceof OrderExpired) {
      return fromWorking(event, OrderStatus.EXPIRED);
    }
    throw new IllegalArgumentException("unknown event " + event);
  }

  private OrderStatus from(OrderEvent e, OrderStatus to, OrderStatus required) {
    if (status != required) {
      throw illegal(e, "it requires status " + required);
    }
    return to;
  }

  private OrderStatus triggered(OrderTriggered e) {
    if (!command.type().hasStopPrice()) {
      throw illegal(e, "a " + command.type() + " order has no stop price to trigger");
    }
    return from(e, OrderStatus.TRIGGERED, OrderStatus.ACCEPTED);
  }

  private OrderStatus fromWorking(OrderEvent e, OrderStatus to) {
    if (!status.isWorking()) {
      throw illegal(e, "the order is not working");
    }
    return to;
  }

  private OrderStatus filled(OrderFilled e) {
    fromWorking(e, OrderStatus.FILLED);
    if (status == OrderStatus.ACCEPTED && command.type().hasStopPrice()) {
      throw illegal(e, "a " + command.type() + " order fills only after it is triggered");
    }
    if (e.side() != command.side()) {
      throw illegal(e, "fill side " + e.side() + " differs from order side " + command.side());
    }
    BigDecimal leaves = leavesQty();
    if (e.lastQty().compareTo(leaves) > 0) {
      throw illegal(
          e, "fill quantity " + e.lastQty() + " exceeds leaves quantity " + leaves.toPlainString());
    }
    BigDecimal expectedLeaves = leaves.subtract(e.lastQty());
    if (e.leavesQty().compareTo(expectedLeaves) != 0) {
      throw illegal(
          e,
          "fill reports leaves " + e.leavesQty() + " but the order would leave " + expectedLeaves);
    }
    return expectedLeaves.signum() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
  }

  private IllegalOrderTransitionException illegal(OrderEvent e, String why) {
    return new IllegalOrderTransitionException(
        "order "
            + command.clientOrderId()
            + " in status "
            + status
            + " cannot apply "
            + e.getClass().getSimpleName()
            + ": "
            + why);
  }

  /** The command that created it. */
  public SubmitOrder command() {
    return command;
  }

  /** Current status. */
  public OrderStatus status() {
    return status;
  }

  /** Total filled quantity. */
  public BigDecimal filledQty() {
    return filledQty;
  }

  /** Quantity not yet filled; zero once the order is closed by a fill. */
  public BigDecimal leavesQty() {
    return command.quantity().subtract(filledQty);
  }

  /** Quantity-weighted average fill price ({@link Precision}), or zero before any fill. */
  public BigDecimal avgPx() {
    return filledQty.signum() == 0 ? BigDecimal.ZERO : Precision.divide(filledNotional, filledQty);
  }

  /** Every event applied, oldest first. */
  public List<OrderEvent> events() {
    return List.copyOf(events);
  }
}
