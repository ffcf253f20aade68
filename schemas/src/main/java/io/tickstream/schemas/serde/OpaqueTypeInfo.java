package io.tickstream.schemas.serde;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink type information of a record that Flink treats as one opaque value (no fields it can see,
 * not usable as a key type) and hands to the serializer a subclass gives. What is common to {@link
 * AvroRecordTypeInfo} and the analytics job's hand-written serializers' type information.
 *
 * @param <T> the record class
 */
public abstract class OpaqueTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;

  /** Type information for {@code type}. */
  protected OpaqueTypeInfo(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public final boolean isBasicType() {
    return false;
  }

  @Override
  public final boolean isTupleType() {
    return false;
  }

  @Override
  public final int getArity() {
    return 1;
  }

  @Override
  public final int getTotalFields() {
    return 1;
  }

  @Override
  public final Class<T> getTypeClass() {
    return type;
  }

  @Override
  public final boolean isKeyType() {
    return false;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }
}
