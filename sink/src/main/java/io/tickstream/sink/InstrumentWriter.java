package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;

/**
 * Stores {@link Topics#INSTRUMENTS} into table {@code instruments}, upserting by instrument id. The
 * topic is compacted and keyed by instrument, so Kafka's order decides which record is the latest.
 */
final class InstrumentWriter implements TableWriter<Instrument> {

  @Override
  public Topic<String, Instrument> topic() {
    return Topics.INSTRUMENTS;
  }

  @Override
  public String table() {
    return "instruments";
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.INSTRUMENTS;
  }

  @Override
  public void columns(Instrument instrument, long kafkaTimestampMs, CopyLine line) {
    // tsInit defaults to 0 in the schema: records without it take the time Kafka stored them.
    long updatedNanos =
        instrument.getTsInit() > 0 ? instrument.getTsInit() : kafkaTimestampMs * 1_000_000L;
    line.text(instrument.getInstrumentId())
        .text(instrument.getSymbol())
        .text(instrument.getVenue())
        .text(instrument.getAssetClass())
        .text(instrument.getCurrency())
        .decimal(instrument.getTickSize())
        .decimal(instrument.getLotSize())
        .text(instrument.getTradingHours())
        .bool(instrument.getActive())
        .epochNanos(updatedNanos);
  }
}
