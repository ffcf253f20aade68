package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps table {@code latest_prices}: the newest trade per instrument by event time, so the latest
 * price of every instrument is a primary-key lookup. Only the newest trade per instrument of a
 * batch reaches the database, on the fast path in one statement (see {@link ArrayMerge}).
 */
final class LatestPriceWriter implements TableWriter<TradeTick>, ArrayMerge<TradeTick> {

  @Override
  public Topic<String, TradeTick> topic() {
    return Topics.TRADES;
  }

  @Override
  public String table() {
    return "latest_prices";
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.LATEST_PRICES;
  }

  /** The first trade at the latest event time of each instrument. */
  @Override
  public List<Decoded<TradeTick>> select(List<Decoded<TradeTick>> rows) {
    Map<String, Decoded<TradeTick>> newest = new LinkedHashMap<>();
    for (Decoded<TradeTick> row : rows) {
      newest.merge(
          row.value().getInstrumentId().toString(),
          row,
          (kept, next) -> next.value().getTsEvent() > kept.value().getTsEvent() ? next : kept);
    }
    return new ArrayList<>(newest.values());
  }

  @Override
  public String arrayMergeSql() {
    return SinkSql.LATEST_PRICES_ARRAYS;
  }

  @Override
  public int arrayColumns() {
    return 4;
  }

  @Override
  public void row(TradeTick trade, String[] into) {
    into[0] = trade.getInstrumentId();
    into[1] = trade.getPrice().toPlainString();
    into[2] = CsvLine.isoMicros(trade.getTsEvent());
    into[3] = CsvLine.isoMicros(trade.getTsInit());
  }

  @Override
  public void columns(TradeTick trade, long kafkaTimestampMs, CopyLine line) {
    line.text(trade.getInstrumentId())
        .decimal(trade.getPrice())
        .epochNanos(trade.getTsEvent())
        .epochNanos(trade.getTsInit());
  }
}
