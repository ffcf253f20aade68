package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;

/**
 * Stores {@link Topics#TRADES} into table {@code trades}, keyed by (instrument, event time, trade
 * id): a redelivered trade is skipped.
 */
final class TradeWriter implements TableWriter<TradeTick> {

  @Override
  public Topic<String, TradeTick> topic() {
    return Topics.TRADES;
  }

  @Override
  public String table() {
    return "trades";
  }

  @Override
  public boolean binaryCopy() {
    return true;
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.TRADES;
  }

  @Override
  public void columns(TradeTick trade, long kafkaTimestampMs, CopyLine line) {
    line.text(trade.getInstrumentId())
        .text(trade.getTradeId())
        .epochNanos(trade.getTsEvent())
        .decimal(trade.getPrice())
        .decimal(trade.getSize())
        .text(trade.getAggressorSide().name())
        .epochNanos(trade.getTsInit());
  }
}
