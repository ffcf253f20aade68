package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class OpenTimeBarsSerializerTest {
  private final OpenTimeBarsSerializer serializer = OpenTimeBarsSerializer.INSTANCE;

  @Test
  void roundTripKeepsBarsRevisionsAndFlatBarsPerResolution() throws Exception {
    OpenTimeBars bars = new OpenTimeBars(new String[] {"1s", "1m"});
    OpenTimeBars.Slot open = bars.findOrAdd(0, 2000);
    open.acc =
        new LongBarAccumulator().add(2_100_000_000L, new BigDecimal("100.5"), BigDecimal.ONE);
    OpenTimeBars.Slot revised = bars.findOrAdd(0, 1000);
    revised.acc =
        new LongBarAccumulator().add(1_500_000_000L, new BigDecimal("99"), BigDecimal.TEN);
    revised.lastRevision = 2;
    bars.findOrAdd(1, 0).lastRevision = 0; // a flat bar: a revision, no accumulator

    OpenTimeBars copy = roundTrip(bars);

    assertThat(copy.specs()).containsExactly("1s", "1m");
    assertThat(copy.find(0, 2000).lastRevision).isEqualTo(OpenTimeBars.NOT_EMITTED);
    assertThat(copy.find(0, 2000).acc.toBar("X", "1s", 0, 1, 0))
        .isEqualTo(open.acc.toBar("X", "1s", 0, 1, 0));
    assertThat(copy.find(0, 1000).lastRevision).isEqualTo(2);
    assertThat(copy.find(0, 1000).acc.toBar("X", "1s", 0, 1, 0))
        .isEqualTo(revised.acc.toBar("X", "1s", 0, 1, 0));
    assertThat(copy.find(1, 0).acc).isNull();
    assertThat(copy.find(1, 0).lastRevision).isZero();
  }

  @Test
  void restoredBarsFollowTheOperatorsResolutionsByName() throws Exception {
    OpenTimeBars bars = new OpenTimeBars(new String[] {"1s", "1m"});
    bars.findOrAdd(0, 1000).lastRevision = 0;
    bars.findOrAdd(1, 0).lastRevision = 1;

    // The job now has 5m, 1m (reordered) and no 1s: the 1m bar follows, the 1s bar is dropped.
    OpenTimeBars restored = roundTrip(bars);
    String[] now = {"5m", "1m"};
    restored.alignTo(now);

    assertThat(restored.specs()).isSameAs(now);
    assertThat(restored.slots(0)).isNull();
    assertThat(restored.find(1, 0).lastRevision).isEqualTo(1);
    restored.remove(1, 0);
    assertThat(restored.isEmpty()).isTrue();
  }

  @Test
  void copyIsDeep() {
    OpenTimeBars bars = new OpenTimeBars(new String[] {"1s"});
    bars.findOrAdd(0, 0).acc = new LongBarAccumulator().add(1, BigDecimal.ONE, BigDecimal.ONE);
    OpenTimeBars copy = serializer.copy(bars);
    bars.find(0, 0).acc.add(2, BigDecimal.TEN, BigDecimal.ONE);
    bars.find(0, 0).lastRevision = 0;
    assertThat(copy.find(0, 0).acc.count()).isEqualTo(1);
    assertThat(copy.find(0, 0).lastRevision).isEqualTo(OpenTimeBars.NOT_EMITTED);
  }

  @Test
  void itsSnapshotRestoresACompatibleSerializer() {
    var snapshot = serializer.snapshotConfiguration();
    assertThat(snapshot.restoreSerializer()).isSameAs(serializer);
    assertThat(snapshot.resolveSchemaCompatibility(serializer.snapshotConfiguration()))
        .matches(TypeSerializerSchemaCompatibility::isCompatibleAsIs);
  }

  private OpenTimeBars roundTrip(OpenTimeBars bars) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(bars, out);
    return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
