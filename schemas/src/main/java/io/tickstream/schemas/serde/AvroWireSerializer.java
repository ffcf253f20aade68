package io.tickstream.schemas.serde;

import io.tickstream.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing the values of one {@link Topic} in the Confluent wire format.
 * Pass an instance to the producer (it has no no-arg constructor, so it cannot be named in {@code
 * value.serializer}). A {@code null} value (a tombstone) stays {@code null}.
 */
public final class AvroWireSerializer<T extends SpecificRecord> implements Serializer<T> {
  private final AvroWireCodec<T> codec;

  /** A serializer registering the value schema at {@code registryUrl}. */
  public AvroWireSerializer(Topic<?, T> topic, String registryUrl) {
    this(new AvroWireCodec<>(topic, registryUrl));
  }

  /** A serializer using an existing registry client. */
  public AvroWireSerializer(Topic<?, T> topic, SchemaRegistryClient registry) {
    this(new AvroWireCodec<>(topic, registry));
  }

  /** A serializer sharing an existing codec (and its caches). */
  public AvroWireSerializer(AvroWireCodec<T> codec) {
    this.codec = codec;
  }

  /**
   * The framed bytes of {@code data}; {@code topicName} is ignored: the subject comes from the
   * {@link Topic} given at construction.
   */
  @Override
  public byte[] serialize(String topicName, T data) {
    return data == null ? null : codec.encode(data);
  }
}
