package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every REST route of issue #8 with authentication on, against a real seeded PostgreSQL. */
class TradingApiIT {
  @TempDir static Path dir;
  static SecuredApi api;
  static String viewer;
  static String trader;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    api = SecuredApi.start(dir, Map.of());
    viewer = api.tokens.viewer("ACC-1");
    trader = api.tokens.trader("ACC-1");
    admin = api.tokens.admin("ACC-1", "ACC-2");
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void tradesPageForwardAndBackwardWithoutGapsOrRepeats() throws Exception {
    List<String> all = IntStream.range(0, 240).mapToObj(i -> String.format("T%04d", i)).toList();
    assertThat(ids(pages("/api/v1/instruments/BTCUSDT.BINANCE/trades?limit=7", viewer), "tradeId"))
        .containsExactlyElementsOf(all);
    List<String> backward =
        ids(
            pages("/api/v1/instruments/BTCUSDT.BINANCE/trades?limit=11&sort=-ts", viewer),
            "tradeId");
    List<String> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    assertThat(backward).containsExactlyElementsOf(reversed);
    JsonObject first = ok("/api/v1/instruments/BTCUSDT.BINANCE/trades?limit=1", viewer);
    assertThat(first.getJsonArray("items").getJsonObject(0))
        .isEqualTo(
            new JsonObject()
                .put("tsEvent", "2026-01-01T00:00:00Z")
                .put("tradeId", "T0000")
                .put("price", "100.00000000")
                .put("size", "0.00100000")
                .put("aggressorSide", "BUYER")
                .put("tsInit", "2026-01-01T00:00:00.001Z"));
  }

  @Test
  void rangesBoundPagesAndQuotesPageByTimeAndSeq() throws Exception {
    List<JsonObject> ranged =
        pages(
            "/api/v1/instruments/BTCUSDT.BINANCE/trades?from=2026-01-01T00:01:00Z&to=2026-01-01T00:02:00Z&limit=5",
            viewer);
    assertThat(ranged)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.getString("tsEvent")).startsWith("2026-01-01T00:01:"));
    List<JsonObject> quotes = pages("/api/v1/instruments/BTCUSDT.BINANCE/quotes?limit=13", viewer);
    assertThat(quotes).hasSize(150);
    assertThat(
            quotes.stream().map(q -> q.getString("tsEvent") + "/" + q.getInteger("seq")).distinct())
        .hasSize(150);
    assertThat(quotes.get(1).getInteger("seq")).isEqualTo(1);
  }

  @Test
  void featuresSignalsAndFilters() throws Exception {
    assertThat(pages("/api/v1/instruments/BTCUSDT.BINANCE/features?limit=3", viewer)).hasSize(20);
    List<JsonObject> rsi =
        pages("/api/v1/instruments/BTCUSDT.BINANCE/features?name=rsi_14&spec=1m", viewer);
    assertThat(rsi)
        .hasSize(10)
        .allSatisfy(f -> assertThat(f.getString("name")).isEqualTo("rsi_14"));
    assertThat(rsi.get(0).getDouble("value")).isEqualTo(40.0);
    assertThat(pages("/api/v1/signals?limit=4", viewer)).hasSize(20);
    List<JsonObject> donchian =
        pages("/api/v1/signals?strategy=donchian&instrumentId=BTCUSDT.BINANCE&limit=3", viewer);
    assertThat(ids(donchian, "signalId"))
        .hasSize(10)
        .allSatisfy(id -> assertThat(id).startsWith("sig-donchian-"));
    assertThat(pages("/api/v1/signals?strategy=nope", viewer)).isEmpty();
    assertThat(api.http.get("/api/v1/instruments/NOPE.X/trades", viewer).status()).isEqualTo(404);
    assertThat(pages("/api/v1/instruments/ETHUSDT.BINANCE/trades", viewer)).isEmpty();
  }

  @Test
  void latestPricesComeFromTheLatestTable() throws Exception {
    JsonArray all = ok("/api/v1/prices/latest", viewer).getJsonArray("items");
    assertThat(all).hasSize(3);
    assertThat(all.getJsonObject(1).getString("instrumentId")).isEqualTo("BTCUSDT.BINANCE");
    assertThat(ok("/api/v1/prices/latest/BTCUSDT.BINANCE", viewer)).isEqualTo(seededBtcPrice());
    // The newest trade of the seed, as the sink keeps it.
    JsonObject newest =
        ok("/api/v1/instruments/BTCUSDT.BINANCE/trades?limit=1&sort=-ts", viewer)
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(newest.getString("tradeId")).isEqualTo("T0239");
    assertThat(newest.getString("price")).isEqualTo("100.25000000");
    assertThat(newest.getString("tsEvent")).isEqualTo("2026-01-01T00:09:55Z");
    assertThat(api.http.get("/api/v1/prices/latest/ETHUSDT.BINANCE", viewer).status())
        .isEqualTo(404);
  }

  /** The seeded latest price of BTCUSDT.BINANCE (seed-trading.sql), as the API must show it. */
  static JsonObject seededBtcPrice() {
    return new JsonObject()
        .put("instrumentId", "BTCUSDT.BINANCE")
        .put("price", "100.25000000")
        .putNull("bidPrice")
        .putNull("askPrice")
        .put("tsEvent", "2026-01-01T00:09:55Z")
        .put("tsInit", "2026-01-01T00:09:57.501Z");
  }

  @Test
  void accountRoutesShowOnlyGrantedAccounts() throws Exception {
    JsonObject accounts = ok("/api/v1/accounts", trader);
    assertThat(accounts.getJsonArray("items"))
        .containsExactly(new JsonObject().put("accountId", "ACC-1"));
    assertThat(ok("/api/v1/accounts/ACC-1/positions", viewer).getJsonArray("items")).hasSize(1);
    assertThat(ids(pages("/api/v1/accounts/ACC-1/orders?limit=2", trader), "clientOrderId"))
        .containsExactly("O-1", "O-2", "O-3");
    assertThat(pages("/api/v1/accounts/ACC-1/orders?status=DENIED", trader)).hasSize(1);
    JsonObject order = ok("/api/v1/accounts/ACC-1/orders/O-1", trader);
    assertThat(order.getString("status")).isEqualTo("FILLED");
    assertThat(order.getJsonArray("events")).hasSize(3);
    List<JsonObject> fills = pages("/api/v1/accounts/ACC-1/order-events?type=FILLED", trader);
    assertThat(fills)
        .singleElement()
        .satisfies(f -> assertThat(f.getString("fillPrice")).isEqualTo("100.50000000"));
    assertThat(pages("/api/v1/accounts/ACC-1/order-events?limit=2", trader)).hasSize(6);
    for (String url :
        List.of(
            "/api/v1/accounts/ACC-2/positions",
            "/api/v1/accounts/ACC-2/orders",
            "/api/v1/accounts/ACC-2/orders/O-9",
            "/api/v1/accounts/ACC-1/orders/O-9",
            "/api/v1/accounts/ACC-2/equity",
            "/api/v1/accounts/ACC-2/performance",
            "/api/v1/accounts/ACC-3/positions")) {
      HttpProbe.Reply r = api.http.get(url, trader);
      assertThat(r.status()).as(url).isEqualTo(404);
      assertThat(r.body()).as(url).doesNotContain("AAPL").doesNotContain("ACC-2");
    }
    assertThat(api.http.get("/api/v1/accounts/ACC-1/orders", viewer).status()).isEqualTo(403);
  }

  @Test
  void equityPagesAndPerformanceMatchTheDefinitions() throws Exception {
    assertThat(pages("/api/v1/accounts/ACC-1/equity?limit=4", viewer)).hasSize(30);
    JsonObject perf = ok("/api/v1/accounts/ACC-1/performance", viewer);
    // Reference, by hand from seed-trading.sql (E_i = 100000 + 150 i, less 400 (i - 9) on days
    // 10-14): the curve peaks at day 9 (101350), bottoms at day 14 (100100) and first stands above
    // the peak again at day 15 (102250), so the episode lasts 15 - 9 = 6 periods.
    assertThat(perf.getDouble("maxDrawdown"))
        .isCloseTo(1250.0 / 101350.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(perf.getInteger("maxDrawdownPeriods")).isEqualTo(6);
    assertThat(perf.getInteger("longestDrawdownPeriods")).isEqualTo(6);
    assertThat(perf.getDouble("totalReturn"))
        .isCloseTo((100000 + 29 * 150) / 100000.0 - 1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(perf.getInteger("points")).isEqualTo(30);
    assertThat(perf.getDouble("sharpe")).isNotNull();
    assertThat(
            api.http
                .get("/api/v1/accounts/ACC-1/performance?from=2027-01-01T00:00:00Z", viewer)
                .status())
        .isEqualTo(404);
  }

  @Test
  void adminActionsWriteTheirRowAndAnAuditEntry() throws Exception {
    HttpProbe.Reply kill =
        api.http.send(
            "POST",
            "/api/v1/admin/kill-switch",
            admin,
            "{\"engaged\":true,\"reason\":\"test halt\"}");
    assertThat(kill.status()).as(kill.body()).isEqualTo(200);
    HttpProbe.Reply limits =
        api.http.send(
            "PUT",
            "/api/v1/admin/accounts/ACC-2/risk-limits",
            admin,
            "{\"maxOrderQuantity\":\"10\",\"maxOrderNotional\":\"100000\",\"maxPositionQuantity\":\"50\","
                + "\"maxDrawdown\":\"0.2\",\"maxOrdersPerMinute\":60}");
    assertThat(limits.status()).as(limits.body()).isEqualTo(200);
    assertThat(pages("/api/v1/admin/dead-letters?limit=3", admin)).hasSize(7);
    assertThat(pages("/api/v1/admin/dead-letters?reason=CROSSED_QUOTE", admin)).hasSize(2);
    assertThat(api.http.get("/api/v1/admin/dead-letters", trader).status()).isEqualTo(403);
    try (Connection c = api.db.connect();
        Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT count(*) FROM kill_switch WHERE scope = '*' AND engaged"))
          .isEqualTo(1);
      assertThat(
              count(
                  s,
                  "SELECT count(*) FROM risk_limits WHERE account_id = 'ACC-2' AND max_orders_per_minute = 60"))
          .isEqualTo(1);
      assertThat(
              count(
                  s,
                  "SELECT count(*) FROM audit_log WHERE subject = 'admin-ACC-1-ACC-2' AND action IN ('KILL_SWITCH_ENGAGE', 'RISK_LIMITS_PUT')"))
          .isEqualTo(2);
    }
  }

  @Test
  void documentPageHealthAndMetricsNeedNoToken() throws Exception {
    HttpProbe.Reply doc = api.http.get("/openapi.yaml");
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body()).startsWith("openapi: 3.1.0").contains("operationId: listTrades");
    assertThat(api.http.get("/").body()).contains("<div id=\"chart\">");
    assertThat(api.http.get("/health").json().getString("status")).isEqualTo("UP");
    assertThat(api.http.get("/health/live").status()).isEqualTo(200);
    ok("/api/v1/instruments/BTCUSDT.BINANCE/trades?limit=1", viewer);
    String metrics = api.http.get("/metrics").body();
    assertThat(metrics).contains("route=\"/api/v1/instruments/:instrumentId/trades\"");
    assertThat(metrics).contains("vertx_http_server_response_time_seconds_bucket");
    assertThat(api.http.get("/api/v1/instruments").status()).isEqualTo(401);
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static JsonObject ok(String url, String token) throws Exception {
    HttpProbe.Reply reply = api.http.get(url, token);
    assertThat(reply.status()).as("%s -> %s", url, reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** Follows nextCursor to the end; asserts every page is full but the last. */
  static List<JsonObject> pages(String url, String token) throws Exception {
    List<JsonObject> out = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 1000; page++) {
      String u =
          cursor == null
              ? url
              : url
                  + (url.contains("?") ? "&" : "?")
                  + "cursor="
                  + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
      JsonObject body = ok(u, token);
      body.getJsonArray("items").forEach(o -> out.add((JsonObject) o));
      cursor = body.getString("nextCursor");
      if (cursor == null) {
        return out;
      }
    }
    throw new AssertionError("no last page");
  }

  static List<String> ids(List<JsonObject> items, String field) {
    return items.stream().map(o -> o.getString(field)).toList();
  }
}
