package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TradeTickSerializerTest {
  private final TradeTickSerializer serializer = TradeTickSerializer.INSTANCE;

  private static TradeTick trade(String price, String size) {
    return new TradeTick(
        "BTCUSD.BITSTAMP",
        new BigDecimal(price),
        new BigDecimal(size),
        AggressorSide.SELLER,
        "t-42",
        1_767_571_200_123_456_789L,
        1_767_571_200_223_456_789L);
  }

  @Test
  void roundTripKeepsEveryFieldAndDecimalScale() throws Exception {
    TradeTick t = trade("97123.45000000", "0.00120000");
    TradeTick back = roundTrip(t);
    assertThat(back).isEqualTo(t);
    assertThat(back.getPrice().scale()).isEqualTo(8);
    assertThat(back.getSize().scale()).isEqualTo(8);
  }

  @Test
  void decimalsBeyondALongRoundTripExactly() throws Exception {
    // 28 significant digits: the unscaled value needs more than 64 bits.
    TradeTick t = trade("12345678901234567890.12345678", "-99999999999999999999.99999999");
    assertThat(roundTrip(t)).isEqualTo(t);
    assertThat(roundTrip(t).getPrice().unscaledValue().bitLength()).isGreaterThan(63);
  }

  @Test
  void copyIsEqualAndAnotherInstance() {
    TradeTick t = trade("1.00000000", "2.00000000");
    assertThat(serializer.copy(t)).isEqualTo(t).isNotSameAs(t);
  }

  @Test
  void typeInfoHandsOutTheSerializerAndItsSnapshotRestoresIt() {
    assertThat(TradeTickSerializer.TYPE_INFO.createSerializer(new SerializerConfigImpl()))
        .isSameAs(serializer);
    var snapshot = serializer.snapshotConfiguration();
    assertThat(snapshot.restoreSerializer()).isSameAs(serializer);
    assertThat(snapshot.resolveSchemaCompatibility(serializer.snapshotConfiguration()))
        .matches(TypeSerializerSchemaCompatibility::isCompatibleAsIs);
  }

  private TradeTick roundTrip(TradeTick t) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(t, out);
    DataOutputSerializer copied = new DataOutputSerializer(64);
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    DataInputDeserializer in = new DataInputDeserializer(copied.getCopyOfBuffer());
    TradeTick back = serializer.deserialize(in);
    assertThat(in.available()).isZero();
    return back;
  }
}
