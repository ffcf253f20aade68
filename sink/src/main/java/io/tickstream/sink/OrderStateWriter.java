package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.OrderEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps table {@code orders} at the latest state of every order: after {@link OrderEventWriter}
 * stored a batch's events, each order they belong to is folded again from all of its stored events,
 * ordered by seq (status of the last event, filled quantity, average fill price, first and last
 * event time). Folding from the table, not from the batch, makes a redelivery change nothing.
 */
final class OrderStateWriter implements TableWriter<OrderEvent> {

  @Override
  public Topic<String, OrderEvent> topic() {
    return Topics.ORDER_EVENTS;
  }

  @Override
  public String table() {
    return "orders";
  }

  @Override
  public SinkSql.Upsert sql() {
    return TradingSql.ORDERS;
  }

  /** One row per order of the batch. */
  @Override
  public List<Decoded<OrderEvent>> select(List<Decoded<OrderEvent>> rows) {
    Map<String, Decoded<OrderEvent>> orders = new LinkedHashMap<>();
    for (Decoded<OrderEvent> row : rows) {
      orders.putIfAbsent(
          row.value().getAccountId() + "\u0000" + row.value().getClientOrderId(), row);
    }
    return new ArrayList<>(orders.values());
  }

  @Override
  public void columns(OrderEvent event, long kafkaTimestampMs, CopyLine line) {
    line.text(event.getAccountId()).text(event.getClientOrderId());
  }
}
