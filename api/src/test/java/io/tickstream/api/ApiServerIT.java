package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route of the query API against a real, seeded PostgreSQL. */
class ApiServerIT {
  @TempDir static Path dir;

  static SeededPostgres db;
  static PrometheusMeterRegistry registry;
  static Vertx vertx;
  static ApiServer server;
  static HttpProbe http;

  @BeforeAll
  static void start() throws Exception {
    db = SeededPostgres.start(dir.resolve("pg"));
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    vertx = MetricsVertx.create(registry);
    server = ApiServer.start(vertx, db.apiConfig(), registry).await(30, TimeUnit.SECONDS);
    http = new HttpProbe(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close().await(10, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void instrumentsAreListedByIdWithDecimalsAsStrings() throws Exception {
    HttpProbe.Reply reply = http.get("/api/v1/instruments");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonArray items = reply.json().getJsonArray("items");
    assertThat(ids(items))
        .containsExactly("AAPL.XNAS", "BTCUSDT.BINANCE", "ETHUSDT.BINANCE", "EUR/USD.SIM");
    assertThat(items.getJsonObject(1))
        .isEqualTo(
            new JsonObject()
                .put("instrumentId", "BTCUSDT.BINANCE")
                .put("symbol", "BTCUSDT")
                .put("venue", "BINANCE")
                .put("assetClass", "CRYPTO")
                .put("currency", "USDT")
                .put("tickSize", "0.01")
                .put("lotSize", "0.00001")
                .putNull("tradingHours")
                .put("active", true));
    assertThat(items.getJsonObject(0).getString("lotSize")).isEqualTo("1");
    assertThat(items.getJsonObject(0).getString("tradingHours"))
        .isEqualTo("09:30-16:00 America/New_York");
    assertThat(items.getJsonObject(3).getString("lotSize")).isEqualTo("1000");
    assertThat(items.getJsonObject(3).getBoolean("active")).isFalse();
  }

  @Test
  void barsDefaultToTheLastPageInAscendingOrderWithExactFields() throws Exception {
    JsonObject page = ok("/api/v1/bars/BTCUSDT.BINANCE?spec=1m");

    assertThat(page.getString("instrumentId")).isEqualTo("BTCUSDT.BINANCE");
    assertThat(page.getString("spec")).isEqualTo("1m");
    JsonArray items = page.getJsonArray("items");
    assertThat(starts(items)).containsExactlyElementsOf(minutes(0, 10));
    assertThat(items.getJsonObject(4))
        .isEqualTo(
            new JsonObject()
                .put("start", "2026-01-01T00:04:00Z")
                .put("end", "2026-01-01T00:05:00Z")
                .put("open", "101.25000000")
                .put("high", "102.25000000")
                .put("low", "100.75000000")
                .put("close", "101.75000000")
                .put("volume", "6.00000000")
                .put("tradeCount", 12)
                .put("vwap", "104.12345678")
                .put("revision", 0));
    // Zero keeps its scale and never turns into 0E-8.
    assertThat(items.getJsonObject(0).getString("volume")).isEqualTo("0.00000000");
    assertThat(items.getJsonObject(9).getInteger("revision")).isEqualTo(1);
  }

  @Test
  void decimalsKeepAllStoredDigits() throws Exception {
    JsonArray items = ok("/api/v1/bars/AAPL.XNAS?spec=1m").getJsonArray("items");

    assertThat(items.getJsonObject(0).getString("high")).isEqualTo("12345678901234567890.12345678");
    assertThat(items.getJsonObject(1).getString("open")).isEqualTo("250.05000000");
    assertThat(items.getJsonObject(1).getString("volume")).isEqualTo("800.00000000");
  }

  @Test
  void limitAloneGivesTheNewestBars() throws Exception {
    assertThat(starts(ok("/api/v1/bars/BTCUSDT.BINANCE?spec=1m&limit=3").getJsonArray("items")))
        .containsExactlyElementsOf(minutes(7, 10));
  }

  @Test
  void fromIsInclusiveAndPagesForward() throws Exception {
    String url = "/api/v1/bars/BTCUSDT.BINANCE?spec=1m&from=2026-01-01T00:02:00Z&limit=3";
    assertThat(starts(ok(url).getJsonArray("items"))).containsExactlyElementsOf(minutes(2, 5));
  }

  @Test
  void toIsExclusive() throws Exception {
    String range = "&from=2026-01-01T00:02:00Z&to=2026-01-01T00:05:00Z";
    assertThat(starts(ok("/api/v1/bars/BTCUSDT.BINANCE?spec=1m" + range).getJsonArray("items")))
        .containsExactlyElementsOf(minutes(2, 5));
    assertThat(
            starts(
                ok("/api/v1/bars/BTCUSDT.BINANCE?spec=1m&to=2026-01-01T00:05:00Z&limit=2")
                    .getJsonArray("items")))
        .containsExactlyElementsOf(minutes(3, 5));
  }

  @Test
  void fromAndToMayCarryAnOffset() throws Exception {
    String url = "/api/v1/bars/BTCUSDT.BINANCE?spec=1m&from=2026-01-01T01:08:00%2B01:00&limit=5";
    assertThat(starts(ok(url).getJsonArray("items"))).containsExactlyElementsOf(minutes(8, 10));
  }

  @Test
  void defaultLimitIs500AndTheSpecSelectsTheSeries() throws Exception {
    JsonArray items = ok("/api/v1/bars/BTCUSDT.BINANCE?spec=1s").getJsonArray("items");

    assertThat(items).hasSize(500);
    assertThat(items.getJsonObject(0).getString("start")).isEqualTo("2026-01-01T00:01:40Z");
    assertThat(items.getJsonObject(499).getString("start")).isEqualTo("2026-01-01T00:09:59Z");
    assertThat(items.getJsonObject(499).getString("end")).isEqualTo("2026-01-01T00:10:00Z");
    assertThat(ok("/api/v1/bars/BTCUSDT.BINANCE?spec=1s&limit=5000").getJsonArray("items"))
        .hasSize(600);
    assertThat(ok("/api/v1/bars/BTCUSDT.BINANCE?spec=5m").getJsonArray("items")).isEmpty();
  }

  @Test
  void tickAndVolumeBarsAreServedByTheirWireSpec() throws Exception {
    JsonArray ticks = ok("/api/v1/bars/BTCUSDT.BINANCE?spec=tick-100").getJsonArray("items");
    assertThat(starts(ticks)).containsExactly("2026-01-01T00:00:00.500Z", "2026-01-01T00:03:11Z");
    assertThat(ticks.getJsonObject(1).getString("end")).isEqualTo("2026-01-01T00:07:02.250Z");
    assertThat(ticks.getJsonObject(1).getString("close")).isEqualTo("101.50000000");
    JsonArray volume = ok("/api/v1/bars/BTCUSDT.BINANCE?spec=volume-2.5").getJsonArray("items");
    assertThat(volume).hasSize(1);
    assertThat(volume.getJsonObject(0).getString("volume")).isEqualTo("2.50000000");
    assertThat(ok("/api/v1/bars/BTCUSDT.BINANCE?spec=tick-1000").getJsonArray("items")).isEmpty();
  }

  @Test
  void emptyRangesAndInstrumentsWithoutBarsGiveEmptyPages() throws Exception {
    String range = "&from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z";
    assertThat(ok("/api/v1/bars/BTCUSDT.BINANCE?spec=1m" + range).getJsonArray("items")).isEmpty();
    assertThat(ok("/api/v1/bars/ETHUSDT.BINANCE?spec=1m").getJsonArray("items")).isEmpty();
  }

  @Test
  void anInstrumentIdMayHoldAnEncodedSlash() throws Exception {
    JsonObject page = ok("/api/v1/bars/EUR%2FUSD.SIM?spec=1m");

    assertThat(page.getString("instrumentId")).isEqualTo("EUR/USD.SIM");
    assertThat(starts(page.getJsonArray("items")))
        .containsExactly("2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z");
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("open"))
        .isEqualTo("1.10001000");
  }

  @Test
  void unknownInstrumentIs404() throws Exception {
    HttpProbe.Reply reply = http.get("/api/v1/bars/NOPE.XNAS?spec=1m");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().getString("code")).isEqualTo("NOT_FOUND");
    assertThat(reply.json().getString("message")).isEqualTo("unknown instrument");
  }

  @Test
  void eachInvalidParameterIs400NamingIt() throws Exception {
    String bars = "/api/v1/bars/BTCUSDT.BINANCE?";
    invalid(bars + "limit=5", "spec", "required");
    invalid(bars + "spec=1x", "spec", "<n><s|m|h|d>");
    invalid(bars + "spec=0m", "spec", "<n><s|m|h|d>");
    invalid(bars + "spec=tick-", "spec", "tick-100");
    invalid(bars + "spec=volume-1e3", "spec", "tick-100");
    invalid(bars + "spec=1m&from=yesterday", "from", "ISO-8601");
    invalid(bars + "spec=1m&to=2026-13-01T00:00:00Z", "to", "ISO-8601");
    invalid(bars + "spec=1m&from=2026-01-01T00:05:00Z&to=2026-01-01T00:05:00Z", "from", "before");
    invalid(bars + "spec=1m&from=2026-01-01T00:06:00Z&to=2026-01-01T00:05:00Z", "from", "before");
    invalid(bars + "spec=1m&limit=0", "limit", "from 1 to 5000");
    invalid(bars + "spec=1m&cursor=x", "cursor", "allowed: from, limit, spec, to");
    invalid(bars + "spec=1m&limit=5001", "limit", "from 1 to 5000");
    invalid(bars + "spec=1m&limit=ten", "limit", "from 1 to 5000");
    invalid(bars + "spec=1m&limit=1&limit=2", "limit", "once");
    invalid(bars + "spec=1m&sort=desc", "sort", "allowed: from, limit, spec, to");
    invalid("/api/v1/instruments?active=true", "active", "no query parameters");
  }

  @Test
  void unknownRoutesAndMethodsAnswerJson() throws Exception {
    HttpProbe.Reply missing = http.get("/api/v1/nothing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getString("code")).isEqualTo("NOT_FOUND");

    HttpProbe.Reply post = http.send("POST", "/api/v1/instruments");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.json().getString("code")).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void malformedRequestsAnswerJsonNot500() throws Exception {
    for (String target :
        new String[] {"/api/v1/bars/%ZZ?spec=1m", "/api/v1/bars/BTCUSDT.BINANCE?spec=%ZZ"}) {
      HttpProbe.Reply reply = http.getRaw(target);
      assertThat(reply.status()).as(target).isEqualTo(400);
      assertThat(reply.json().getString("code")).as(target).isEqualTo("BAD_REQUEST");
    }
    // PostgreSQL text cannot hold NUL: refused before any database call.
    assertThat(http.getRaw("/api/v1/bars/%00?spec=1m").status()).isEqualTo(400);
  }

  @Test
  void healthIsUpWithTheDatabase() throws Exception {
    HttpProbe.Reply reply = http.get("/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json())
        .isEqualTo(
            new JsonObject()
                .put("status", "UP")
                .put("checks", new JsonObject().put("database", "UP")));
  }

  @Test
  void metricsCountRequestsPerRouteAndShowTheJvm() throws Exception {
    ok("/api/v1/bars/AAPL.XNAS?spec=1m");
    http.get("/api/v1/instruments");

    HttpProbe.Reply reply = http.get("/metrics");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    List<String> requestLines =
        reply.body().lines().filter(l -> l.startsWith("vertx_http_server_requests_total")).toList();
    assertThat(requestLines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("route=\"/api/v1/bars/:instrumentId\"")
                    .contains("code=\"200\"")
                    .contains("method=\"GET\""))
        .anySatisfy(l -> assertThat(l).contains("route=\"/api/v1/instruments\""));
    assertThat(reply.body()).contains("vertx_http_server_response_time_seconds");
    assertThat(reply.body()).contains("jvm_memory_used_bytes");
  }

  private static JsonObject ok(String url) throws Exception {
    HttpProbe.Reply reply = http.get(url);
    assertThat(reply.status()).as("%s -> %s", url, reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static void invalid(String url, String parameter, String allowed) throws Exception {
    HttpProbe.Reply reply = http.get(url);
    assertThat(reply.status()).as("%s -> %s", url, reply.body()).isEqualTo(400);
    JsonObject body = reply.json();
    assertThat(body.getString("code")).isEqualTo("INVALID_PARAMETER");
    assertThat(body.getString("parameter")).as(url).isEqualTo(parameter);
    assertThat(body.getString("message")).as(url).contains(parameter).contains(allowed);
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("instrumentId")).toList();
  }

  private static List<String> starts(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("start")).toList();
  }

  /** ISO starts of the 1m bars from minute {@code first} (inclusive) to {@code end} (exclusive). */
  private static List<String> minutes(int first, int end) {
    return IntStream.range(first, end)
        .mapToObj(m -> String.format("2026-01-01T00:%02d:00Z", m))
        .toList();
  }
}
