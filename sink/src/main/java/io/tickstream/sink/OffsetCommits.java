package io.tickstream.sink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commits the offsets of a batch whose rows are already stored in the database. */
final class OffsetCommits {
  private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);

  private final Consumer<byte[], byte[]> consumer;

  OffsetCommits(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Commits past the last record of each partition still assigned to this consumer. */
  void commit(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : batch) {
      offsets.merge(
          new TopicPartition(r.topic(), r.partition()),
          new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    offsets.keySet().retainAll(consumer.assignment());
    try {
      commitSync(offsets);
    } catch (KafkaException e) {
      // The rows are stored; the records will be re-read and rewritten idempotently.
      LOG.warn("committing offsets {} failed ({}); they will be re-read", offsets, e.toString());
    }
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      // close() woke us while committing: the batch is stored, so commit it before stopping.
      consumer.commitSync(offsets);
    }
  }
}
