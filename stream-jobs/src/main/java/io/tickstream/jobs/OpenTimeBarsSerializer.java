package io.tickstream.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink state serializer of {@link OpenTimeBars} (no Kryo fallback), versioned (format 1).
 *
 * <p>Format 1: number of resolutions (int); per resolution: spec text (UTF), number of bars (int);
 * per bar: start in ms (long), last revision (int, -1 = not emitted), has accumulator (boolean),
 * then the accumulator in {@link BarAccumulatorSerializer}'s format: a {@link LongBarAccumulator}
 * is written as the core accumulator that took the same trades, so the format did not change.
 */
public final class OpenTimeBarsSerializer extends TypeSerializerSingleton<OpenTimeBars> {
  private static final long serialVersionUID = 1L;

  /** The single instance. */
  public static final OpenTimeBarsSerializer INSTANCE = new OpenTimeBarsSerializer();

  private static final BarAccumulatorSerializer ACC = BarAccumulatorSerializer.INSTANCE;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public OpenTimeBars createInstance() {
    return new OpenTimeBars(new String[0]);
  }

  @Override
  public OpenTimeBars copy(OpenTimeBars from) {
    return from.copy();
  }

  @Override
  public OpenTimeBars copy(OpenTimeBars from, OpenTimeBars reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(OpenTimeBars bars, DataOutputView out) throws IOException {
    String[] specs = bars.specs();
    out.writeInt(specs.length);
    for (int i = 0; i < specs.length; i++) {
      out.writeUTF(specs[i]);
      List<OpenTimeBars.Slot> slots = bars.slots(i);
      int n = slots == null ? 0 : slots.size();
      out.writeInt(n);
      for (int k = 0; k < n; k++) {
        OpenTimeBars.Slot s = slots.get(k);
        out.writeLong(s.startMillis);
        out.writeInt(s.lastRevision);
        out.writeBoolean(s.acc != null);
        if (s.acc != null) {
          ACC.serialize(s.acc.toBarAccumulator(), out);
        }
      }
    }
  }

  @Override
  public OpenTimeBars deserialize(DataInputView in) throws IOException {
    int resolutions = in.readInt();
    String[] specs = new String[resolutions];
    List<List<OpenTimeBars.Slot>> all = new ArrayList<>(resolutions);
    for (int i = 0; i < resolutions; i++) {
      specs[i] = in.readUTF();
      int n = in.readInt();
      List<OpenTimeBars.Slot> slots = n == 0 ? null : new ArrayList<>(Math.max(2, n));
      for (int k = 0; k < n; k++) {
        OpenTimeBars.Slot s = new OpenTimeBars.Slot(in.readLong());
        s.lastRevision = in.readInt();
        if (in.readBoolean()) {
          s.acc = LongBarAccumulator.of(ACC.deserialize(in));
        }
        slots.add(s);
      }
      all.add(slots);
    }
    OpenTimeBars bars = new OpenTimeBars(specs);
    for (int i = 0; i < resolutions; i++) {
      bars.setSlots(i, all.get(i));
    }
    return bars;
  }

  @Override
  public OpenTimeBars deserialize(OpenTimeBars reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public TypeSerializerSnapshot<OpenTimeBars> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Snapshot of the (parameterless) serializer, for restores. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<OpenTimeBars> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
