package io.tickstream.execution.fill;

import io.tickstream.execution.Instrument;
import io.tickstream.execution.Instruments;
import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.engine.ExecutionVenue;
import io.tickstream.execution.engine.OpenOrder;
import io.tickstream.execution.orders.CancelOrder;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderCanceled;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderExpired;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderRejected;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.orders.OrderTriggered;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.orders.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated venue: accepts orders and fills them against later market data per a {@link
 * FillModel}. The same class serves backtests and paper trading, so both produce the same events.
 *
 * <p>No look-ahead: an order accepted at time {@code t} only ever matches updates with {@code
 * tsEvent > t}. A stop triggers on an update's last price and may fill on that same update (the
 * trigger and the fill see the same, already-published, prices). IOC orders are canceled after the
 * first update they could match, filled or not. DAY orders expire at {@link FillModel#dayExpiry};
 * any update (of any instrument) or {@link #advanceTo} moves time forward.
 *
 * <p>Not thread-safe; deterministic: the same calls in the same order give the same events. It
 * remembers every client order id it has seen (to reject reuse) until {@link #forgetDoneOrders}: a
 * backtest keeps them all, the execution service (which de-duplicates signals durably before they
 * become orders) forgets done orders after every input, so its memory stays bounded.
 */
public final class PaperBroker implements ExecutionVenue {

  private final FillModel model;
  private final Instruments instruments;
  private final Map<String, WorkingOrder> working = new LinkedHashMap<>();
  private final Map<String, Order> orders = new HashMap<>();

  /** A broker with no orders. */
  public PaperBroker(FillModel model, Instruments instruments) {
    this.model = Objects.requireNonNull(model, "model");
    this.instruments = Objects.requireNonNull(instruments, "instruments");
  }

  /**
   * Receives an order sent at {@code now}: returns {@link OrderAccepted}, or {@link OrderRejected}
   * for an unknown instrument, a reused client order id, a non-positive quantity or missing prices.
   */
  @Override
  public List<OrderEvent> submit(SubmitOrder command, long now) {
    Order order = new Order(command);
    order.apply(new OrderSubmitted(command, now));
    // One lookup both detects a reused id and records the order; a rejected order is recorded
    // too (as before: its id cannot be used again), a duplicate leaves the first one in place.
    Order known = orders.putIfAbsent(command.clientOrderId(), order);
    Optional<Instrument> instrument = instruments.find(command.instrumentId());
    String why =
        known != null
            ? "duplicate client order id " + command.clientOrderId()
            : rejection(command, instrument);
    if (why != null) {
      OrderRejected rejected =
          new OrderRejected(command.clientOrderId(), command.instrumentId(), why, now);
      order.apply(rejected);
      return List.of(rejected);
    }
    OrderAccepted accepted =
        new OrderAccepted(
            command.clientOrderId(), command.instrumentId(), venueOrderId(command), now);
    order.apply(accepted);
    long expiry = command.timeInForce() == TimeInForce.DAY ? model.dayExpiry(now) : Long.MAX_VALUE;
    working.put(command.clientOrderId(), new WorkingOrder(order, instrument.get(), now, expiry));
    return List.of(accepted);
  }

  // Derived from the client order id rather than a counter, so that a broker restored from a
  // snapshot names orders exactly as the one that took it.
  private static String venueOrderId(SubmitOrder c) {
    return "PAPER-" + c.clientOrderId();
  }

  private static String rejection(SubmitOrder c, Optional<Instrument> instrument) {
    if (instrument.isEmpty()) {
      return "unknown instrument " + c.instrumentId();
    }
    if (c.quantity().signum() <= 0) {
      return "quantity must be > 0";
    }
    if (c.type().hasLimitPrice() != (c.limitPrice() != null)
        || c.type().hasStopPrice() != (c.stopPrice() != null)) {
      return "prices do not match order type " + c.type();
    }
    return null;
  }

  /**
   * Cancels the rest of a working order; empty when it is not working (already done or unknown).
   */
  @Override
  public List<OrderEvent> cancel(CancelOrder command, long now) {
    WorkingOrder w = working.remove(command.clientOrderId());
    if (w == null) {
      return List.of();
    }
    return List.of(
        apply(
            w,
            new OrderCanceled(
                w.command().clientOrderId(), w.command().instrumentId(), "requested", now)));
  }

  /** Expires DAY orders whose session ended at or before {@code now}. */
  @Override
  public List<OrderEvent> advanceTo(long now) {
    if (working.isEmpty()) {
      return List.of();
    }
    List<OrderEvent> events = new ArrayList<>();
    expire(now, events);
    return events;
  }

  private void expire(long now, List<OrderEvent> out) {
    for (Iterator<WorkingOrder> it = working.values().iterator(); it.hasNext(); ) {
      WorkingOrder w = it.next();
      if (w.expiresAt <= now) {
        it.remove();
        out.add(
            apply(
                w,
                new OrderExpired(
                    w.command().clientOrderId(), w.command().instrumentId(), w.expiresAt)));
      }
    }
  }

  /** Matches working orders of the update's instrument against it; returns what happened. */
  @Override
  public List<OrderEvent> onMarketUpdate(MarketUpdate update) {
    if (working.isEmpty()) {
      // The common case in a backtest: nothing to match, so no decimal work per update.
      return List.of();
    }
    List<OrderEvent> events = new ArrayList<>();
    expire(update.tsEvent(), events);
    BigDecimal budget = model.participation(update.volume());
    // Iterating the map itself (no copy): matching only changes the order at hand, and only the
    // iterator removes from the map.
    for (Iterator<WorkingOrder> it = working.values().iterator(); it.hasNext(); ) {
      WorkingOrder w = it.next();
      if (!w.command().instrumentId().equals(update.instrumentId())
          || update.tsEvent() <= w.acceptedAt) {
        continue;
      }
      budget = budget.subtract(match(w, update, budget, events));
      if (w.command().timeInForce() == TimeInForce.IOC && w.order.status().isWorking()) {
        events.add(
            apply(
                w,
                new OrderCanceled(
                    w.command().clientOrderId(),
                    w.command().instrumentId(),
                    "IOC remainder",
                    update.tsEvent())));
      }
      if (!w.order.status().isWorking()) {
        it.remove();
      }
    }
    return events;
  }

  /**
   * Triggers and fills {@code w} on {@code update} within {@code budget}; returns quantity used.
   */
  private BigDecimal match(
      WorkingOrder w, MarketUpdate u, BigDecimal budget, List<OrderEvent> out) {
    SubmitOrder c = w.command();
    if (!w.active()) {
      if (!FillModel.stopReached(c.side(), c.stopPrice(), u)) {
        return BigDecimal.ZERO;
      }
      out.add(apply(w, new OrderTriggered(c.clientOrderId(), c.instrumentId(), u.tsEvent())));
    }
    BigDecimal price =
        w.limitLike()
            ? model.limitPrice(c.side(), c.limitPrice(), u)
            : model.marketPrice(c.side(), u);
    BigDecimal qty =
        w.instrument.roundDownToLot(budget.max(BigDecimal.ZERO)).min(w.order.leavesQty());
    if (price == null || qty.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal leaves = w.order.leavesQty().subtract(qty);
    w.fills++;
    out.add(
        apply(
            w,
            new OrderFilled(
                c.clientOrderId(),
                c.instrumentId(),
                c.clientOrderId() + "-" + w.fills,
                c.side(),
                qty,
                price,
                model.commission().commission(qty, price),
                leaves,
                u.tsEvent())));
    return qty;
  }

  private static OrderEvent apply(WorkingOrder w, OrderEvent event) {
    w.order.apply(event);
    return event;
  }

  /** Drops done orders; working ones stay (and still reject a reuse of their id). */
  @Override
  public void forgetDoneOrders() {
    if (orders.size() > working.size()) {
      orders.keySet().retainAll(working.keySet());
    }
  }

  /**
   * The broker's view of an order it has seen (and not forgotten, see {@link #forgetDoneOrders}).
   */
  public Optional<Order> order(String clientOrderId) {
    return Optional.ofNullable(orders.get(clientOrderId));
  }

  @Override
  public boolean hasWorkingOrders() {
    return !working.isEmpty();
  }

  /** Orders still working, in arrival order. */
  @Override
  public List<Order> workingOrders() {
    // Called twice per signal by the engine: a plain loop, no stream pipeline.
    if (working.isEmpty()) {
      return List.of();
    }
    List<Order> out = new ArrayList<>(working.size());
    for (WorkingOrder w : working.values()) {
      out.add(w.order);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Re-creates a working order from a snapshot: accepted at its original time, with its fills so
   * far summarised as one fill at their average price (without commission: that was booked then).
   */
  @Override
  public void restoreWorking(OpenOrder open) {
    SubmitOrder c = open.command();
    if (orders.containsKey(c.clientOrderId())) {
      throw new IllegalArgumentException("order " + c.clientOrderId() + " already known");
    }
    Order order = new Order(c);
    order.apply(new OrderSubmitted(c, open.acceptedAt()));
    order.apply(
        new OrderAccepted(c.clientOrderId(), c.instrumentId(), venueOrderId(c), open.acceptedAt()));
    if (c.type().hasStopPrice() && (open.triggered() || open.filledQty().signum() > 0)) {
      order.apply(new OrderTriggered(c.clientOrderId(), c.instrumentId(), open.acceptedAt()));
    }
    if (open.filledQty().signum() > 0) {
      order.apply(
          new OrderFilled(
              c.clientOrderId(),
              c.instrumentId(),
              c.clientOrderId() + "-restored",
              c.side(),
              open.filledQty(),
              open.avgPx(),
              BigDecimal.ZERO,
              c.quantity().subtract(open.filledQty()),
              open.acceptedAt()));
    }
    long expiry =
        c.timeInForce() == TimeInForce.DAY ? model.dayExpiry(open.acceptedAt()) : Long.MAX_VALUE;
    WorkingOrder w =
        new WorkingOrder(order, instruments.get(c.instrumentId()), open.acceptedAt(), expiry);
    w.fills = open.fills();
    orders.put(c.clientOrderId(), order);
    working.put(c.clientOrderId(), w);
  }

  /**
   * Notional of the unfilled rest of working orders, for {@link
   * io.tickstream.execution.risk.AccountState#openOrdersNotional}: leaves quantity times limit
   * price, else stop price, else {@code referencePrices} (zero when it has none).
   */
  public BigDecimal openOrdersNotional(Map<String, BigDecimal> referencePrices) {
    BigDecimal total = BigDecimal.ZERO;
    for (WorkingOrder w : working.values()) {
      SubmitOrder c = w.command();
      BigDecimal price =
          c.limitPrice() != null
              ? c.limitPrice()
              : c.stopPrice() != null
                  ? c.stopPrice()
                  : referencePrices.getOrDefault(c.instrumentId(), BigDecimal.ZERO);
      total = total.add(w.order.leavesQty().multiply(price));
    }
    return total;
  }
}
