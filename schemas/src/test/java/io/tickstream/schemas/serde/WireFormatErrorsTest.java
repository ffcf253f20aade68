package io.tickstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.SampleRecords;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.WireFormatException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireFormatErrorsTest {
  private final String url = "mock://errors-" + UUID.randomUUID();
  private final AvroWireCodec<TradeTick> codec = new AvroWireCodec<>(Topics.TRADES, url);

  @AfterEach
  void dropScope() {
    RegistryClients.dropMockScope(url);
  }

  private static WireFormatException decodeFailure(AvroWireCodec<?> codec, byte[] bytes) {
    try {
      codec.decode(bytes);
    } catch (WireFormatException e) {
      return e;
    }
    throw new AssertionError("decoded " + Arrays.toString(bytes) + " without error");
  }

  @Test
  void aValueNotStartingWithTheMagicByteIsBadMagic() {
    byte[] json = "{\"price\":1}".getBytes(StandardCharsets.UTF_8);
    WireFormatException e = decodeFailure(codec, json);
    assertThat(e.reason()).isEqualTo(Reason.BAD_MAGIC_BYTE);
    assertThat(e.reason().name()).isEqualTo("BAD_MAGIC_BYTE");
    assertThat(e).hasMessageContaining("md.trades").hasMessageContaining("0x7B");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void aValueShorterThanTheHeaderIsTruncated(int length) {
    byte[] full = codec.encode(SampleRecords.trade(1));
    WireFormatException e = decodeFailure(codec, Arrays.copyOf(full, length));
    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(e).hasMessageContaining("md.trades").hasMessageContaining(length + " bytes");
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 6, 20, 30})
  void aBodyCutShortIsTruncated(int length) {
    byte[] full = codec.encode(SampleRecords.trade(1));
    assertThat(length).isLessThan(full.length);
    WireFormatException e = decodeFailure(codec, Arrays.copyOf(full, length));
    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(e).hasMessageContaining("md.trades").hasMessageContaining("cut");
  }

  @Test
  void anIdTheRegistryDoesNotKnowIsUnknownSchemaId() {
    byte[] bytes = codec.encode(SampleRecords.trade(1));
    ByteBuffer.wrap(bytes).putInt(1, 9999);
    WireFormatException e = decodeFailure(codec, bytes);
    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
    assertThat(e).hasMessageContaining("md.trades").hasMessageContaining("9999");
  }

  @Test
  void aBodyThatIsNotTheWriterSchemaIsUnreadable() {
    byte[] bytes = codec.encode(SampleRecords.trade(1));
    // the first field is a string: a zig-zag length of -3 cannot be read as one
    bytes[5] = 0x05;
    WireFormatException e = decodeFailure(codec, bytes);
    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_BODY);
    assertThat(e).hasMessageContaining("md.trades");
  }

  @Test
  void anUnreachableRegistryIsReportedAsUnavailable() throws Exception {
    byte[] bytes = codec.encode(SampleRecords.trade(1));
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String down = "http://localhost:" + port;
    WireFormatException e =
        decodeFailure(new AvroWireCodec<>(Topics.TRADES, RegistryClients.create(down)), bytes);
    assertThat(e.reason()).isEqualTo(Reason.REGISTRY_UNAVAILABLE);

    assertThatThrownBy(
            () -> new AvroWireCodec<>(Topics.TRADES, down).encode(SampleRecords.trade(1)))
        .isInstanceOf(SchemaRegistrationException.class)
        .hasMessageContaining("md.trades-value")
        .hasMessageContaining(down);
  }
}
