package io.tickstream.schemas.serde;

import io.tickstream.schemas.Topic;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/**
 * Flink {@link SerializationSchema} writing the values of one {@link Topic} in the Confluent wire
 * format. Serializable: it carries only the topic and the registry URL, and creates the registry
 * client in {@link #open} (or on first use).
 */
public final class AvroWireSerializationSchema<T extends SpecificRecord>
    implements SerializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final Topic<?, T> topic;
  private final String registryUrl;
  private transient volatile AvroWireCodec<T> codec;

  /** A schema registering the value schema at {@code registryUrl} when opened. */
  public AvroWireSerializationSchema(Topic<?, T> topic, String registryUrl) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
  }

  @Override
  public void open(InitializationContext context) {
    codec().schemaId();
  }

  @Override
  public byte[] serialize(T element) {
    return element == null ? null : codec().encode(element);
  }

  private AvroWireCodec<T> codec() {
    AvroWireCodec<T> c = codec;
    if (c == null) {
      synchronized (this) {
        c = codec;
        if (c == null) {
          c = new AvroWireCodec<>(topic, registryUrl);
          codec = c;
        }
      }
    }
    return c;
  }
}
