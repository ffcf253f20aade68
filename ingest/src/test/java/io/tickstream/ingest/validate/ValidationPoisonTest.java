package io.tickstream.ingest.validate;

import static io.tickstream.ingest.validate.ValidatorFixture.AAPL;
import static io.tickstream.ingest.validate.ValidatorFixture.NOW_NANOS;
import static io.tickstream.ingest.validate.ValidatorFixture.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.streams.processor.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Undecodable records become dead letters with their exact bytes, and processing goes on. */
class ValidationPoisonTest {
  private static final long T = NOW_NANOS - 1_000_000_000L;
  private final ValidatorFixture f = new ValidatorFixture(ValidationRules.defaults());

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void poisonRecordsAreDeadLetteredWithTheirReasonAndTheNextRecordStillFlows() {
    byte[] good = f.tradeCodec.encode(trade(AAPL, "228.17", "1", "1", T));
    byte[] json = "{\"price\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] unknownId = good.clone();
    unknownId[1] = 0x7f; // schema id 0x7f0000xx
    byte[] truncated = Arrays.copyOf(good, good.length - 4);
    f.tradesIn.pipeInput(AAPL, json);
    f.tradesIn.pipeInput(AAPL, unknownId);
    f.tradesIn.pipeInput(AAPL, truncated);
    f.tradesIn.pipeInput(AAPL, new byte[] {0, 0});
    f.tradesIn.pipeInput(AAPL, (byte[]) null);
    f.quotesIn.pipeInput(AAPL, json);
    f.tradesIn.pipeInput(AAPL, good);

    assertThat(f.reasons())
        .containsExactly(
            "BAD_MAGIC_BYTE",
            "UNKNOWN_SCHEMA_ID",
            "TRUNCATED",
            "TRUNCATED",
            "NULL_VALUE",
            "BAD_MAGIC_BYTE");
    assertThat(f.acceptedTrades()).hasSize(1);
  }

  @Test
  void aDeadLetterCarriesTheOriginalBytesCoordinatesAndAReadableMessage() {
    f.send(trade(AAPL, "228.17", "1", "1", T));
    byte[] bad = f.tradeCodec.encode(trade(AAPL, "228.175", "1", "2", T));
    f.tradesIn.pipeInput(AAPL, bad);
    var rec = f.dlqOut.readRecord();
    DeadLetter d = f.dlqCodec.decode(rec.value());
    assertThat(rec.key()).isEqualTo(AAPL);
    assertThat(d.getReasonCode()).isEqualTo("OFF_TICK_GRID");
    assertThat(d.getStage()).isEqualTo("ingest-validator");
    assertThat(d.getMessage()).contains("228.175").contains("0.01");
    assertThat(d.getOriginalValue()).isEqualTo(ByteBuffer.wrap(bad));
    assertThat(ValidatorFixture.text(d.getOriginalKey())).isEqualTo(AAPL);
    assertThat(d.getSourceTopic()).isEqualTo(Topics.TRADES_RAW.name());
    assertThat(d.getSourcePartition()).isZero();
    assertThat(d.getSourceOffset()).isEqualTo(1);
    assertThat(d.getTsInit()).isEqualTo(NOW_NANOS);
  }

  @Test
  void aNullKeyIsDeadLetteredUnderItsCoordinates() {
    f.tradesIn.pipeInput((String) null, new byte[] {1, 2, 3, 4, 5, 6});
    var rec = f.dlqOut.readRecord();
    assertThat(rec.key()).isEqualTo("md.trades.raw:0@0");
  }

  @Test
  void anUnreadableInstrumentCountsAsUnknownInsteadOfStoppingTheValidator() {
    f.instrumentsIn.pipeInput("BAD.XNAS", "not avro".getBytes(StandardCharsets.UTF_8));
    f.send(trade("BAD.XNAS", "1.00", "1", "1", T));
    f.send(trade(AAPL, "228.17", "1", "1", T));
    assertThat(f.reasons()).containsExactly("UNKNOWN_INSTRUMENT");
    assertThat(f.acceptedTrades()).hasSize(1);
  }

  @Test
  void everyStoreIsInMemorySoTheValidatorCanShareAJvmWithFlink() {
    var stores = f.driver.getAllStateStores();
    assertThat(stores)
        .containsKeys(
            ValidationTopology.INSTRUMENT_STORE,
            ValidationTopology.TRADE_ID_STORE,
            ValidationTopology.PRICE_STORE);
    assertThat(stores.values()).noneMatch(StateStore::persistent);
  }
}
