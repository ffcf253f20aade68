package io.tickstream.sink;

import io.micrometer.core.instrument.Timer;
import io.tickstream.schemas.serde.SchemaRegistrationException;
import io.tickstream.schemas.serde.WireFormatException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll, write, commit: the sink's single-threaded loop. A batch that fails for a transient reason
 * is retried with backoff while every assigned partition is paused, so group membership stays alive
 * and nothing new is fetched; offsets are committed only once the batch is stored.
 */
final class ConsumerLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);

  private final Consumer<byte[], byte[]> consumer;
  private final BatchWriter writer;
  private final RetryBackoff backoff;
  private final Duration pollTimeout;
  private final SinkMetrics metrics;
  private volatile boolean running = true;
  private volatile SinkService.State state = SinkService.State.NEW;

  /** The batch in hand; only touched on the loop thread (rebalance callbacks run inside poll). */
  private List<ConsumerRecord<byte[], byte[]>> inFlight = new ArrayList<>();

  private boolean retrying;

  ConsumerLoop(
      Consumer<byte[], byte[]> consumer,
      BatchWriter writer,
      RetryBackoff backoff,
      Duration pollTimeout,
      SinkMetrics metrics) {
    this.consumer = consumer;
    this.writer = writer;
    this.backoff = backoff;
    this.pollTimeout = pollTimeout;
    this.metrics = metrics;
  }

  SinkService.State state() {
    return state;
  }

  /** Asks the loop to stop after the batch in hand; returns at once. */
  void stop() {
    running = false;
    consumer.wakeup();
  }

  @Override
  public void run() {
    state = SinkService.State.RUNNING;
    try {
      consumer.subscribe(writer.topics(), new Rebalance());
      while (running) {
        ConsumerRecords<byte[], byte[]> polled;
        try {
          polled = consumer.poll(pollTimeout);
        } catch (WakeupException e) {
          continue;
        }
        metrics.consumerLag(lagMax());
        if (polled.isEmpty()) {
          continue;
        }
        inFlight = new ArrayList<>(polled.count());
        polled.forEach(inFlight::add);
        if (!writeWithRetry()) {
          LOG.info("stopped while retrying: {} records left for the next start", inFlight.size());
          break;
        }
        commit(inFlight);
        inFlight = new ArrayList<>();
      }
      state = SinkService.State.STOPPED;
    } catch (RuntimeException | Error e) {
      state = SinkService.State.FAILED;
      LOG.error("sink loop failed; offsets of the batch in hand are not committed", e);
      throw e;
    } finally {
      try {
        consumer.close();
      } finally {
        writer.close();
      }
      LOG.info("sink stopped");
    }
  }

  /** The consumer's own {@code records-lag-max}, read on the loop thread (NaN before a fetch). */
  private double lagMax() {
    for (Map.Entry<MetricName, ? extends Metric> e : consumer.metrics().entrySet()) {
      MetricName name = e.getKey();
      if (name.name().equals("records-lag-max")
          && name.group().equals("consumer-fetch-manager-metrics")
          && !name.tags().containsKey("topic")) {
        Object value = e.getValue().metricValue();
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** True once the batch is stored; false if asked to stop before it could be. */
  private boolean writeWithRetry() {
    for (int attempt = 0; ; attempt++) {
      if (inFlight.isEmpty()) {
        return true; // every partition of the batch went to another member
      }
      Timer.Sample sample = Timer.start();
      try {
        writer.write(inFlight);
        sample.stop(metrics.batchLatency());
        metrics.batchSize().record(inFlight.size());
        if (retrying) {
          retrying = false;
          consumer.resume(consumer.assignment());
          state = SinkService.State.RUNNING;
          LOG.info(
              "batch of {} records stored after {} retries; catching up", inFlight.size(), attempt);
        }
        return true;
      } catch (SQLException
          | KafkaException
          | SchemaRegistrationException
          | WireFormatException e) {
        if (!running) {
          return false;
        }
        metrics.retry();
        Duration delay = backoff.delay(attempt);
        LOG.warn(
            "writing a batch of {} records failed ({}); retry {} in {} ms",
            inFlight.size(),
            e.toString(),
            attempt + 1,
            delay.toMillis());
        retrying = true;
        state = SinkService.State.RETRYING;
        if (!pauseFor(delay)) {
          return false;
        }
      }
    }
  }

  /**
   * Waits {@code delay} inside poll with every partition paused (heartbeats and rebalances go on).
   */
  private boolean pauseFor(Duration delay) {
    consumer.pause(consumer.assignment());
    try {
      ConsumerRecords<byte[], byte[]> unexpected = consumer.poll(delay);
      // Paused partitions return nothing; rewind anything that slipped through so it is re-read.
      for (TopicPartition tp : unexpected.partitions()) {
        consumer.seek(tp, unexpected.records(tp).get(0).offset());
        consumer.pause(Set.of(tp));
      }
    } catch (WakeupException e) {
      return running;
    }
    return running;
  }

  private void commit(List<ConsumerRecord<byte[], byte[]>> batch) {
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

  /** Drops revoked partitions from the batch in hand and keeps new ones paused while retrying. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!inFlight.isEmpty()) {
        inFlight.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (retrying) {
        consumer.pause(partitions);
      }
    }
  }
}
