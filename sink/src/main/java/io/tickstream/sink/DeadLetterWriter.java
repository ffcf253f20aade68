package io.tickstream.sink;

import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stores {@link Topics#DEAD_LETTERS} into table {@code dead_letters}, once per source record and
 * stage: letters with source coordinates are keyed by them, the others by a SHA-256 of their
 * original value bytes. Rows the database refuses are logged, not sent back to md.dlq.
 */
final class DeadLetterWriter implements TableWriter<DeadLetter> {

  @Override
  public Topic<String, DeadLetter> topic() {
    return Topics.DEAD_LETTERS;
  }

  @Override
  public String table() {
    return "dead_letters";
  }

  @Override
  public SinkSql.Upsert sql() {
    return SinkSql.DEAD_LETTERS;
  }

  @Override
  public boolean deadLettersRefusals() {
    return false;
  }

  @Override
  public void columns(DeadLetter letter, long kafkaTimestampMs, CopyLine line) {
    boolean located = letter.getSourceTopic() != null && letter.getSourceOffset() >= 0;
    byte[] value = bytes(letter.getOriginalValue());
    // tsInit is required by the schema; 0 from a careless producer falls back to Kafka's time.
    long ts = letter.getTsInit() > 0 ? letter.getTsInit() : kafkaTimestampMs * 1_000_000L;
    line.text(letter.getReasonCode())
        .text(letter.getMessage())
        .text(letter.getStage())
        .text(letter.getSourceTopic());
    if (located) {
      line.integer(letter.getSourcePartition()).integer(letter.getSourceOffset());
    } else {
      line.integer(-1).integer(-1);
    }
    line.bytes(bytes(letter.getOriginalKey()))
        .bytes(value)
        .bytes(located ? null : sha256(value == null ? new byte[0] : value))
        .epochNanos(ts);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    if (buffer == null) {
      return null;
    }
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
