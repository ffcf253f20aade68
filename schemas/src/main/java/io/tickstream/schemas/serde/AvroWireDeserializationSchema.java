package io.tickstream.schemas.serde;

import io.tickstream.schemas.Topic;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink {@link DeserializationSchema} reading Confluent-framed values of one {@link Topic}.
 * Serializable: it carries only the topic and the registry URL, and creates the registry client in
 * {@link #open} (or on first use). Unreadable values raise {@link WireFormatException}; wrap this
 * schema (or catch in a process function over raw bytes) to route them to the dead-letter topic.
 *
 * <p>{@link #getProducedType()} is an {@link AvroRecordTypeInfo}: Flink moves and checkpoints the
 * records as Avro binary, which needs neither {@code flink-avro} nor Kryo.
 */
public final class AvroWireDeserializationSchema<T extends SpecificRecord>
    implements DeserializationSchema<T> {
  private static final long serialVersionUID = 1L;

  private final Topic<?, T> topic;
  private final String registryUrl;
  private transient volatile AvroWireCodec<T> codec;

  /** A schema fetching writer schemas from {@code registryUrl}. */
  public AvroWireDeserializationSchema(Topic<?, T> topic, String registryUrl) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
  }

  @Override
  public void open(InitializationContext context) {
    codec();
  }

  /** The record, or {@code null} for a {@code null} value (Flink then skips it). */
  @Override
  public T deserialize(byte[] message) {
    return message == null ? null : codec().decode(message);
  }

  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return new AvroRecordTypeInfo<>(topic.valueType());
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
