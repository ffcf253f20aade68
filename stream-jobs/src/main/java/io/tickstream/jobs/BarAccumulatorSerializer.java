package io.tickstream.jobs;

import io.tickstream.signals.bars.BarAccumulator;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink state serializer of the open-bar {@link BarAccumulator}, replacing the Kryo fallback:
 * compact, versioned (format 1), and independent of Kryo's class registration order.
 *
 * <p>Format 1: count (long); when count &gt; 0: openTs, open, closeTs, close, high, low; then
 * volume and notional. Decimals as scale (int) + unscaled bytes.
 *
 * <p>{@code BarAccumulator} exposes neither its notional nor a way to rebuild itself from state, so
 * the fields are read and written through {@link VarHandle}s here, in this one place. When {@code
 * signals} gains a {@code BarAccumulator.State} record with {@code snapshot()} / {@code
 * restore(State)}, replace the handles with those calls; the byte format stays the same.
 */
public final class BarAccumulatorSerializer extends TypeSerializerSingleton<BarAccumulator> {
  private static final long serialVersionUID = 1L;

  /** The single instance. */
  public static final BarAccumulatorSerializer INSTANCE = new BarAccumulatorSerializer();

  private static final VarHandle OPEN = field("open", BigDecimal.class);
  private static final VarHandle OPEN_TS = field("openTs", long.class);
  private static final VarHandle CLOSE = field("close", BigDecimal.class);
  private static final VarHandle CLOSE_TS = field("closeTs", long.class);
  private static final VarHandle HIGH = field("high", BigDecimal.class);
  private static final VarHandle LOW = field("low", BigDecimal.class);
  private static final VarHandle VOLUME = field("volume", BigDecimal.class);
  private static final VarHandle NOTIONAL = field("notional", BigDecimal.class);
  private static final VarHandle COUNT = field("count", long.class);

  private static VarHandle field(String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(BarAccumulator.class, MethodHandles.lookup())
          .findVarHandle(BarAccumulator.class, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "BarAccumulator changed shape (field " + name + "): update BarAccumulatorSerializer", e);
    }
  }

  /**
   * The accumulator with exactly this state (the fields of format 1), for {@link
   * LongBarAccumulator}'s fallback and state writes.
   */
  static BarAccumulator restore(
      long count,
      long openTs,
      BigDecimal open,
      long closeTs,
      BigDecimal close,
      BigDecimal high,
      BigDecimal low,
      BigDecimal volume,
      BigDecimal notional) {
    BarAccumulator acc = new BarAccumulator();
    COUNT.set(acc, count);
    OPEN_TS.set(acc, openTs);
    OPEN.set(acc, open);
    CLOSE_TS.set(acc, closeTs);
    CLOSE.set(acc, close);
    HIGH.set(acc, high);
    LOW.set(acc, low);
    VOLUME.set(acc, volume);
    NOTIONAL.set(acc, notional);
    return acc;
  }

  /** The state of {@code acc}, in the order of {@link #restore}'s decimals. */
  static BigDecimal[] decimals(BarAccumulator acc) {
    return new BigDecimal[] {
      (BigDecimal) OPEN.get(acc),
      (BigDecimal) CLOSE.get(acc),
      (BigDecimal) HIGH.get(acc),
      (BigDecimal) LOW.get(acc),
      (BigDecimal) VOLUME.get(acc),
      (BigDecimal) NOTIONAL.get(acc)
    };
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public BarAccumulator createInstance() {
    return new BarAccumulator();
  }

  @Override
  public BarAccumulator copy(BarAccumulator from) {
    return from.copy();
  }

  @Override
  public BarAccumulator copy(BarAccumulator from, BarAccumulator reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(BarAccumulator acc, DataOutputView out) throws IOException {
    long count = (long) COUNT.get(acc);
    out.writeLong(count);
    if (count > 0) {
      out.writeLong((long) OPEN_TS.get(acc));
      writeDecimal((BigDecimal) OPEN.get(acc), out);
      out.writeLong((long) CLOSE_TS.get(acc));
      writeDecimal((BigDecimal) CLOSE.get(acc), out);
      writeDecimal((BigDecimal) HIGH.get(acc), out);
      writeDecimal((BigDecimal) LOW.get(acc), out);
    }
    writeDecimal((BigDecimal) VOLUME.get(acc), out);
    writeDecimal((BigDecimal) NOTIONAL.get(acc), out);
  }

  @Override
  public BarAccumulator deserialize(DataInputView in) throws IOException {
    BarAccumulator acc = new BarAccumulator();
    long count = in.readLong();
    COUNT.set(acc, count);
    if (count > 0) {
      OPEN_TS.set(acc, in.readLong());
      OPEN.set(acc, readDecimal(in));
      CLOSE_TS.set(acc, in.readLong());
      CLOSE.set(acc, readDecimal(in));
      HIGH.set(acc, readDecimal(in));
      LOW.set(acc, readDecimal(in));
    }
    VOLUME.set(acc, readDecimal(in));
    NOTIONAL.set(acc, readDecimal(in));
    return acc;
  }

  @Override
  public BarAccumulator deserialize(BarAccumulator reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<BarAccumulator> snapshotConfiguration() {
    return new Snapshot();
  }

  private static void writeDecimal(BigDecimal d, DataOutputView out) throws IOException {
    byte[] unscaled = d.unscaledValue().toByteArray();
    out.writeInt(d.scale());
    out.writeInt(unscaled.length);
    out.write(unscaled);
  }

  private static BigDecimal readDecimal(DataInputView in) throws IOException {
    int scale = in.readInt();
    byte[] unscaled = new byte[in.readInt()];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  /** Snapshot of the (parameterless) serializer, for restores. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<BarAccumulator> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
