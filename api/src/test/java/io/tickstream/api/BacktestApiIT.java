package io.tickstream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickstream.execution.backtest.BacktestProgress;
import io.tickstream.execution.backtest.BacktestResult;
import io.tickstream.execution.backtest.store.BacktestStore;
import io.tickstream.execution.backtest.store.DatabaseBacktest;
import io.tickstream.execution.backtest.store.StoredBacktest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest routes with authentication on, against a real PostgreSQL holding the sink's V5
 * migration and 600 one-minute bars; one worker and a queue of one, so admission is checkable.
 */
class BacktestApiIT {
  static final String INSTRUMENT = "BTAPI.SIM";

  @TempDir static Path dir;
  static SecuredApi api;
  static String alice;
  static String bob;
  static String carol;

  @BeforeAll
  static void start() throws Exception {
    api =
        SecuredApi.start(
            dir,
            Map.of(
                "backtest.workers", "1",
                "backtest.queue.size", "1",
                "backtest.max.active.per.user", "1",
                "backtest.max.days", "30"));
    alice = api.tokens.trader("ACC-1");
    bob = api.tokens.trader("ACC-2");
    carol = api.tokens.trader("ACC-3");
    try (Connection c = api.db.connect();
        Statement s = c.createStatement()) {
      // A wave around 100: a moving-average crossover trades it many times.
      s.execute(
          "INSERT INTO bars (instrument_id, spec, start_ts, end_ts, open, high, low, close, volume,"
              + " trade_count, vwap, revision, ts_init) SELECT '"
              + INSTRUMENT
              + "', '1m', t, t + interval '1 minute', p, p + 0.5, p - 0.5, p + 0.2, 10, 1, p, 0,"
              + " now() FROM (SELECT timestamptz '2026-01-05 00:00:00+00' + i * interval '1 minute'"
              + " AS t, round((100 + 5 * sin(i / 7.0))::numeric, 2) AS p"
              + " FROM generate_series(0, 599) AS i) AS wave");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (api != null) {
      api.close();
    }
  }

  static JsonObject body(String strategy, Object params) {
    return new JsonObject()
        .put("strategy", strategy)
        .put("params", params)
        .put("instruments", new JsonArray().add(INSTRUMENT))
        .put("spec", "1m")
        .put("from", "2026-01-05T00:00:00Z")
        .put("to", "2026-01-05T10:00:00Z")
        .put("commissionBps", "2")
        .put("slippageBps", "1");
  }

  static JsonObject crossover() {
    return body("ma-crossover", new JsonObject().put("fast", 3).put("slow", 12));
  }

  static HttpProbe.Reply post(JsonObject body, String token) throws Exception {
    return api.http.send("POST", "/api/v1/backtests", token, body.encode());
  }

  static JsonObject awaitFinished(String location, String token) {
    JsonObject[] last = new JsonObject[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              HttpProbe.Reply r = api.http.get(location, token);
              last[0] = r.json();
              return r.status() == 200
                  && java.util.Set.of("SUCCEEDED", "FAILED").contains(last[0].getString("status"));
            });
    return last[0];
  }

  @Test
  void aTraderQueuesARunAndReadsItsStoredResult() throws Exception {
    HttpProbe.Reply accepted = post(crossover(), alice);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String id = accepted.json().getString("id");
    assertThat(accepted.header("Location")).isEqualTo("/api/v1/backtests/" + id);
    JsonObject run = awaitFinished(accepted.header("Location"), alice);
    assertThat(run.getString("status")).as(run.encode()).isEqualTo("SUCCEEDED");

    // The same request run directly on the same database by the engine.
    DataSource db = api.db.dataSource();
    StoredBacktest stored = new BacktestStore(db).find(UUID.fromString(id)).orElseThrow();
    BacktestResult direct = DatabaseBacktest.run(db, stored.request(), BacktestProgress.NONE);
    assertThat(stored.result()).isEqualTo(direct);
    JsonObject result = run.getJsonObject("result");
    assertThat(result.getLong("bars")).isEqualTo(600);
    assertThat(result.getString("finalEquity")).isEqualTo(direct.finalEquity().toPlainString());
    assertThat(result.getJsonObject("metrics").getDouble("sharpe"))
        .isEqualTo(direct.report().sharpe());
    assertThat(run.getJsonObject("trades").getInteger("total")).isEqualTo(direct.trades().size());
    assertThat(run.getJsonObject("request").getJsonObject("params"))
        .isEqualTo(new JsonObject().put("fast", "3").put("slow", "12"));

    // Paged: two curve points from the tenth.
    JsonObject page = api.http.get("/api/v1/backtests/" + id + "?offset=10&limit=2", alice).json();
    JsonArray equity = page.getJsonObject("equity").getJsonArray("items");
    assertThat(equity).hasSize(2);
    assertThat(equity.getJsonObject(0).getString("equity"))
        .isEqualTo(direct.equityCurve().get(10).value().toPlainString());
    assertThat(page.getJsonObject("equity").getInteger("total"))
        .isEqualTo(direct.equityCurve().size());

    // Only its creator sees it; an unknown id looks the same.
    assertThat(api.http.get("/api/v1/backtests/" + id, bob).status()).isEqualTo(404);
    assertThat(api.http.get("/api/v1/backtests/" + UUID.randomUUID(), bob).status()).isEqualTo(404);
  }

  @Test
  void rolesAndBodiesAreChecked() throws Exception {
    assertThat(post(crossover(), null).status()).isEqualTo(401);
    assertThat(post(crossover(), api.tokens.viewer("ACC-1")).status()).isEqualTo(403);

    HttpProbe.Reply unknown = post(body("nope", new JsonObject()), alice);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("message")).contains("unknown strategy 'nope'");

    HttpProbe.Reply badParam =
        post(body("ma-crossover", new JsonObject().put("fast", "abc").put("slow", 12)), alice);
    assertThat(badParam.status()).isEqualTo(400);
    assertThat(badParam.json().getString("message")).contains("fast");

    JsonArray many = new JsonArray();
    IntStream.range(0, 21).forEach(i -> many.add("I" + i + ".SIM"));
    assertThat(post(crossover().put("instruments", many), alice).status()).isEqualTo(400);

    JsonObject tooManyParams = new JsonObject();
    IntStream.range(0, 17).forEach(i -> tooManyParams.put("p" + i, i));
    HttpProbe.Reply tooMany = post(body("ma-crossover", tooManyParams), alice);
    assertThat(tooMany.status()).isEqualTo(400);
    // Refused by the schema's cap, before the strategy factory sees the names.
    assertThat(tooMany.json().getString("message")).doesNotContain("ma-crossover");

    assertThat(post(crossover().put("extra", 1), alice).status()).isEqualTo(400);

    HttpProbe.Reply tooLong = post(crossover().put("to", "2026-03-05T00:00:00Z"), alice);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getString("code")).isEqualTo("LIMIT_EXCEEDED");
  }

  @Test
  void aPeriodWithoutBarsEndsFailedWithTheReason() throws Exception {
    HttpProbe.Reply accepted =
        post(
            crossover().put("from", "2025-01-01T00:00:00Z").put("to", "2025-01-02T00:00:00Z"),
            carol);
    assertThat(accepted.status()).isEqualTo(202);

    JsonObject run = awaitFinished(accepted.header("Location"), carol);

    assertThat(run.getString("status")).isEqualTo("FAILED");
    assertThat(run.getString("error"))
        .isEqualTo("no 1m bars of BTAPI.SIM between 2025-01-01T00:00:00Z and 2025-01-02T00:00:00Z");
  }

  @Test
  void aFullQueueAnswers503AndABusyUser429() throws Exception {
    try (Connection lock = api.db.connect();
        Statement s = lock.createStatement()) {
      // Holding the bars table keeps the one worker busy on its first run, deterministically.
      lock.setAutoCommit(false);
      s.execute("LOCK TABLE bars IN ACCESS EXCLUSIVE MODE");
      HttpProbe.Reply running = post(crossover(), alice);
      assertThat(running.status()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "RUNNING"
                      .equals(
                          api.http
                              .get(running.header("Location"), alice)
                              .json()
                              .getString("status")));

      HttpProbe.Reply again = post(crossover(), alice);
      assertThat(again.status()).isEqualTo(429);
      assertThat(again.json().getString("code")).isEqualTo("TOO_MANY_ACTIVE");
      assertThat(again.header("Retry-After")).isNotNull();

      HttpProbe.Reply queued = post(crossover(), bob);
      assertThat(queued.status()).isEqualTo(202);

      HttpProbe.Reply full = post(crossover(), carol);
      assertThat(full.status()).isEqualTo(503);
      assertThat(full.json().getString("code")).isEqualTo("BUSY");
      assertThat(full.json().getString("message")).contains("queue is full");
      assertThat(full.header("Retry-After")).isNotNull();

      lock.rollback();
      assertThat(awaitFinished(running.header("Location"), alice).getString("status"))
          .isEqualTo("SUCCEEDED");
      assertThat(awaitFinished(queued.header("Location"), bob).getString("status"))
          .isEqualTo("SUCCEEDED");
    }
  }
}
