package io.tickstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.SampleRecords;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaSerdeTest {
  private final String url = "mock://kafka-serde-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    RegistryClients.dropMockScope(url);
  }

  @Test
  void serializerAndDeserializerRoundTripAndKeepTombstones() {
    try (AvroWireSerializer<Bar> serializer = new AvroWireSerializer<>(Topics.BARS, url);
        AvroWireDeserializer<Bar> deserializer = new AvroWireDeserializer<>(Topics.BARS, url)) {
      byte[] bytes = serializer.serialize("md.bars", SampleRecords.bar());
      assertThat(deserializer.deserialize("md.bars", bytes)).isEqualTo(SampleRecords.bar());
      assertThat(serializer.serialize("md.bars", null)).isNull();
      assertThat(deserializer.deserialize("md.bars", null)).isNull();
    }
  }

  @Test
  void deserializerRaisesWireFormatErrors() {
    try (AvroWireDeserializer<Bar> deserializer = new AvroWireDeserializer<>(Topics.BARS, url)) {
      assertThatThrownBy(() -> deserializer.deserialize("md.bars", new byte[] {1, 0, 0, 0, 1}))
          .isInstanceOfSatisfying(
              WireFormatException.class,
              e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.BAD_MAGIC_BYTE));
    }
  }
}
