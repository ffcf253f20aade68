package io.tickstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.ingest.cli.InstrumentsCommand;
import io.tickstream.ingest.cli.ReplayCommand;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.DeadLetter;
import io.tickstream.schemas.avro.TradeTick;
import io.tickstream.schemas.serde.AvroWireCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI commands against a real broker and registry. */
class ReplayCommandIT {
  @TempDir static Path dir;
  private static EmbeddedKafka kafka;
  private static SchemaRegistryServer registry;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
    kafka.createTopics(
        2, Topics.TRADES_RAW.name(), Topics.DEAD_LETTERS.name(), Topics.INSTRUMENTS.name());
  }

  @AfterAll
  static void stop() {
    registry.close();
    kafka.close();
  }

  private int run(Object command, String... args) {
    var cl = new CommandLine(command);
    cl.setOut(new PrintWriter(new StringWriter(), true));
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-b", kafka.bootstrapServers(), "-r", registry.url()));
    int code = cl.execute(all.toArray(String[]::new));
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }

  @Test
  void replaysTheGzippedBitstampFileAndDeadLettersMalformedRowsWithTheirLine() throws Exception {
    Path gz = dir.resolve("bitstamp.csv.gz");
    try (InputStream in = getClass().getResourceAsStream("/bitstamp_trades_from_20131125_usd.csv");
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      in.transferTo(out);
      out.write("\n1385913726,999.00,oops\n".getBytes());
    }
    Path instruments = dir.resolve("instruments.csv");
    Files.writeString(
        instruments,
        "instrument_id,tick_size,lot_size,currency,asset_class\nBTCUSD.BITSTAMP,0.01,0.00000001,USD,CRYPTO\n");

    assertThat(
            run(
                new ReplayCommand(),
                gz.toString(),
                "--instruments",
                instruments.toString(),
                "--no-progress"))
        .isZero();

    var trades = new AvroWireCodec<>(Topics.TRADES_RAW, registry.url());
    // other tests of this class share the topics: look at this file's records only
    List<TradeTick> replayed =
        readAll(Topics.TRADES_RAW.name(), 100_000).stream()
            .map(trades::decode)
            .filter(t -> t.getInstrumentId().equals("BTCUSD.BITSTAMP"))
            .toList();
    assertThat(replayed.size()).isEqualTo(100_000);
    assertThat(replayed.get(0).getTsInit()).isPositive();
    var dlq = new AvroWireCodec<>(Topics.DEAD_LETTERS, registry.url());
    List<DeadLetter> dead =
        readAll(Topics.DEAD_LETTERS.name(), 1).stream().map(dlq::decode).toList();
    assertThat(dead.size()).isEqualTo(1);
    DeadLetter d = dead.get(0);
    assertThat(d.getReasonCode()).isEqualTo("MALFORMED_ROW");
    assertThat(d.getSourceTopic()).isEqualTo("bitstamp.csv.gz");
    assertThat(d.getSourceOffset()).isEqualTo(100_002); // header + 100,000 rows, then ours
    assertThat(readAll(Topics.INSTRUMENTS.name(), 1).size()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void instrumentsLoadPublishesEveryRowKeyedByInstrument() throws Exception {
    Path json = dir.resolve("more.json");
    Files.writeString(
        json,
        "[{\"instrumentId\":\"ETHUSD.SIM\",\"tickSize\":\"0.01\",\"lotSize\":\"0.0001\",\"currency\":\"USD\"}]");
    assertThat(run(new InstrumentsCommand(), "load", json.toString())).isZero();
  }

  @Test
  void thePublisherCountsRecordsBytesAndExposesTheProducersMetrics() {
    var meters = new SimpleMeterRegistry();
    try (var p =
        new TickPublisher<TradeTick>(
            Topics.TRADES_RAW, kafka.bootstrapServers(), registry.url(), Map.of(), meters)) {
      for (int i = 0; i < 100; i++) {
        p.publish(
            "X.SIM",
            TradeTick.newBuilder()
                .setInstrumentId("X.SIM")
                .setPrice(BigDecimal.ONE.setScale(8))
                .setSize(BigDecimal.ONE.setScale(8))
                .setTradeId("m" + i)
                .setTsEvent(1)
                .setTsInit(1)
                .build());
      }
      p.flush();
      assertThat(p.acknowledged()).isEqualTo(100);
      assertThat(
              meters
                  .get("tickstream.publisher.records")
                  .tag("topic", "md.trades.raw")
                  .counter()
                  .count())
          .isEqualTo(100);
      assertThat(meters.get("tickstream.publisher.bytes").summary().totalAmount())
          .isGreaterThan(100 * 20);
      assertThat(meters.get("tickstream.publisher.errors").counter().count()).isZero();
      assertThat(meters.find("kafka.producer.batch.size.avg").gauges()).isNotEmpty();
    }
  }

  private List<byte[]> readAll(String topic, int atLeast) {
    Map<String, Object> props =
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    List<byte[]> out = new ArrayList<>();
    try (var c =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline
          && (out.size() < atLeast || parts.stream().anyMatch(p -> c.position(p) < end.get(p)))) {
        c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
      }
    }
    return out;
  }
}
