package io.tickstream.jobs;

import io.tickstream.schemas.serde.OpaqueTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information that hands out one given, stateless serializer: how a record crosses the
 * network between operators ({@code keyBy}) with a hand-written serializer ({@link
 * TradeTickSerializer}, {@link BarSerializer}) instead of Avro's generic datum reader and writer.
 * Use it for streams only; keyed state keeps its own descriptors and formats.
 */
public final class DirectTypeInfo<T> extends OpaqueTypeInfo<T> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> serializer;

  /** Type information for {@code type}, serialized by {@code serializer} (stateless). */
  public DirectTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
    super(type);
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer;
  }

  @Override
  public String toString() {
    return "Direct<" + getTypeClass().getName() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DirectTypeInfo<?> other
        && other.canEqual(this)
        && getTypeClass().equals(other.getTypeClass())
        && serializer.equals(other.serializer);
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof DirectTypeInfo;
  }
}
