package io.tickstream.schemas.serde;

import io.tickstream.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} reading Confluent-framed values of one {@link Topic}. A {@code null}
 * value (a tombstone) stays {@code null}. Unreadable values raise {@link WireFormatException}; the
 * consumer wraps it in a {@code RecordDeserializationException} that carries the partition, offset
 * and original bytes, so callers can route the record to the dead-letter topic.
 */
public final class AvroWireDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private final AvroWireCodec<T> codec;

  /** A deserializer fetching writer schemas from {@code registryUrl}. */
  public AvroWireDeserializer(Topic<?, T> topic, String registryUrl) {
    this(new AvroWireCodec<>(topic, registryUrl));
  }

  /** A deserializer using an existing registry client. */
  public AvroWireDeserializer(Topic<?, T> topic, SchemaRegistryClient registry) {
    this(new AvroWireCodec<>(topic, registry));
  }

  /** A deserializer sharing an existing codec (and its caches). */
  public AvroWireDeserializer(AvroWireCodec<T> codec) {
    this.codec = codec;
  }

  @Override
  public T deserialize(String topicName, byte[] data) {
    return data == null ? null : codec.decode(data);
  }
}
