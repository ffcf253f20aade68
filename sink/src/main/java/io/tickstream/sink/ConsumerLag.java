package io.tickstream.sink;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** The consumer's own {@code records-lag-max}, read on the consumer's thread. */
final class ConsumerLag {
  private final Consumer<?, ?> consumer;
  private Metric lagMetric;

  ConsumerLag(Consumer<?, ?> consumer) {
    this.consumer = consumer;
  }

  /** The largest lag over the assigned partitions; NaN before the first fetch. */
  double max() {
    if (lagMetric == null) {
      // Found once: the consumer keeps hundreds of metrics, too many to scan on every poll.
      for (Map.Entry<MetricName, ? extends Metric> e : consumer.metrics().entrySet()) {
        MetricName name = e.getKey();
        if (name.name().equals("records-lag-max")
            && name.group().equals("consumer-fetch-manager-metrics")
            && !name.tags().containsKey("topic")) {
          lagMetric = e.getValue();
        }
      }
      if (lagMetric == null) {
        return Double.NaN;
      }
    }
    Object value = lagMetric.metricValue();
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
