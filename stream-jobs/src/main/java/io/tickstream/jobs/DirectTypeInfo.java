package io.tickstream.jobs;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information that hands out one given, stateless serializer: how a record crosses the
 * network between operators ({@code keyBy}) with a hand-written serializer ({@link
 * TradeTickSerializer}, {@link BarSerializer}) instead of Avro's generic datum reader and writer.
 * Use it for streams only; keyed state keeps its own descriptors and formats.
 */
public final class DirectTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final TypeSerializer<T> serializer;

  /** Type information for {@code type}, serialized by {@code serializer} (stateless). */
  public DirectTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
    this.type = Objects.requireNonNull(type, "type");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer;
  }

  @Override
  public String toString() {
    return "Direct<" + type.getName() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DirectTypeInfo<?> other
        && other.canEqual(this)
        && type.equals(other.type)
        && serializer.equals(other.serializer);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof DirectTypeInfo;
  }
}
