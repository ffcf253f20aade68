package io.tickstream.execution.engine;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.orders.CancelOrder;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.SubmitOrder;
import java.util.List;
import java.util.Objects;

/**
 * A venue that passes every call to another one: the base of decorators that watch or change one
 * call (usually {@link #submit}) and leave the rest alone.
 */
public abstract class ForwardingVenue implements ExecutionVenue {
  private final ExecutionVenue delegate;

  protected ForwardingVenue(ExecutionVenue delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The venue calls are passed to. */
  protected final ExecutionVenue delegate() {
    return delegate;
  }

  @Override
  public List<OrderEvent> submit(SubmitOrder command, long now) {
    return delegate.submit(command, now);
  }

  @Override
  public List<OrderEvent> cancel(CancelOrder command, long now) {
    return delegate.cancel(command, now);
  }

  @Override
  public List<OrderEvent> onMarketUpdate(MarketUpdate update) {
    return delegate.onMarketUpdate(update);
  }

  @Override
  public List<OrderEvent> advanceTo(long now) {
    return delegate.advanceTo(now);
  }

  @Override
  public List<Order> workingOrders() {
    return delegate.workingOrders();
  }

  @Override
  public boolean hasWorkingOrders() {
    return delegate.hasWorkingOrders();
  }

  @Override
  public void forgetDoneOrders() {
    delegate.forgetDoneOrders();
  }

  @Override
  public void restoreWorking(OpenOrder order) {
    delegate.restoreWorking(order);
  }
}
