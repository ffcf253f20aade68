package io.tickstream.ingest.dlq;

import io.tickstream.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds {@link DeadLetter} records for the three kinds of source ingest reads. */
public final class DeadLetters {
  private DeadLetters() {}

  /**
   * A record read from Kafka, with its exact key and value bytes and its coordinates.
   *
   * @param stage the component that rejected it, e.g. {@code ingest-validator}
   */
  public static DeadLetter fromKafka(
      DeadLetterReason reason,
      String message,
      String stage,
      byte[] key,
      byte[] value,
      String topic,
      int partition,
      long offset,
      long tsInitNanos) {
    return DeadLetter.newBuilder()
        .setReasonCode(reason.name())
        .setMessage(message)
        .setStage(stage)
        .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
        .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
        .setSourceTopic(topic)
        .setSourcePartition(partition)
        .setSourceOffset(offset)
        .setTsInit(tsInitNanos)
        .build();
  }

  /**
   * A row of a file: the raw line as the value, the file as the source topic and the line number
   * (1-based) as the offset.
   */
  public static DeadLetter fromFileLine(
      DeadLetterReason reason, String message, String file, long line, String raw, long tsInit) {
    return DeadLetter.newBuilder()
        .setReasonCode(reason.name())
        .setMessage(message)
        .setStage("replay")
        .setOriginalKey(null)
        .setOriginalValue(ByteBuffer.wrap(raw.getBytes(StandardCharsets.UTF_8)))
        .setSourceTopic(file)
        .setSourcePartition(-1)
        .setSourceOffset(line)
        .setTsInit(tsInit)
        .build();
  }

  /**
   * A frame of a live feed: the frame text as the value, the feed URL as the source topic and the
   * frame's sequence number on that feed as the offset.
   */
  public static DeadLetter fromFrame(
      DeadLetterReason reason, String message, String url, long frameNo, String frame, long ts) {
    return DeadLetter.newBuilder()
        .setReasonCode(reason.name())
        .setMessage(message)
        .setStage("feed")
        .setOriginalKey(null)
        .setOriginalValue(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)))
        .setSourceTopic(url)
        .setSourcePartition(-1)
        .setSourceOffset(frameNo)
        .setTsInit(ts)
        .build();
  }

  /**
   * The key under which a dead letter is published: the original key as text, or the source
   * coordinates {@code source:partition@offset} when there was none.
   */
  public static String keyOf(DeadLetter d) {
    ByteBuffer k = d.getOriginalKey();
    if (k != null) {
      ByteBuffer dup = k.duplicate();
      byte[] bytes = new byte[dup.remaining()];
      dup.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return d.getSourceTopic() + ":" + d.getSourcePartition() + "@" + d.getSourceOffset();
  }
}
