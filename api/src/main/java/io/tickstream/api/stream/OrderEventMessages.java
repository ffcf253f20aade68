package io.tickstream.api.stream;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.OrderEvent;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * The {@code order-events} channel: {@code orders.events} values, per account. Every field of the
 * record is present; fields that do not apply to the event type are null.
 */
public final class OrderEventMessages {
  private OrderEventMessages() {}

  /** The channel; subscribers see only the events of a granted account. */
  public static StreamChannel<OrderEvent> channel() {
    return new StreamChannel<>(
        "order-events",
        Topics.ORDER_EVENTS,
        OrderEventMessages::toJson,
        OrderEvent::getInstrumentId,
        OrderEvent::getAccountId);
  }

  /** An order event as JSON: ISO times, decimals as plain strings, enums by name. */
  public static JsonObject toJson(OrderEvent e) {
    return new JsonObject()
        .put("eventType", e.getEventType().name())
        .put("clientOrderId", e.getClientOrderId())
        .put("accountId", e.getAccountId())
        .put("instrumentId", e.getInstrumentId())
        .put("signalId", e.getSignalId())
        .put("strategyId", e.getStrategyId())
        .put("side", e.getSide() == null ? null : e.getSide().name())
        .put("orderType", e.getOrderType())
        .put("timeInForce", e.getTimeInForce())
        .put("quantity", plain(e.getQuantity()))
        .put("limitPrice", plain(e.getLimitPrice()))
        .put("stopPrice", plain(e.getStopPrice()))
        .put("venueOrderId", e.getVenueOrderId())
        .put("tradeId", e.getTradeId())
        .put("lastQty", plain(e.getLastQty()))
        .put("lastPx", plain(e.getLastPx()))
        .put("commission", plain(e.getCommission()))
        .put("leavesQty", plain(e.getLeavesQty()))
        .put("denialReason", e.getDenialReason())
        .put("reason", e.getReason())
        .put("tsEvent", EpochNanos.iso(e.getTsEvent()))
        .put("tsInit", EpochNanos.iso(e.getTsInit()));
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.toPlainString();
  }
}
