package io.tickstream.sink;

import io.micrometer.core.instrument.Timer;
import io.tickstream.schemas.serde.SchemaRegistrationException;
import io.tickstream.schemas.serde.WireFormatException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll, write, commit. The consumer lives on the loop thread; a second thread stores each decoded
 * batch in the database while the loop polls and decodes the next one, and the loop commits a
 * batch's offsets only once that batch is stored. A batch that fails for a transient reason is
 * retried on the loop thread with backoff while every assigned partition is paused, so group
 * membership stays alive and nothing new is fetched (beyond the one batch already read ahead, which
 * is stored after it).
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

  /**
   * The batch being retried on the loop thread; only touched there (rebalance callbacks run inside
   * poll).
   */
  private List<ConsumerRecord<byte[], byte[]>> inFlight = new ArrayList<>();

  /** Polled and decoded, waiting for the batch before it to be stored. */
  private List<ConsumerRecord<byte[], byte[]>> queued = new ArrayList<>();

  /** Did a rebalance drop records of {@link #queued} since it was decoded? */
  private boolean queuedChanged;

  /** The batch being stored on the database thread, or null. */
  private Storing storing;

  /** Stored by the database thread, offsets not committed yet (done after the next submit). */
  private List<ConsumerRecord<byte[], byte[]>> stored;

  /**
   * One thread writes to the database while the loop thread polls and decodes the next batch; the
   * consumer stays on the loop thread and offsets are committed there once a batch is stored.
   */
  private final ExecutorService database =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tickstream-sink-db");
            t.setDaemon(true);
            return t;
          });

  private boolean retrying;
  private final ConsumerLag lag;
  private final OffsetCommits offsets;

  ConsumerLoop(
      Consumer<byte[], byte[]> consumer,
      BatchWriter writer,
      RetryBackoff backoff,
      Duration pollTimeout,
      SinkMetrics metrics) {
    this.consumer = consumer;
    this.lag = new ConsumerLag(consumer);
    this.offsets = new OffsetCommits(consumer);
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
        metrics.consumerLag(lag.max());
        queued = new ArrayList<>(polled.count());
        polled.forEach(queued::add);
        // Decoding the next batch overlaps with storing the previous one on the database thread.
        BatchWriter.Prepared prepared = prepareQuietly(queued);
        queuedChanged = false;
        if (!finishStoring()) {
          LOG.info("stopped while retrying: {} records left for the next start", inFlight.size());
          break;
        }
        if (queued.isEmpty()) {
          commitStored();
          continue;
        }
        if (prepared == null || queuedChanged) {
          // Not decodable now (registry down) or cut by a rebalance: the synchronous path.
          commitStored();
          inFlight = queued;
          queued = new ArrayList<>();
          if (!writeWithRetry()) {
            LOG.info("stopped while retrying: {} records left for the next start", inFlight.size());
            break;
          }
          offsets.commit(inFlight);
          inFlight = new ArrayList<>();
        } else {
          storing = new Storing(queued, database.submit(() -> store(prepared)));
          queued = new ArrayList<>();
        }
        commitStored(); // the previous batch's, while the database stores this one
      }
      if (storing != null) {
        awaitStored(storing); // close(): finish the batch in hand and commit it, no retries
      }
      commitStored();
      state = SinkService.State.STOPPED;
    } catch (RuntimeException | Error e) {
      state = SinkService.State.FAILED;
      LOG.error("sink loop failed; offsets of the batch in hand are not committed", e);
      throw e;
    } finally {
      database.shutdownNow();
      try {
        consumer.close();
      } finally {
        writer.close();
      }
      LOG.info("sink stopped");
    }
  }

  private BatchWriter.Prepared prepareQuietly(List<ConsumerRecord<byte[], byte[]>> records) {
    if (records.isEmpty()) {
      return null;
    }
    try {
      return writer.prepare(records);
    } catch (WireFormatException e) {
      return null; // registry unavailable: writeWithRetry decodes again, with backoff
    }
  }

  /** Runs on the database thread. */
  private Void store(BatchWriter.Prepared batch) throws SQLException {
    Timer.Sample sample = Timer.start();
    writer.store(batch);
    sample.stop(metrics.batchLatency());
    metrics.batchSize().record(batch.size());
    return null;
  }

  /**
   * Waits for the batch being stored (its offsets are then committed by {@link #commitStored}); on
   * a transient failure retries it here with backoff, partitions paused, and commits it. False if
   * asked to stop before it could be stored.
   */
  private boolean finishStoring() {
    Storing s = storing;
    if (s == null) {
      return true;
    }
    storing = null;
    Throwable failure = awaitStored(s);
    if (failure == null) {
      return true;
    }
    LOG.debug("storing a batch of {} records failed ({}); retrying", s.records.size(), failure);
    inFlight = s.records;
    if (!writeWithRetry()) {
      return false;
    }
    offsets.commit(inFlight);
    inFlight = new ArrayList<>();
    return true;
  }

  /**
   * Waits for {@code s}; if stored, returns null and leaves its records for {@link #commitStored},
   * else returns the transient failure. Anything else (a bug, or a test's simulated crash) is
   * rethrown: the loop fails.
   */
  private Throwable awaitStored(Storing s) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          s.result.get();
          break;
        } catch (InterruptedException e) {
          // Only a hard shutdown interrupts the loop thread; the batch in hand still ends first.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException
          || cause instanceof KafkaException
          || cause instanceof SchemaRegistrationException
          || cause instanceof WireFormatException) {
        return cause;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    commitStored();
    stored = s.records;
    return null;
  }

  /** Commits the offsets of the last batch stored by the database thread, if not yet done. */
  private void commitStored() {
    if (stored != null) {
      List<ConsumerRecord<byte[], byte[]>> batch = stored;
      stored = null;
      offsets.commit(batch);
    }
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

  /** Drops revoked partitions from the batch in hand and keeps new ones paused while retrying. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Storing s = storing;
      if (s != null) {
        // Finish the batch being stored while its partitions are still ours, so its offsets are
        // committed and the next owner does not store it again. A failed one is retried after
        // this poll (by finishStoring) without the revoked partitions.
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>(s.records);
        kept.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
        storing = awaitStored(s) == null ? null : new Storing(kept, s.result);
      }
      commitStored();
      if (!inFlight.isEmpty()) {
        inFlight.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
      }
      if (!queued.isEmpty()
          && queued.removeIf(
              r -> partitions.contains(new TopicPartition(r.topic(), r.partition())))) {
        queuedChanged = true;
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (retrying) {
        consumer.pause(partitions);
      }
    }
  }

  /** A batch handed to the database thread, with the records whose offsets it will commit. */
  private record Storing(List<ConsumerRecord<byte[], byte[]>> records, Future<Void> result) {}
}
