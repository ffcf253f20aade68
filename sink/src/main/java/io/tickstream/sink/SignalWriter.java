package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Signal;

/**
 * Stores {@link Topics#SIGNALS} into table {@code signals}, keyed by the deterministic signal id: a
 * redelivered or replayed signal is skipped (a revision has an id of its own).
 */
final class SignalWriter implements TableWriter<Signal> {

  @Override
  public Topic<String, Signal> topic() {
    return Topics.SIGNALS;
  }

  @Override
  public String table() {
    return "signals";
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.SIGNALS;
  }

  @Override
  public void columns(Signal signal, long kafkaTimestampMs, CopyLine line) {
    line.text(signal.getSignalId())
        .text(signal.getStrategyId())
        .text(signal.getInstrumentId())
        .epochNanos(signal.getTsEvent())
        .text(signal.getDirection().name())
        .float8(signal.getStrength())
        .text(signal.getReason())
        .text(signal.getBarSpec())
        .integer(signal.getRevision())
        .epochNanos(signal.getTsInit());
  }
}
