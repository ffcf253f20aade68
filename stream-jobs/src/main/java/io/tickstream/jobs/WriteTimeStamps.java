package io.tickstream.jobs;

import java.util.Optional;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacetProvider;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Serializes as {@code delegate} does, but leaves the Kafka record timestamp to the producer (the
 * time of writing) instead of the element's event time, which Flink's builder-made schemas copy.
 *
 * <p>Why: Kafka's time retention ({@code retention.ms}, 7 days by default) deletes segments whose
 * newest record timestamp is older than retention. Stamped with event time, the output of a replay
 * of older trades is deleted at the broker's next retention pass (the first runs 30 s after the
 * broker starts, then every 5 minutes), before or while consumers read it: FailureRecoveryIT
 * (trades of January 2026) lost its first bars, features and signals that way. Stamped with the
 * time of writing, like {@code md.trades} from the ingest publisher, every topic keeps what was
 * written in the last {@code retention.ms}. Event time stays in the records ({@code tsEvent},
 * {@code start}/{@code end}, {@code barEnd}).
 *
 * @param <T> the element type
 */
final class WriteTimeStamps<T>
    implements KafkaRecordSerializationSchema<T>, KafkaDatasetFacetProvider {
  private static final long serialVersionUID = 1L;

  private final KafkaRecordSerializationSchema<T> delegate;

  WriteTimeStamps(KafkaRecordSerializationSchema<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
      throws Exception {
    delegate.open(context, sinkContext);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      T element, KafkaSinkContext context, Long timestamp) {
    return delegate.serialize(element, context, null);
  }

  /** The delegate's topics, for lineage and for sinks that must know their topics. */
  @Override
  public Optional<KafkaDatasetFacet> getKafkaDatasetFacet() {
    return delegate instanceof KafkaDatasetFacetProvider provider
        ? provider.getKafkaDatasetFacet()
        : Optional.empty();
  }
}
