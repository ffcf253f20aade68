package io.tickstream.jobs;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink serializer of {@link TradeTick} for the trades stream between operators (source → bars
 * across {@code keyBy}): the fields written directly, with no Avro datum writer or schema
 * resolution in between. Why our own: Avro's generic reader and writer (through {@code
 * AvroRecordSerializer}) were the largest cost of the job after the bars themselves, and Kryo
 * cannot handle Avro records well. Used through {@link #TYPE_INFO} on streams only; keyed state
 * that holds trades keeps its Avro serializer and format.
 *
 * <p>Format 1: instrumentId, price, size, aggressorSide (ordinal byte), tradeId, tsEvent, tsInit;
 * strings as Flink {@link StringValue}s, decimals as {@link WireDecimals}.
 */
public final class TradeTickSerializer extends TypeSerializerSingleton<TradeTick> {
  private static final long serialVersionUID = 1L;

  /** The single instance. */
  public static final TradeTickSerializer INSTANCE = new TradeTickSerializer();

  /** The type information to give trade streams: {@code env.fromSource(..., TYPE_INFO)}. */
  public static final DirectTypeInfo<TradeTick> TYPE_INFO =
      new DirectTypeInfo<>(TradeTick.class, INSTANCE);

  private static final AggressorSide[] SIDES = AggressorSide.values();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TradeTick createInstance() {
    return new TradeTick();
  }

  @Override
  public TradeTick copy(TradeTick from) {
    // Every field is immutable (String, BigDecimal, enum, long): a shallow copy is a deep one.
    return new TradeTick(
        from.getInstrumentId(),
        from.getPrice(),
        from.getSize(),
        from.getAggressorSide(),
        from.getTradeId(),
        from.getTsEvent(),
        from.getTsInit());
  }

  @Override
  public TradeTick copy(TradeTick from, TradeTick reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(TradeTick t, DataOutputView out) throws IOException {
    StringValue.writeString(t.getInstrumentId(), out);
    WireDecimals.write(t.getPrice(), out);
    WireDecimals.write(t.getSize(), out);
    out.writeByte(t.getAggressorSide().ordinal());
    StringValue.writeString(t.getTradeId(), out);
    out.writeLong(t.getTsEvent());
    out.writeLong(t.getTsInit());
  }

  @Override
  public TradeTick deserialize(DataInputView in) throws IOException {
    return new TradeTick(
        StringValue.readString(in),
        WireDecimals.read(in),
        WireDecimals.read(in),
        SIDES[in.readByte()],
        StringValue.readString(in),
        in.readLong(),
        in.readLong());
  }

  @Override
  public TradeTick deserialize(TradeTick reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<TradeTick> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of the (parameterless) serializer. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<TradeTick> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
