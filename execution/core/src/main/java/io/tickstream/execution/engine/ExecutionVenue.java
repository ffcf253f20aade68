package io.tickstream.execution.engine;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.orders.CancelOrder;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.SubmitOrder;
import java.util.List;

/**
 * Where a {@link TradingEngine} sends orders: the {@link io.tickstream.execution.fill.PaperBroker}
 * in backtests and paper trading, a broker adapter live.
 *
 * <p>A simulated venue answers synchronously: {@link #onMarketUpdate} returns the fills the update
 * caused. A live venue returns what it already knows (usually nothing) and reports later events
 * through {@link TradingEngine#onVenueEvent}. Implementations are not thread-safe and see calls in
 * the engine's order.
 */
public interface ExecutionVenue {

  /** Sends an order at {@code now}; returns the venue's immediate answer (accepted, rejected). */
  List<OrderEvent> submit(SubmitOrder command, long now);

  /** Cancels the rest of a working order; empty when it is not working. */
  List<OrderEvent> cancel(CancelOrder command, long now);

  /** Market data reached the venue: fills, triggers, expiries it caused. */
  List<OrderEvent> onMarketUpdate(MarketUpdate update);

  /** Time moved to {@code now} without market data: expiries. */
  List<OrderEvent> advanceTo(long now);

  /** Orders still working, in arrival order. */
  List<Order> workingOrders();

  /** True when any order is working; a venue that tracks this cheaply should override it. */
  default boolean hasWorkingOrders() {
    return !workingOrders().isEmpty();
  }

  /**
   * Forgets the orders that are done (filled, canceled, rejected, expired), for a long-running
   * caller that de-duplicates durably before it submits ({@link TradingEngine#forgetHistory}); a
   * venue that keeps nothing of done orders does nothing.
   */
  default void forgetDoneOrders() {}

  /**
   * Re-creates a working order after a restart (see {@link EngineSnapshot}); a live venue only
   * records it, since the order still rests at the broker.
   */
  void restoreWorking(OpenOrder order);
}
