package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.QuoteTick;

/**
 * Stores {@link Topics#QUOTES} into table {@code quotes}. Quotes carry no id: the quotes of an
 * instrument in one microsecond are numbered by {@code seq}, and a quote whose values are already
 * stored at its instrument and microsecond counts as redelivered.
 */
final class QuoteWriter implements TableWriter<QuoteTick> {

  @Override
  public Topic<String, QuoteTick> topic() {
    return Topics.QUOTES;
  }

  @Override
  public String table() {
    return "quotes";
  }

  @Override
  public boolean binaryCopy() {
    return true;
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.QUOTES;
  }

  @Override
  public void columns(QuoteTick quote, long kafkaTimestampMs, CopyLine line) {
    // seq 0: the direct COPY only succeeds when no other quote shares the instrument and
    // microsecond; otherwise the staged merge numbers them.
    line.text(quote.getInstrumentId())
        .epochNanos(quote.getTsEvent())
        .integer(0)
        .decimal(quote.getBidPrice())
        .decimal(quote.getAskPrice())
        .decimal(quote.getBidSize())
        .decimal(quote.getAskSize())
        .epochNanos(quote.getTsInit());
  }
}
