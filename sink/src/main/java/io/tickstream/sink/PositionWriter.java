package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.PositionState;
import java.nio.charset.StandardCharsets;

/**
 * Stores {@link Topics#POSITIONS}, a compacted topic keyed {@code accountId|instrumentId}, into
 * table {@code positions}: the latest record per key is the position, and a tombstone (null value)
 * deletes it. A tombstone whose key is not {@code accountId|instrumentId} is refused by the table
 * (its key columns are NULL) and becomes a dead letter.
 */
final class PositionWriter implements TableWriter<PositionState> {
  private static final char KEY_SEPARATOR = '|';

  @Override
  public Topic<String, PositionState> topic() {
    return Topics.POSITIONS;
  }

  @Override
  public String table() {
    return "positions";
  }

  @Override
  public SinkSql.Upsert sql() {
    return TradingSql.POSITIONS;
  }

  @Override
  public boolean storesTombstones() {
    return true;
  }

  @Override
  public void columns(PositionState p, long kafkaTimestampMs, CopyLine line) {
    line.text(p.getAccountId())
        .text(p.getInstrumentId())
        .decimal(p.getQuantity())
        .decimal(p.getAvgCost())
        .decimal(p.getRealizedPnl())
        .decimal(p.getUnrealizedPnl())
        .epochNanos(p.getTsEvent())
        .bool(false);
  }

  @Override
  public void rows(Decoded<PositionState> row, CopyRows out) {
    if (row.value() != null) {
      columns(row.value(), row.source().timestamp(), out.line());
      return;
    }
    byte[] key = row.source().key();
    String text = key == null ? "" : new String(key, StandardCharsets.UTF_8);
    int at = text.indexOf(KEY_SEPARATOR);
    boolean valid = at > 0 && at < text.length() - 1;
    CopyLine line = out.line();
    line.text(valid ? text.substring(0, at) : null)
        .text(valid ? text.substring(at + 1) : null)
        .decimal(null)
        .decimal(null)
        .decimal(null)
        .decimal(null)
        .text(null)
        .bool(true);
  }
}
