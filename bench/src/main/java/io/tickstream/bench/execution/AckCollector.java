package io.tickstream.bench.execution;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.schemas.serde.AvroWireDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code orders.events} (read_committed, as any downstream consumer would) on its own thread:
 * counts acknowledgements (ACCEPTED) and records when each signal's acknowledgement arrived.
 */
final class AckCollector implements Runnable, AutoCloseable {
  final AtomicLong acks = new AtomicLong();
  final AtomicLong denied = new AtomicLong();
  final AtomicLong firstAckNanos = new AtomicLong();
  final AtomicLong lastAckNanos = new AtomicLong();

  /** Signal id to wall-clock epoch nanos of its ACCEPTED event's arrival (latency phase). */
  final Map<String, Long> ackTimes = new ConcurrentHashMap<>();

  private final KafkaConsumer<String, OrderEvent> consumer;
  private final Thread thread;
  private volatile boolean recordTimes;
  private volatile boolean running = true;

  AckCollector(String bootstrap, String registry) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                1),
            new StringDeserializer(),
            new AvroWireDeserializer<>(Topics.ORDER_EVENTS, registry));
    consumer.subscribe(List.of(Topics.ORDER_EVENTS.name()));
    thread = new Thread(this, "bench-acks");
    thread.setDaemon(true);
    thread.start();
  }

  void recordTimes(boolean on) {
    recordTimes = on;
  }

  @Override
  public void run() {
    while (running) {
      for (ConsumerRecord<String, OrderEvent> r : consumer.poll(Duration.ofMillis(20))) {
        OrderEvent e = r.value();
        if (e.getEventType() == OrderEventType.ACCEPTED) {
          long now = BenchFeed.nowNanos();
          firstAckNanos.compareAndSet(0, now);
          lastAckNanos.set(now);
          acks.incrementAndGet();
          if (recordTimes && e.getSignalId() != null) {
            ackTimes.put(e.getSignalId(), now);
          }
        } else if (e.getEventType() == OrderEventType.DENIED) {
          denied.incrementAndGet();
        }
      }
    }
    consumer.close();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
