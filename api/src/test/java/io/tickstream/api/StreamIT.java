package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.serde.AvroWireSerializer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live bars from a real Kafka topic to WebSocket and SSE clients, and the slow-consumer cut. */
class StreamIT {
  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static SchemaRegistryServer registry;
  static SeededPostgres db;
  static PrometheusMeterRegistry meters;
  static Vertx vertx;
  static ApiServer server;
  static KafkaProducer<String, Bar> producer;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    kafka.createTopics(1, Topics.BARS.name());
    registry = SchemaRegistryServer.start(0, kafka.bootstrapServers());
    db = SeededPostgres.start(dir.resolve("pg"));
    meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    vertx = MetricsVertx.create(meters);
    Map<String, String> streams =
        Map.of(
            "kafka.bootstrap", kafka.bootstrapServers(),
            "schema.registry.url", registry.url(),
            "stream.client.queue", "5000");
    server = ApiServer.start(vertx, db.apiConfig(streams), meters).await(30, TimeUnit.SECONDS);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    producer =
        new KafkaProducer<>(
            p, new StringSerializer(), new AvroWireSerializer<>(Topics.BARS, registry.url()));
    await().atMost(Duration.ofSeconds(30)).until(server::streamsReady);
  }

  @AfterAll
  static void stop() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (server != null) {
      server.close().await(10, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    if (db != null) {
      db.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void barsReachWebSocketAndSseSubscribersOfTheirInstrumentAndHealthSeesKafka() throws Exception {
    List<JsonObject> ws = new CopyOnWriteArrayList<>();
    WebSocket socket = connect("/api/v1/streams/bars?instrumentId=BTCUSDT.BINANCE");
    socket.textMessageHandler(t -> ws.add(new JsonObject(t)));
    StringBuffer sse = new StringBuffer();
    HttpClient http = vertx.createHttpClient();
    http.request(
            HttpMethod.GET,
            server.port(),
            "127.0.0.1",
            "/api/v1/streams/bars?instrumentId=BTCUSDT.BINANCE")
        .compose(r -> r.send())
        .onSuccess(r -> r.handler(b -> sse.append(b.toString())))
        .await(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.streamSessions() == 2);
    assertThat(new HttpProbe(server.port()).get("/metrics").body())
        .contains("tickstream_api_stream_sessions{transport=\"ws\"} 1.0");

    send(bar("ETHUSDT.BINANCE", 0));
    for (int i = 0; i < 3; i++) {
      send(bar("BTCUSDT.BINANCE", i));
    }
    producer.flush();

    await().atMost(Duration.ofSeconds(15)).until(() -> ws.size() == 3);
    assertThat(ws)
        .allSatisfy(m -> assertThat(m.getString("instrumentId")).isEqualTo("BTCUSDT.BINANCE"));
    assertThat(ws.get(1))
        .isEqualTo(
            new JsonObject()
                .put("instrumentId", "BTCUSDT.BINANCE")
                .put("spec", "1m")
                .put("start", "2026-01-01T00:01:00Z")
                .put("end", "2026-01-01T00:02:00Z")
                .put("open", "100.00000000")
                .put("high", "101.50000000")
                .put("low", "99.25000000")
                .put("close", "101.00000000")
                .put("volume", "2.50000000")
                .put("tradeCount", 7L)
                .put("vwap", "100.12345678")
                .put("revision", 0)
                .put("channel", "bars"));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> sse.toString().split("data: ").length - 1 == 3);
    JsonObject health = new HttpProbe(server.port()).get("/health").json();
    assertThat(health.getJsonObject("checks").getString("kafka")).isEqualTo("UP");
    socket.close().await(5, TimeUnit.SECONDS);
    http.close().await(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.streamSessions() == 0);
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedWithAReason() throws Exception {
    WebSocket slow = connect("/api/v1/streams/bars");
    AtomicInteger received = new AtomicInteger();
    slow.textMessageHandler(t -> received.incrementAndGet());
    slow.pause(); // stops reading: TCP and then the server-side queue fill up
    await().atMost(Duration.ofSeconds(10)).until(() -> server.streamSessions() == 1);

    for (int i = 0; i < 40_000; i++) {
      send(bar("BTCUSDT.BINANCE", 100 + i));
    }
    producer.flush();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                meters.find("tickstream.api.stream.slow.disconnects").counter() != null
                    && meters.find("tickstream.api.stream.slow.disconnects").counter().count()
                        == 1);
    assertThat(server.streamSessions()).isZero();
    slow.resume();
    await().atMost(Duration.ofSeconds(30)).until(slow::isClosed);
    assertThat(slow.closeStatusCode()).isEqualTo((short) 1008);
    assertThat(slow.closeReason()).startsWith("slow consumer: more than 5000 messages pending");
    assertThat(received.get()).isLessThan(40_000);
  }

  private static WebSocket connect(String uri) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    return client
        .connect(
            new WebSocketConnectOptions().setPort(server.port()).setHost("127.0.0.1").setURI(uri))
        .await(10, TimeUnit.SECONDS);
  }

  private static void send(Bar bar) {
    producer.send(new ProducerRecord<>(Topics.BARS.name(), bar.getInstrumentId(), bar));
  }

  private static Bar bar(String instrument, int minute) {
    long start = 1_767_225_600_000_000_000L + minute * 60_000_000_000L; // 2026-01-01T00:00Z
    return Bar.newBuilder()
        .setInstrumentId(instrument)
        .setSpec("1m")
        .setStart(start)
        .setEnd(start + 60_000_000_000L)
        .setOpen(new BigDecimal("100.00000000"))
        .setHigh(new BigDecimal("101.50000000"))
        .setLow(new BigDecimal("99.25000000"))
        .setClose(new BigDecimal("101.00000000"))
        .setVolume(new BigDecimal("2.50000000"))
        .setTradeCount(7)
        .setVwap(new BigDecimal("100.12345678"))
        .setRevision(0)
        .setTsEvent(start + 60_000_000_000L)
        .setTsInit(start + 60_000_000_000L)
        .build();
  }
}
