package io.tickstream.execution.service.venue.alpaca;

import io.tickstream.execution.MarketUpdate;
import io.tickstream.execution.engine.ExecutionVenue;
import io.tickstream.execution.engine.OpenOrder;
import io.tickstream.execution.orders.CancelOrder;
import io.tickstream.execution.orders.Order;
import io.tickstream.execution.orders.OrderAccepted;
import io.tickstream.execution.orders.OrderEvent;
import io.tickstream.execution.orders.OrderFilled;
import io.tickstream.execution.orders.OrderRejected;
import io.tickstream.execution.orders.OrderSubmitted;
import io.tickstream.execution.orders.SubmitOrder;
import io.tickstream.execution.service.config.VenueSettings;
import io.tickstream.execution.service.venue.SubmissionLedger;
import io.tickstream.execution.service.venue.VenueStats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Alpaca-compatible REST broker as the trading engine's venue. The client order id sent is the
 * engine's, derived from the signal id, so the broker can refuse a second order for one signal.
 *
 * <p>Before an order is POSTed its client order id goes to a {@link SubmissionLedger} that outlives
 * the process: an order re-processed after a crash (its Streams transaction rolled back) is found
 * there and reconciled, never POSTed a second time.
 *
 * <p>An order POST is never retried blindly: after a timeout, a dropped connection, a 5xx, an
 * invalid answer or a duplicate-id refusal, the order is reconciled by {@code GET
 * /v2/orders:by_client_order_id}; only after the broker has said "not found" three times is the
 * order sent again (safe: the broker refuses a reused client order id). Until the reconcile
 * deadline it keeps asking; then it throws {@link AmbiguousOrderException}, never assuming.
 *
 * <p>Cancels ({@link #cancel}) go by the broker's order id, looked up by client order id when not
 * known, and are confirmed by reading the order back.
 *
 * <p>Fills are polled ({@code GET /v2/orders/{id}}) for working orders at most once per {@code
 * fillPollInterval}, when market data reaches the venue.
 */
public final class AlpacaVenue implements ExecutionVenue {
  private static final Logger LOG = LoggerFactory.getLogger(AlpacaVenue.class);
  private static final int NOT_FOUND_BEFORE_RESEND = 3;

  private final AlpacaClient client;
  private final VenueSettings.Alpaca settings;
  private final VenueStats stats;
  private final SubmissionLedger ledger;
  private final Map<String, WorkingOrder> working = new LinkedHashMap<>();

  /**
   * A venue using {@code client} (shared by every account's venue).
   *
   * @param ledger client order ids sent, by this process or an earlier one
   */
  public AlpacaVenue(
      AlpacaClient client,
      VenueSettings.Alpaca settings,
      VenueStats stats,
      SubmissionLedger ledger) {
    this.client = client;
    this.settings = settings;
    this.stats = stats;
    this.ledger = ledger;
  }

  @Override
  public List<OrderEvent> submit(SubmitOrder command, long now) {
    if (!ledger.recordIntent(command.clientOrderId())) {
      return reconcile(command, "sent before a restart (submission ledger)", now);
    }
    stats.submitted();
    AlpacaClient.Post p = client.post(command, symbol(command.instrumentId()));
    if (p instanceof AlpacaClient.Post.Placed placed) {
      return record(command, placed.order(), now);
    }
    if (p instanceof AlpacaClient.Post.Refused r) {
      return List.of(reject(command, "HTTP " + r.status() + ": " + r.message(), now));
    }
    if (p instanceof AlpacaClient.Post.NotSent n) {
      stats.unsent();
      return List.of(reject(command, "not sent: " + n.why(), now));
    }
    String why =
        p instanceof AlpacaClient.Post.Ambiguous a
            ? a.why()
            : "duplicate client order id: " + ((AlpacaClient.Post.Duplicate) p).message();
    return reconcile(command, why, now);
  }

  private List<OrderEvent> reconcile(SubmitOrder c, String why, long now) {
    stats.ambiguous();
    LOG.info(
        "order {}: outcome unknown ({}); reconciling by client order id", c.clientOrderId(), why);
    long deadline = System.nanoTime() + settings.reconcileDeadline().toNanos();
    long backoff = 20_000_000L;
    int notFound = 0;
    String last = why;
    while (true) {
      AlpacaClient.Lookup l = client.byClientOrderId(c.clientOrderId());
      if (l instanceof AlpacaClient.Lookup.Found f) {
        stats.reconciled();
        return record(c, f.order(), now);
      }
      if (l instanceof AlpacaClient.Lookup.NotFound && ++notFound >= NOT_FOUND_BEFORE_RESEND) {
        AlpacaClient.Post p = client.post(c, symbol(c.instrumentId()));
        if (p instanceof AlpacaClient.Post.Placed placed) {
          stats.reconciled();
          return record(c, placed.order(), now);
        }
        if (p instanceof AlpacaClient.Post.Refused r) {
          stats.reconciled();
          return List.of(reject(c, "HTTP " + r.status() + ": " + r.message(), now));
        }
        notFound = 0;
        last = p.toString();
      } else if (l instanceof AlpacaClient.Lookup.Unavailable u) {
        last = u.why();
      }
      if (System.nanoTime() > deadline) {
        throw new AmbiguousOrderException(
            "order " + c.clientOrderId() + " not reconciled before the deadline; last: " + last);
      }
      LockSupport.parkNanos(backoff);
      backoff = Math.min(backoff * 2, 500_000_000L);
    }
  }

  private List<OrderEvent> record(SubmitOrder c, AlpacaOrder o, long now) {
    if (o.rejected()) {
      return List.of(reject(c, "rejected by broker (order " + o.id() + ")", now));
    }
    Order order = new Order(c);
    order.apply(new OrderSubmitted(c, now));
    List<OrderEvent> out = new ArrayList<>();
    OrderAccepted accepted = new OrderAccepted(c.clientOrderId(), c.instrumentId(), o.id(), now);
    order.apply(accepted);
    out.add(accepted);
    client.rememberVenueId(c.clientOrderId(), o.id());
    WorkingOrder w = new WorkingOrder(order, o.id());
    out.addAll(w.progress(o, now));
    if (order.status().isWorking()) {
      working.put(c.clientOrderId(), w);
    }
    return out;
  }

  private static OrderRejected reject(SubmitOrder c, String reason, long now) {
    return new OrderRejected(c.clientOrderId(), c.instrumentId(), reason, now);
  }

  /** Broker symbol of SYMBOL.VENUE: the part before the last dot. */
  static String symbol(String instrumentId) {
    int dot = instrumentId.lastIndexOf('.');
    return dot > 0 ? instrumentId.substring(0, dot) : instrumentId;
  }

  /**
   * Cancels a working order: {@code DELETE /v2/orders/{id}} (the broker id looked up by client
   * order id first when unknown), then the order is read back ({@code GET}) and only what the
   * broker reports is recorded: canceled, or the fills that beat the cancel. An ambiguous answer
   * (timeout, 5xx) is reconciled the same way and the DELETE repeated (cancelling twice is
   * harmless: the second is refused with 422). An order the broker has not confirmed canceled stays
   * working here and is polled; it is never assumed canceled.
   */
  @Override
  public List<OrderEvent> cancel(CancelOrder command, long now) {
    WorkingOrder w = working.get(command.clientOrderId());
    if (w == null) {
      return List.of();
    }
    long deadline = System.nanoTime() + settings.reconcileDeadline().toNanos();
    long backoff = 20_000_000L;
    String last = "";
    while (true) {
      if (System.nanoTime() > deadline) {
        LOG.warn(
            "order {}: cancel not confirmed before the deadline ({}); still working, polled",
            command.clientOrderId(),
            last);
        return List.of();
      }
      if (WorkingOrder.UNKNOWN_ID.equals(w.venueId())) {
        AlpacaClient.Lookup l = client.byClientOrderId(command.clientOrderId());
        if (l instanceof AlpacaClient.Lookup.Found f) {
          w.setVenueId(f.order().id());
          client.rememberVenueId(command.clientOrderId(), w.venueId());
          continue;
        }
        last = "broker id unknown: " + l;
      } else {
        AlpacaClient.Cancel c = client.cancel(w.venueId());
        if (c instanceof AlpacaClient.Cancel.NotFound) {
          // The id may be stale: look the order up by client order id. When the broker still has it
          // under the same id, its DELETE is refusing this order: record what the lookup shows and
          // leave the rest to polling, rather than DELETE again back to back until the deadline.
          AlpacaClient.Lookup l = client.byClientOrderId(command.clientOrderId());
          if (l instanceof AlpacaClient.Lookup.Found f && !f.order().id().equals(w.venueId())) {
            w.setVenueId(f.order().id());
            client.rememberVenueId(command.clientOrderId(), w.venueId());
            continue;
          }
          if (l instanceof AlpacaClient.Lookup.Found f) {
            LOG.warn(
                "order {}: DELETE of broker order {} answered 404 but the broker still has it ({});"
                    + " not retried, the order stays working and is polled",
                command.clientOrderId(),
                w.venueId(),
                f.order().status());
            return settle(w, f, command.clientOrderId(), now);
          }
          last = "DELETE answered 404, lookup: " + l;
          w.setVenueId(WorkingOrder.UNKNOWN_ID);
        } else {
          if (c instanceof AlpacaClient.Cancel.Refused r) {
            LOG.warn(
                "order {}: cancel refused ({} {})",
                command.clientOrderId(),
                r.status(),
                r.message());
            return List.of();
          }
          AlpacaClient.Lookup l = client.byId(w.venueId(), command.clientOrderId());
          if (l instanceof AlpacaClient.Lookup.Found f
              && (!(c instanceof AlpacaClient.Cancel.Ambiguous) || f.order().done())) {
            // Still working when the cancel is pending: polling sees the rest.
            return settle(w, f, command.clientOrderId(), now);
          }
          last = c + " / " + l;
        }
      }
      LockSupport.parkNanos(backoff);
      backoff = Math.min(backoff * 2, 500_000_000L);
    }
  }

  /** Records what the broker reports of {@code w}; forgets it once it is no longer working. */
  private List<OrderEvent> settle(
      WorkingOrder w, AlpacaClient.Lookup.Found f, String clientOrderId, long now) {
    List<OrderEvent> events = w.progress(f.order(), now);
    if (!w.order().status().isWorking()) {
      working.remove(clientOrderId);
    }
    return events;
  }

  @Override
  public List<OrderEvent> onMarketUpdate(MarketUpdate update) {
    return advanceTo(update.tsEvent());
  }

  @Override
  public List<OrderEvent> advanceTo(long now) {
    if (working.isEmpty() || !client.pollDue(settings.fillPollInterval())) {
      return List.of();
    }
    List<OrderEvent> out = new ArrayList<>();
    for (WorkingOrder w : List.copyOf(working.values())) {
      String clientOrderId = w.order().command().clientOrderId();
      AlpacaClient.Lookup l =
          WorkingOrder.UNKNOWN_ID.equals(w.venueId())
              ? client.byClientOrderId(clientOrderId)
              : client.byId(w.venueId(), clientOrderId);
      if (l instanceof AlpacaClient.Lookup.Found f) {
        out.addAll(w.progress(f.order(), now));
        if (!w.order().status().isWorking()) {
          working.remove(w.order().command().clientOrderId());
        }
      }
    }
    return out;
  }

  @Override
  public List<Order> workingOrders() {
    return working.values().stream().map(WorkingOrder::order).toList();
  }

  @Override
  public void restoreWorking(OpenOrder open) {
    SubmitOrder c = open.command();
    String venueId = client.knownVenueId(c.clientOrderId());
    if (venueId == null) {
      AlpacaClient.Lookup l = client.byClientOrderId(c.clientOrderId());
      if (l instanceof AlpacaClient.Lookup.Found f) {
        venueId = f.order().id();
        client.rememberVenueId(c.clientOrderId(), venueId);
      } else {
        venueId =
            WorkingOrder.UNKNOWN_ID; // polled by client order id once the broker answers again
      }
    }
    Order order = new Order(c);
    order.apply(new OrderSubmitted(c, open.acceptedAt()));
    order.apply(new OrderAccepted(c.clientOrderId(), c.instrumentId(), venueId, open.acceptedAt()));
    if (open.filledQty().signum() > 0) {
      order.apply(
          new OrderFilled(
              c.clientOrderId(),
              c.instrumentId(),
              venueId + "-restored",
              c.side(),
              open.filledQty(),
              open.avgPx(),
              BigDecimal.ZERO,
              c.quantity().subtract(open.filledQty()),
              open.acceptedAt()));
    }
    working.put(c.clientOrderId(), new WorkingOrder(order, venueId));
  }
}
