package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickstream.infra.embedded.EmbeddedKafka;
import io.tickstream.infra.embedded.registry.SchemaRegistryServer;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.tickstream.schemas.avro.OrderEvent;
import io.tickstream.schemas.avro.OrderEventType;
import io.tickstream.schemas.avro.OrderSideCode;
import io.tickstream.schemas.avro.Signal;
import io.tickstream.schemas.avro.SignalDirection;
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

/**
 * Live bars, signals and order events from real Kafka topics to WebSocket and SSE clients, and the
 * slow-consumer cut.
 */
class StreamIT {
  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static SchemaRegistryServer registry;
  static SeededPostgres db;
  static PrometheusMeterRegistry meters;
  static Vertx vertx;
  static ApiServer server;
  static KafkaProducer<String, Bar> producer;
  static KafkaProducer<String, Signal> signals;
  static KafkaProducer<String, OrderEvent> orderEvents;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.start(0, dir.resolve("kafka"));
    kafka.createTopics(1, Topics.BARS.name(), Topics.SIGNALS.name(), Topics.ORDER_EVENTS.name());
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
    signals =
        new KafkaProducer<>(
            p, new StringSerializer(), new AvroWireSerializer<>(Topics.SIGNALS, registry.url()));
    orderEvents =
        new KafkaProducer<>(
            p,
            new StringSerializer(),
            new AvroWireSerializer<>(Topics.ORDER_EVENTS, registry.url()));
    await().atMost(Duration.ofSeconds(30)).until(server::streamsReady);
  }

  @AfterAll
  static void stop() throws Exception {
    for (KafkaProducer<?, ?> p : new KafkaProducer<?, ?>[] {producer, signals, orderEvents}) {
      if (p != null) {
        p.close();
      }
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

  @Test
  void signalsReachSubscribersOfTheirInstrumentAsJson() throws Exception {
    List<JsonObject> ws = new CopyOnWriteArrayList<>();
    WebSocket socket = connect("/api/v1/streams/signals?instrumentId=BTCUSDT.BINANCE");
    socket.textMessageHandler(t -> ws.add(new JsonObject(t)));
    await().atMost(Duration.ofSeconds(10)).until(() -> server.streamSessions() == 1);

    send(signal("ETHUSDT.BINANCE", SignalDirection.SHORT));
    send(signal("BTCUSDT.BINANCE", SignalDirection.LONG));
    signals.flush();

    await().atMost(Duration.ofSeconds(15)).until(() -> ws.size() == 1);
    assertThat(ws.get(0))
        .isEqualTo(
            new JsonObject()
                .put("signalId", "BTCUSDT.BINANCE/ma-fast/1m/1767225660000000000/0")
                .put("instrumentId", "BTCUSDT.BINANCE")
                .put("strategyId", "ma-fast")
                .put("direction", "LONG")
                .put("strength", 0.75)
                .put("reason", "fast 101.2 > slow 100.9")
                .put("barSpec", "1m")
                .put("barStart", "2026-01-01T00:00:00Z")
                .put("barEnd", "2026-01-01T00:01:00Z")
                .put("revision", 0)
                .put("tsEvent", "2026-01-01T00:01:00Z")
                .put("tsInit", "2026-01-01T00:01:00.000250Z")
                .put("channel", "signals"));
    socket.close().await(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.streamSessions() == 0);
  }

  @Test
  void orderEventsReachOnlySubscribersOfTheirAccount() throws Exception {
    List<JsonObject> ws = new CopyOnWriteArrayList<>();
    WebSocket socket = connect("/api/v1/streams/order-events?accountId=ACC-1");
    socket.textMessageHandler(t -> ws.add(new JsonObject(t)));
    await().atMost(Duration.ofSeconds(10)).until(() -> server.streamSessions() == 1);

    send(fill("ACC-2"));
    send(fill("ACC-1"));
    orderEvents.flush();

    await().atMost(Duration.ofSeconds(15)).until(() -> ws.size() == 1);
    JsonObject m = ws.get(0);
    assertThat(m.getString("accountId")).isEqualTo("ACC-1");
    assertThat(m.getString("eventType")).isEqualTo("FILLED");
    assertThat(m.getString("side")).isEqualTo("BUY");
    assertThat(m.getString("lastPx")).isEqualTo("100.50000000");
    assertThat(m.containsKey("denialReason")).isTrue();
    assertThat(m.getValue("denialReason")).isNull();
    assertThat(m.getString("channel")).isEqualTo("order-events");
    socket.close().await(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.streamSessions() == 0);
  }

  private static void send(Signal s) {
    signals.send(new ProducerRecord<>(Topics.SIGNALS.name(), s.getInstrumentId(), s));
  }

  private static void send(OrderEvent e) {
    orderEvents.send(new ProducerRecord<>(Topics.ORDER_EVENTS.name(), e.getAccountId(), e));
  }

  private static Signal signal(String instrument, SignalDirection direction) {
    long start = 1_767_225_600_000_000_000L; // 2026-01-01T00:00Z
    long end = start + 60_000_000_000L;
    return Signal.newBuilder()
        .setSignalId(instrument + "/ma-fast/1m/" + end + "/0")
        .setInstrumentId(instrument)
        .setStrategyId("ma-fast")
        .setDirection(direction)
        .setStrength(0.75)
        .setReason("fast 101.2 > slow 100.9")
        .setBarSpec("1m")
        .setBarStart(start)
        .setBarEnd(end)
        .setRevision(0)
        .setTsEvent(end)
        .setTsInit(end + 250_000L)
        .build();
  }

  private static OrderEvent fill(String account) {
    long t = 1_767_225_660_000_000_000L;
    return OrderEvent.newBuilder()
        .setEventType(OrderEventType.FILLED)
        .setClientOrderId("O-1")
        .setAccountId(account)
        .setInstrumentId("BTCUSDT.BINANCE")
        .setSide(OrderSideCode.BUY)
        .setTradeId("F-1")
        .setLastQty(new BigDecimal("0.01000000"))
        .setLastPx(new BigDecimal("100.50000000"))
        .setCommission(new BigDecimal("0.00100000"))
        .setLeavesQty(new BigDecimal("0.00000000"))
        .setTsEvent(t)
        .setTsInit(t)
        .build();
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
