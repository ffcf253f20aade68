package io.tickstream.schemas.serde;

import static io.tickstream.schemas.SampleRecords.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.SampleRecords;
import io.tickstream.schemas.Topic;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroWireCodecTest {
  private final String url = "mock://codec-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    RegistryClients.dropMockScope(url);
  }

  @Test
  void everyRecordTypeRoundTrips() {
    for (SpecificRecord record : SampleRecords.everyType()) {
      Topic<String, ?> topic =
          Topics.ALL.stream()
              .filter(t -> t.valueType() == record.getClass())
              .findFirst()
              .orElseThrow();
      assertThat(roundTrip(topic, record)).as(topic.name()).isEqualTo(record);
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends SpecificRecord> T roundTrip(Topic<String, T> topic, Object record) {
    AvroWireCodec<T> writer = new AvroWireCodec<>(topic, url);
    AvroWireCodec<T> reader = new AvroWireCodec<>(topic, url);
    return reader.decode(writer.encode((T) record));
  }

  @Test
  void framesWithMagicByteAndTheRegisteredIdAndRegistersOnce() throws Exception {
    AvroWireCodec<TradeTick> codec = new AvroWireCodec<>(Topics.TRADES, url);
    byte[] first = codec.encode(SampleRecords.trade(1));
    byte[] second = codec.encode(SampleRecords.trade(2));

    SchemaRegistryClient registry = RegistryClients.create(url);
    assertThat(registry.getAllSubjects()).containsExactly("md.trades-value");
    assertThat(registry.getAllVersions("md.trades-value")).containsExactly(1);
    int id = registry.getLatestSchemaMetadata("md.trades-value").getId();
    assertThat(first[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(first, 1, 4).getInt()).isEqualTo(id).isEqualTo(codec.schemaId());
    assertThat(ByteBuffer.wrap(second, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void sameSchemaUnderAnotherSubjectKeepsItsId() {
    int trades = new AvroWireCodec<>(Topics.TRADES, url).schemaId();
    int raw = new AvroWireCodec<>(Topics.TRADES_RAW, url).schemaId();
    int quotes = new AvroWireCodec<>(Topics.QUOTES, url).schemaId();
    assertThat(raw).isEqualTo(trades);
    assertThat(quotes).isNotEqualTo(trades);
  }

  @Test
  void decimalsKeepTheirExactValue() {
    AvroWireCodec<TradeTick> codec = new AvroWireCodec<>(Topics.TRADES, url);
    TradeTick tick = SampleRecords.trade(1);
    tick.setPrice(dec("0.00000001"));
    tick.setSize(dec("99999999999999999999.99999999"));
    TradeTick back = codec.decode(codec.encode(tick));
    assertThat(back.getPrice()).isEqualByComparingTo("0.00000001");
    assertThat(back.getSize()).isEqualTo(dec("99999999999999999999.99999999"));
  }

  @Test
  void aValueThatDoesNotFitItsSchemaIsRefusedNamingTheTopic() {
    AvroWireCodec<TradeTick> codec = new AvroWireCodec<>(Topics.TRADES, url);
    TradeTick tick = SampleRecords.trade(1);
    tick.setPrice(new java.math.BigDecimal("1.123456789"));
    assertThatThrownBy(() -> codec.encode(tick))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("md.trades")
        .hasMessageContaining("scale");
  }

  @Test
  void concurrentEncodersShareOneRegistration() throws Exception {
    AvroWireCodec<TradeTick> codec = new AvroWireCodec<>(Topics.TRADES, url);
    Callable<Integer> task =
        () -> {
          for (int n = 0; n < 200; n++) {
            TradeTick t = SampleRecords.trade(n);
            assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
          }
          return codec.schemaId();
        };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<Integer> f : pool.invokeAll(List.of(task, task, task, task))) {
        assertThat(f.get()).isEqualTo(codec.schemaId());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(RegistryClients.create(url).getAllVersions("md.trades-value")).hasSize(1);
  }

  @Test
  void decodingLeavesTheGeneratedClassesSharedModelAlone() {
    // The codec reads through a fast reader of its own model, not the generated MODEL$.
    AvroWireCodec<TradeTick> codec = new AvroWireCodec<>(Topics.TRADES, url);
    TradeTick t = SampleRecords.trade(3);
    assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
    assertThat(SpecificData.getForClass(TradeTick.class).isFastReaderEnabled()).isFalse();
  }
}
