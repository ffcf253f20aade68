package io.tickstream.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a generated Avro class, serialized as Avro binary (plain {@code
 * org.apache.avro}) by {@link AvroRecordSerializer}, with the writer schema kept in checkpoints so
 * state survives compatible schema changes. Use it where Flink needs the type of such records
 * ({@code .returns(new AvroRecordTypeInfo<>(Bar.class))}, state descriptors, sources).
 *
 * <p>Why not {@code TypeInformation.of(TradeTick.class)}: Flink hands Avro-generated classes to
 * {@code flink-avro}'s {@code AvroTypeInfo}, and the only copy on our classpath is the Flink 2.1
 * one inside the shaded registry jar, compiled against relocated Avro. It happens to round-trip our
 * records, but it is version-skewed and disappears with that jar; without it Flink fails asking for
 * {@code flink-avro}.
 */
public final class AvroRecordTypeInfo<T extends SpecificRecord> extends OpaqueTypeInfo<T> {
  private static final long serialVersionUID = 1L;

  /** Type information for the generated class {@code type}. */
  public AvroRecordTypeInfo(Class<T> type) {
    super(type);
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return new AvroRecordSerializer<>(getTypeClass());
  }

  @Override
  public String toString() {
    return "AvroRecord<" + getTypeClass().getName() + ">";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroRecordTypeInfo<?> other
        && other.canEqual(this)
        && getTypeClass().equals(other.getTypeClass());
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof AvroRecordTypeInfo;
  }
}
