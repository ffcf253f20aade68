package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer of the Avro {@link Bar} for the bars stream between operators (bars → features
 * and signals across their {@code keyBy}): the fields written directly, for the reason given in
 * {@link TradeTickSerializer}. Used through {@link #TYPE_INFO} on streams only; keyed state that
 * holds bars keeps its Avro serializer and format.
 *
 * <p>Format 1: instrumentId, spec, start, end, open, high, low, close, volume, tradeCount, vwap,
 * revision, tsEvent, tsInit; strings as Flink {@link StringValue}s, decimals as {@link
 * WireDecimals}.
 */
public final class BarSerializer extends TypeSerializerSingleton<Bar> {
  private static final long serialVersionUID = 1L;

  /** The single instance. */
  public static final BarSerializer INSTANCE = new BarSerializer();

  /** The type information of bar streams. */
  public static final DirectTypeInfo<Bar> TYPE_INFO = new DirectTypeInfo<>(Bar.class, INSTANCE);

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public Bar createInstance() {
    return new Bar();
  }

  @Override
  public Bar copy(Bar from) {
    // Every field is immutable (String, BigDecimal, long, int): a shallow copy is a deep one.
    return new Bar(
        from.getInstrumentId(),
        from.getSpec(),
        from.getStart(),
        from.getEnd(),
        from.getOpen(),
        from.getHigh(),
        from.getLow(),
        from.getClose(),
        from.getVolume(),
        from.getTradeCount(),
        from.getVwap(),
        from.getRevision(),
        from.getTsEvent(),
        from.getTsInit());
  }

  @Override
  public Bar copy(Bar from, Bar reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(Bar b, DataOutputView out) throws IOException {
    StringValue.writeString(b.getInstrumentId(), out);
    StringValue.writeString(b.getSpec(), out);
    out.writeLong(b.getStart());
    out.writeLong(b.getEnd());
    WireDecimals.write(b.getOpen(), out);
    WireDecimals.write(b.getHigh(), out);
    WireDecimals.write(b.getLow(), out);
    WireDecimals.write(b.getClose(), out);
    WireDecimals.write(b.getVolume(), out);
    out.writeLong(b.getTradeCount());
    WireDecimals.write(b.getVwap(), out);
    out.writeInt(b.getRevision());
    out.writeLong(b.getTsEvent());
    out.writeLong(b.getTsInit());
  }

  @Override
  public Bar deserialize(DataInputView in) throws IOException {
    return new Bar(
        StringValue.readString(in),
        StringValue.readString(in),
        in.readLong(),
        in.readLong(),
        WireDecimals.read(in),
        WireDecimals.read(in),
        WireDecimals.read(in),
        WireDecimals.read(in),
        WireDecimals.read(in),
        in.readLong(),
        WireDecimals.read(in),
        in.readInt(),
        in.readLong(),
        in.readLong());
  }

  @Override
  public Bar deserialize(Bar reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<Bar> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of the (parameterless) serializer. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Bar> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
