package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory latest prices: the body is the one the table gives (the seeded row, written out by
 * hand in {@link TradingApiIT#seededBtcPrice}), and a price committed to {@code latest_prices} is
 * served once a reload that started after the commit has completed, i.e. within {@code
 * prices.refresh.ms} plus two reloads. The test waits on the reload counter, not on the clock.
 */
class LatestPriceCacheIT {
  @TempDir static Path dir;
  static SecuredApi api;
  static String viewer;

  @BeforeAll
  static void start() throws Exception {
    api = SecuredApi.start(dir, Map.of("prices.refresh.ms", "100"));
    viewer = api.tokens.viewer("ACC-1");
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void aCommittedPriceIsServedAfterOneFullReloadInTheSameShape() throws Exception {
    awaitReloadAfterNow();
    assertThat(price("BTCUSDT.BINANCE")).isEqualTo(TradingApiIT.seededBtcPrice());

    sql(
        "UPDATE latest_prices SET price = 101.5, bid_price = 101.25, ask_price = 101.75,"
            + " ts_event = '2026-01-01T00:10:00Z', ts_init = '2026-01-01T00:10:00.002Z'"
            + " WHERE instrument_id = 'BTCUSDT.BINANCE'");
    awaitReloadAfterNow();

    assertThat(price("BTCUSDT.BINANCE"))
        .isEqualTo(
            new JsonObject()
                .put("instrumentId", "BTCUSDT.BINANCE")
                .put("price", "101.50000000")
                .put("bidPrice", "101.25000000")
                .put("askPrice", "101.75000000")
                .put("tsEvent", "2026-01-01T00:10:00Z")
                .put("tsInit", "2026-01-01T00:10:00.002Z"));
  }

  @Test
  void anInstrumentTheCopyLacksIsReadFromTheTableAndADeletedOneGoes() throws Exception {
    JsonObject sol =
        new JsonObject()
            .put("instrumentId", "SOLUSDT.BINANCE")
            .put("price", "20.00000000")
            .putNull("bidPrice")
            .putNull("askPrice")
            .put("tsEvent", "2026-01-03T00:00:00Z")
            .put("tsInit", "2026-01-03T00:00:00.001Z");
    awaitReloadAfterNow();
    sql(
        "INSERT INTO latest_prices (instrument_id, price, bid_price, ask_price, ts_event, ts_init)"
            + " VALUES ('SOLUSDT.BINANCE', 20, NULL, NULL,"
            + " '2026-01-03T00:00:00Z', '2026-01-03T00:00:00.001Z')");
    assertThat(price("SOLUSDT.BINANCE")).as("right after the insert").isEqualTo(sol);
    awaitReloadAfterNow();
    assertThat(price("SOLUSDT.BINANCE")).as("from the copy").isEqualTo(sol);

    sql("DELETE FROM latest_prices WHERE instrument_id = 'AAPL.XNAS'");
    awaitReloadAfterNow();
    assertThat(api.http.get("/api/v1/prices/latest/AAPL.XNAS", viewer).status()).isEqualTo(404);
  }

  private static JsonObject price(String instrumentId) throws Exception {
    HttpProbe.Reply r = api.http.get("/api/v1/prices/latest/" + instrumentId, viewer);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /**
   * Waits until a reload that started after this call has completed: reloads run one at a time, so
   * the second one to complete from now started after the first, which may have been running.
   */
  private static void awaitReloadAfterNow() {
    double start = reloads();
    await().atMost(Duration.ofSeconds(30)).until(() -> reloads() >= start + 2);
  }

  private static double reloads() {
    return api.registry.get("api.latest.prices.reloads").counter().count();
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = api.db.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
