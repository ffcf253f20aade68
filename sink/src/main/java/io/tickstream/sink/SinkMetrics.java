package io.tickstream.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/** The sink's meters, registered once in the registry passed to the service. */
final class SinkMetrics {
  private final MeterRegistry registry;
  private final DistributionSummary batchSize;
  private final Timer batchLatency;
  private final Counter retries;
  private final AtomicLong lag = new AtomicLong(Double.doubleToLongBits(0));

  SinkMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batchSize =
        DistributionSummary.builder("tickstream.sink.batch.size")
            .description("Records per batch polled from Kafka and written in one transaction")
            .baseUnit("records")
            .publishPercentileHistogram()
            .register(registry);
    this.batchLatency =
        Timer.builder("tickstream.sink.batch.latency")
            .description("Time to write one batch: decode, database transaction, dead letters")
            .publishPercentileHistogram()
            .register(registry);
    this.retries =
        Counter.builder("tickstream.sink.retries")
            .description("Batch attempts that failed for a transient reason and were retried")
            .register(registry);
    Gauge.builder("tickstream.sink.consumer.lag", lag, l -> Double.longBitsToDouble(l.get()))
        .description("Records the sink is behind on its most lagging partition (records-lag-max)")
        .baseUnit("records")
        .register(registry);
  }

  void rowsWritten(String table, int rows) {
    Counter.builder("tickstream.sink.rows.written")
        .description("Table rows inserted or updated")
        .tag("table", table)
        .register(registry)
        .increment(rows);
  }

  Timer tableWriteLatency(String table) {
    return Timer.builder("tickstream.sink.table.write.latency")
        .description("Time to write one batch into one table (COPY and merge)")
        .tag("table", table)
        .register(registry);
  }

  void copyFallback(String table) {
    Counter.builder("tickstream.sink.copy.fallbacks")
        .description("Batches whose direct COPY met stored rows and were merged instead")
        .tag("table", table)
        .register(registry)
        .increment();
  }

  void copyEncodedAhead(String table) {
    Counter.builder("tickstream.sink.copy.encoded.ahead")
        .description(
            "Batches whose direct COPY input was encoded while the previous batch was stored")
        .tag("table", table)
        .register(registry)
        .increment();
  }

  /** The consumer's largest partition lag, as last read from its {@code records-lag-max}. */
  void consumerLag(double records) {
    if (!Double.isNaN(records)) {
      lag.set(Double.doubleToLongBits(records));
    }
  }

  void deadLetter(String reasonCode) {
    Counter.builder("tickstream.sink.dead.letters")
        .description("Records sent to the dead-letter topic")
        .tag("reason", reasonCode)
        .register(registry)
        .increment();
  }

  DistributionSummary batchSize() {
    return batchSize;
  }

  Timer batchLatency() {
    return batchLatency;
  }

  void retry() {
    retries.increment();
  }
}
