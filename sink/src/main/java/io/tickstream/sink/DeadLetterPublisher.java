package io.tickstream.sink;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link Rejection}s to {@link Topics#DEAD_LETTERS} as {@link DeadLetter}s with stage {@code
 * sink}, the original key and value bytes and the source coordinates, and waits until the broker
 * has them: offsets are committed only afterwards, so a dead letter is never lost (after a crash it
 * may be sent twice).
 */
final class DeadLetterPublisher implements AutoCloseable {
  static final String STAGE = "sink";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  private final Producer<String, DeadLetter> producer;
  private final SinkMetrics metrics;

  DeadLetterPublisher(Producer<String, DeadLetter> producer, SinkMetrics metrics) {
    this.producer = producer;
    this.metrics = metrics;
  }

  /**
   * Sends every rejection and blocks until all are acknowledged.
   *
   * @throws KafkaException when a send fails; the caller retries the batch
   */
  void publish(List<Rejection> rejections) {
    if (rejections.isEmpty()) {
      return;
    }
    List<Future<RecordMetadata>> sent = new ArrayList<>(rejections.size());
    for (Rejection r : rejections) {
      sent.add(producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), key(r), letter(r))));
    }
    producer.flush();
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new KafkaException("sending a dead letter failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("interrupted while sending dead letters", e);
      }
    }
    for (Rejection r : rejections) {
      metrics.deadLetter(r.reasonCode());
      ConsumerRecord<byte[], byte[]> s = r.source();
      LOG.warn(
          "dead letter {} for {}-{}@{}: {}",
          r.reasonCode(),
          s.topic(),
          s.partition(),
          s.offset(),
          r.message());
    }
  }

  private static String key(Rejection r) {
    ConsumerRecord<byte[], byte[]> s = r.source();
    return s.key() != null
        ? new String(s.key(), StandardCharsets.UTF_8)
        : s.topic() + "-" + s.partition() + "@" + s.offset();
  }

  static DeadLetter letter(Rejection r) {
    ConsumerRecord<byte[], byte[]> s = r.source();
    Instant now = Instant.now();
    return DeadLetter.newBuilder()
        .setReasonCode(r.reasonCode())
        .setMessage(r.message())
        .setStage(STAGE)
        .setOriginalKey(s.key() == null ? null : ByteBuffer.wrap(s.key()))
        .setOriginalValue(s.value() == null ? null : ByteBuffer.wrap(s.value()))
        .setSourceTopic(s.topic())
        .setSourcePartition(s.partition())
        .setSourceOffset(s.offset())
        .setTsInit(now.getEpochSecond() * 1_000_000_000L + now.getNano())
        .build();
  }

  @Override
  public void close() {
    producer.close();
  }
}
