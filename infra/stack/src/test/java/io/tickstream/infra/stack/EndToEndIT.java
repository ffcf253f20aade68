package io.tickstream.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickstream.ingest.feed.TickPublisher;
import io.tickstream.ingest.sim.MarketSimulator;
import io.tickstream.ingest.sim.SimulatedInstrument;
import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Instrument;
import io.tickstream.schemas.avro.TradeTick;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on real parts: seeded trades → {@code md.trades.raw} → validator → Flink bars
 * (exactly once) → sink → PostgreSQL → query API, compared with bars computed independently from
 * the same trades.
 */
class EndToEndIT {
  private static final Logger LOG = LoggerFactory.getLogger(EndToEndIT.class);
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int TRADES = 24_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  // HTTP/1.1: the JDK client would ask the Vert.x API to upgrade to h2c (see api HttpProbe).
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path home;
  private static LocalStack stack;
  private static List<TradeTick> trades;

  @BeforeAll
  static void runTheSlice() throws Exception {
    stack = LocalStack.start(StackConfig.forTests(home), LOG::info);
    long startNanos = START.getEpochSecond() * 1_000_000_000L;
    var sim = new MarketSimulator(7, SimulatedInstrument.demoUniverse(), startNanos, 200);
    trades = new ArrayList<>();
    for (int i = 0; i < TRADES; i++) {
      trades.add(sim.nextTrade(startNanos));
    }
    try (var tradePub =
            new TickPublisher<>(
                Topics.TRADES_RAW, stack.kafkaBootstrap(), stack.registryUrl(), Map.of());
        var refPub =
            new TickPublisher<>(
                Topics.INSTRUMENTS, stack.kafkaBootstrap(), stack.registryUrl(), Map.of())) {
      for (Instrument i : sim.referenceData(startNanos)) {
        refPub.publish(i.getInstrumentId(), i);
      }
      refPub.flush();
      // The validator rejects trades of instruments it does not know yet: wait until the
      // reference data has gone round (the sink has stored it, so the validator has read it too).
      Awaitility.await("instruments stored")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> getJson(stack.apiUrl() + "/api/v1/instruments", 200).get("items").size() == 5);
      trades.forEach(t -> tradePub.publish(t.getInstrumentId(), t));
      // One trade per instrument an hour later moves event time past every bar of the set.
      long later = sim.clockNanos() + Duration.ofHours(1).toNanos();
      Map<String, TradeTick> lastPerInstrument = new TreeMap<>();
      trades.forEach(t -> lastPerInstrument.put(t.getInstrumentId(), t));
      for (TradeTick t : lastPerInstrument.values()) {
        TradeTick closer =
            TradeTick.newBuilder(t)
                .setTsEvent(later)
                .setTradeId("closer-" + t.getTradeId())
                .build();
        tradePub.publish(closer.getInstrumentId(), closer);
      }
    }
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void apiServesExactlyTheBarsComputedIndependently() throws Exception {
    for (var spec : Map.of("1s", 1_000_000_000L, "1m", 60_000_000_000L).entrySet()) {
      Map<String, List<ReferenceBars.Expected>> expected =
          ReferenceBars.compute(trades, spec.getKey(), spec.getValue()).stream()
              .collect(Collectors.groupingBy(ReferenceBars.Expected::instrumentId));
      assertThat(expected).hasSize(5);
      for (var entry : expected.entrySet()) {
        List<ReferenceBars.Expected> served =
            awaitBars(entry.getKey(), spec.getKey(), entry.getValue().size());
        assertThat(served)
            .as("%s %s bars", entry.getKey(), spec.getKey())
            .containsExactlyElementsOf(entry.getValue());
      }
    }
  }

  @Test
  void instrumentsHealthAndMetricsAreServed() throws Exception {
    JsonNode instruments = getJson(stack.apiUrl() + "/api/v1/instruments", 200);
    List<String> ids = new ArrayList<>();
    instruments.get("items").forEach(i -> ids.add(i.get("instrumentId").asText()));
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            SimulatedInstrument.demoUniverse().stream()
                .map(SimulatedInstrument::instrumentId)
                .toList());
    assertThat(getJson(stack.apiUrl() + "/health", 200).get("status").asText()).isEqualTo("UP");
    String metrics = get(stack.apiUrl() + "/metrics").body();
    assertThat(metrics).contains("# TYPE").contains("tickstream_sink");
    JsonNode badSpec = getJson(stack.apiUrl() + "/api/v1/bars/BTCUSD.SIM?spec=7x", 400);
    assertThat(badSpec.get("message").asText()).contains("spec");
  }

  @Test
  void registryListsTheSubjectsOfTheSlice() throws Exception {
    JsonNode subjects = getJson(stack.registryUrl() + "/subjects", 200);
    List<String> names = new ArrayList<>();
    subjects.forEach(s -> names.add(s.asText()));
    assertThat(names).contains("md.trades-value", "md.bars-value", "md.instruments-value");
  }

  @Test
  void kafkaConsoleConsumerReadsBarsWhoseSchemaIdResolvesToBar() throws Exception {
    awaitBars("BTCUSD.SIM", "1m", 1);
    String line =
        ConsoleConsumer.readOne(stack.kafkaBootstrap(), Topics.BARS.name(), Duration.ofSeconds(60));
    int schemaId = ConsoleConsumer.schemaIdOf(line);
    JsonNode schema = getJson(stack.registryUrl() + "/schemas/ids/" + schemaId, 200);
    JsonNode parsed = JSON.readTree(schema.get("schema").asText());
    assertThat(parsed.get("name").asText()).isEqualTo("Bar");
    assertThat(parsed.get("namespace").asText()).isEqualTo("io.tickstream.schemas.avro");
  }

  private static List<ReferenceBars.Expected> awaitBars(String instrument, String spec, int count)
      throws Exception {
    String url =
        stack.apiUrl()
            + "/api/v1/bars/"
            + instrument
            + "?spec="
            + spec
            + "&from="
            + START
            + "&to="
            + START.plus(Duration.ofMinutes(30))
            + "&limit=5000";
    return Awaitility.await(count + " " + spec + " bars of " + instrument + " from the API")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              HttpResponse<String> response = get(url);
              return response.statusCode() == 200
                  ? parseBars(instrument, spec, JSON.readTree(response.body()))
                  : List.<ReferenceBars.Expected>of();
            },
            bars -> bars.size() >= count);
  }

  private static List<ReferenceBars.Expected> parseBars(
      String instrument, String spec, JsonNode body) {
    List<ReferenceBars.Expected> out = new ArrayList<>();
    for (JsonNode b : body.get("items")) {
      Instant start = Instant.parse(b.get("start").asText());
      out.add(
          new ReferenceBars.Expected(
              instrument,
              spec,
              start.getEpochSecond() * 1_000_000_000L + start.getNano(),
              b.get("open").asText(),
              b.get("high").asText(),
              b.get("low").asText(),
              b.get("close").asText(),
              b.get("volume").asText(),
              b.get("tradeCount").asLong(),
              b.get("vwap").asText()));
    }
    return out;
  }

  private static JsonNode getJson(String url, int status) throws Exception {
    HttpResponse<String> r = get(url);
    assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
