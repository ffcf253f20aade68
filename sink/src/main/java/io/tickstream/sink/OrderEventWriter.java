package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.OrderEvent;

/**
 * Stores {@link Topics#ORDER_EVENTS} into table {@code order_events}, numbered per order from 0 in
 * the order the execution service emitted them (events of an account share a partition), and makes
 * sure the order has its row in {@code orders} with the terms of its SUBMITTED event. A redelivered
 * event is recognised by its source coordinates, type and {@code ts_init} and skipped. An event the
 * table refuses (type UNKNOWN from a newer producer, an order type it does not know) becomes a dead
 * letter. {@link OrderStateWriter} then folds the events into the orders' state.
 */
final class OrderEventWriter implements TableWriter<OrderEvent> {

  @Override
  public Topic<String, OrderEvent> topic() {
    return Topics.ORDER_EVENTS;
  }

  @Override
  public String table() {
    return "order_events";
  }

  @Override
  public SinkSql.Upsert sql() {
    return TradingSql.ORDER_EVENTS;
  }

  /** Never called: the row needs the record's coordinates, see {@link #rows(Decoded, CopyRows)}. */
  @Override
  public void columns(OrderEvent event, long kafkaTimestampMs, CopyLine line) {
    throw new UnsupportedOperationException("an order event row carries its source coordinates");
  }

  @Override
  public void rows(Decoded<OrderEvent> row, CopyRows out) {
    OrderEvent e = row.value();
    // A denial's code is the reason the API filters by; its message is the detail of the code.
    CharSequence reason = e.getDenialReason() != null ? e.getDenialReason() : e.getReason();
    out.line()
        .text(e.getAccountId())
        .text(e.getClientOrderId())
        .text(e.getEventType().name())
        .text(e.getInstrumentId())
        .text(e.getSignalId())
        .text(e.getSide() == null ? null : e.getSide().name())
        .text(e.getOrderType())
        .decimal(e.getQuantity())
        .decimal(e.getLimitPrice())
        .decimal(e.getStopPrice())
        .text(e.getTimeInForce())
        .epochNanos(e.getTsEvent())
        .decimal(e.getLastPx())
        .decimal(e.getLastQty())
        .decimal(e.getCommission())
        .text(reason)
        .epochNanos(e.getTsInit())
        .integer(row.source().partition())
        .integer(row.source().offset());
  }
}
