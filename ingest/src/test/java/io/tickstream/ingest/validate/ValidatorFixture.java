package io.tickstream.ingest.validate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.QuoteTick;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireCodec;
import io.tickstream.schemas.serde.RegistryClients;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A validator under TopologyTestDriver with a mock registry, a hand-set clock and AAPL.XNAS known.
 */
final class ValidatorFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-01-02T15:00:00Z");
  static final long NOW_NANOS = NOW.getEpochSecond() * 1_000_000_000L;
  static final String AAPL = "AAPL.XNAS";

  final String registryUrl = "mock://validator-" + UUID.randomUUID();
  final MutableClock clock = new MutableClock(NOW);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final TopologyTestDriver driver;
  final AvroWireCodec<TradeTick> tradeCodec = new AvroWireCodec<>(Topics.TRADES_RAW, registryUrl);
  final AvroWireCodec<QuoteTick> quoteCodec = new AvroWireCodec<>(Topics.QUOTES_RAW, registryUrl);
  final AvroWireCodec<TradeTick> cleanTrades = new AvroWireCodec<>(Topics.TRADES, registryUrl);
  final AvroWireCodec<QuoteTick> cleanQuotes = new AvroWireCodec<>(Topics.QUOTES, registryUrl);
  final AvroWireCodec<DeadLetter> dlqCodec = new AvroWireCodec<>(Topics.DEAD_LETTERS, registryUrl);
  final AvroWireCodec<Instrument> instrumentCodec =
      new AvroWireCodec<>(Topics.INSTRUMENTS, registryUrl);
  final TestInputTopic<String, byte[]> tradesIn;
  final TestInputTopic<String, byte[]> quotesIn;
  final TestInputTopic<String, byte[]> instrumentsIn;
  final TestOutputTopic<String, byte[]> tradesOut;
  final TestOutputTopic<String, byte[]> quotesOut;
  final TestOutputTopic<String, byte[]> dlqOut;

  ValidatorFixture(ValidationRules rules) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "validator-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver =
        new TopologyTestDriver(
            ValidationTopology.topology(
                rules, registryUrl, clock, new MicrometerValidationListener(meters)),
            p);
    var s = new StringSerializer();
    var b = new ByteArraySerializer();
    tradesIn = driver.createInputTopic(Topics.TRADES_RAW.name(), s, b);
    quotesIn = driver.createInputTopic(Topics.QUOTES_RAW.name(), s, b);
    instrumentsIn = driver.createInputTopic(Topics.INSTRUMENTS.name(), s, b);
    var sd = new StringDeserializer();
    var bd = new ByteArrayDeserializer();
    tradesOut = driver.createOutputTopic(Topics.TRADES.name(), sd, bd);
    quotesOut = driver.createOutputTopic(Topics.QUOTES.name(), sd, bd);
    dlqOut = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), sd, bd);
    instrument(AAPL, "0.01");
  }

  void instrument(String id, String tickSize) {
    Instrument i =
        Instrument.newBuilder()
            .setInstrumentId(id)
            .setSymbol(id.substring(0, id.indexOf('.')))
            .setVenue(id.substring(id.indexOf('.') + 1))
            .setCurrency("USD")
            .setTickSize(new BigDecimal(tickSize).setScale(8))
            .setLotSize(BigDecimal.ONE.setScale(8))
            .build();
    instrumentsIn.pipeInput(id, instrumentCodec.encode(i));
  }

  static TradeTick trade(String id, String price, String size, String tradeId, long tsEvent) {
    return TradeTick.newBuilder()
        .setInstrumentId(id)
        .setPrice(new BigDecimal(price).setScale(8))
        .setSize(new BigDecimal(size).setScale(8))
        .setAggressorSide(AggressorSide.BUYER)
        .setTradeId(tradeId)
        .setTsEvent(tsEvent)
        .setTsInit(tsEvent)
        .build();
  }

  static QuoteTick quote(String id, String bid, String ask, long tsEvent) {
    return QuoteTick.newBuilder()
        .setInstrumentId(id)
        .setBidPrice(new BigDecimal(bid).setScale(8))
        .setAskPrice(new BigDecimal(ask).setScale(8))
        .setBidSize(BigDecimal.TEN.setScale(8))
        .setAskSize(BigDecimal.TEN.setScale(8))
        .setTsEvent(tsEvent)
        .setTsInit(tsEvent)
        .build();
  }

  void send(TradeTick t) {
    tradesIn.pipeInput(t.getInstrumentId(), tradeCodec.encode(t), NOW);
  }

  void send(TradeTick t, Instant recordTime) {
    tradesIn.pipeInput(t.getInstrumentId(), tradeCodec.encode(t), recordTime);
  }

  void send(QuoteTick q) {
    quotesIn.pipeInput(q.getInstrumentId(), quoteCodec.encode(q), NOW);
  }

  List<TradeTick> acceptedTrades() {
    return tradesOut.readValuesToList().stream().map(cleanTrades::decode).toList();
  }

  List<QuoteTick> acceptedQuotes() {
    return quotesOut.readValuesToList().stream().map(cleanQuotes::decode).toList();
  }

  List<DeadLetter> deadLetters() {
    return dlqOut.readValuesToList().stream().map(dlqCodec::decode).toList();
  }

  List<String> reasons() {
    return deadLetters().stream().map(DeadLetter::getReasonCode).toList();
  }

  static String text(java.nio.ByteBuffer b) {
    return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
  }

  @Override
  public void close() {
    driver.close();
    RegistryClients.dropMockScope(registryUrl);
  }
}
