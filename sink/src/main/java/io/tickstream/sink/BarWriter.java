package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;

/**
 * Stores {@link Topics#BARS} into table {@code bars}, one row per (instrument, spec, start); the
 * highest revision wins and a redelivered record leaves the row as it was.
 */
final class BarWriter implements TableWriter<Bar> {

  @Override
  public Topic<String, Bar> topic() {
    return Topics.BARS;
  }

  @Override
  public String table() {
    return "bars";
  }

  @Override
  public boolean binaryCopy() {
    return true;
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.BARS;
  }

  @Override
  public void columns(Bar bar, long kafkaTimestampMs, CopyLine line) {
    line.text(bar.getInstrumentId())
        .text(bar.getSpec())
        .epochNanos(bar.getStart())
        .epochNanos(bar.getEnd())
        .decimal(bar.getOpen())
        .decimal(bar.getHigh())
        .decimal(bar.getLow())
        .decimal(bar.getClose())
        .decimal(bar.getVolume())
        .integer(bar.getTradeCount())
        .decimal(bar.getVwap())
        .integer(bar.getRevision())
        .epochNanos(bar.getTsInit());
  }
}
