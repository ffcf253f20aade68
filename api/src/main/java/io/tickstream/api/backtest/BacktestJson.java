package io.tickstream.api.backtest;

import io.tickstream.api.ApiException;
import io.tickstream.execution.backtest.BacktestRequest;
import io.tickstream.execution.backtest.store.StoredBacktest;
import io.tickstream.execution.metrics.PerformanceReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of the backtest routes: a request body (already validated against the OpenAPI schema for
 * shape and caps) into a {@link BacktestRequest}, and a stored run out. Decimals are strings, times
 * ISO-8601 (nanoseconds where the engine has them), non-finite metrics the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class BacktestJson {

  private BacktestJson() {}

  /**
   * The request of {@code body}.
   *
   * @param maxDays largest {@code to - from}
   * @throws ApiException 400 naming the field at fault (an unknown strategy lists the known ones)
   */
  public static BacktestRequest request(JsonObject body, int maxDays) {
    Instant from = instant(body, "from");
    Instant to = instant(body, "to");
    if (to.isAfter(from) && Duration.between(from, to).compareTo(Duration.ofDays(maxDays)) > 0) {
      throw ApiException.limitExceeded(
          "to", "a backtest covers at most " + maxDays + " days (backtest.max.days)");
    }
    Map<String, String> params = new TreeMap<>();
    JsonObject p = body.getJsonObject("params", new JsonObject());
    p.forEach(e -> params.put(e.getKey(), String.valueOf(e.getValue())));
    String spec = body.getString("spec", "1m");
    try {
      return new BacktestRequest(
          body.getString("strategy"),
          params,
          body.getJsonArray("instruments").stream().map(String::valueOf).toList(),
          spec,
          from,
          to,
          BacktestRequest.Source.valueOf(body.getString("source", "bars").toUpperCase(Locale.ROOT)),
          decimal(body, "startingCash", BacktestRequest.DEFAULT_CASH),
          decimal(body, "commissionBps", BigDecimal.ZERO),
          decimal(body, "slippageBps", BigDecimal.ZERO),
          decimal(body, "positionFraction", BacktestRequest.DEFAULT_FRACTION),
          body.getInteger("periodsPerYear", BacktestRequest.defaultPeriodsPerYear(spec)));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidBody(e.getMessage());
    }
  }

  private static Instant instant(JsonObject body, String field) {
    try {
      return Instant.parse(body.getString(field));
    } catch (DateTimeParseException | NullPointerException e) {
      throw ApiException.invalidBody(
          field + " must be an ISO-8601 instant such as 2026-01-05T00:00:00Z");
    }
  }

  private static BigDecimal decimal(JsonObject body, String field, BigDecimal fallback) {
    String text = body.getString(field);
    return text == null ? fallback : new BigDecimal(text);
  }

  /** The run, with the rows it was read with and the total counts. */
  public static JsonObject run(StoredBacktest s, int offset, int limit) {
    BacktestRequest r = s.request();
    JsonObject params = new JsonObject();
    r.params().forEach(params::put);
    JsonObject request =
        new JsonObject()
            .put("strategy", r.strategy())
            .put("params", params)
            .put("instruments", new JsonArray(r.instruments()))
            .put("spec", r.spec())
            .put("from", r.from().toString())
            .put("to", r.to().toString())
            .put("source", r.source().name().toLowerCase(Locale.ROOT))
            .put("startingCash", r.startingCash().toPlainString())
            .put("commissionBps", r.commissionBps().toPlainString())
            .put("slippageBps", r.slippageBps().toPlainString())
            .put("positionFraction", r.positionFraction().toPlainString())
            .put("periodsPerYear", r.periodsPerYear());
    JsonObject out =
        new JsonObject()
            .put("id", s.id().toString())
            .put("status", s.status().name())
            .put("error", s.error())
            .put("createdAt", text(s.createdAt()))
            .put("startedAt", text(s.startedAt()))
            .put("finishedAt", text(s.finishedAt()))
            .put("request", request)
            .put("result", result(s))
            .put("offset", offset)
            .put("limit", limit);
    JsonArray fills = new JsonArray();
    s.fills()
        .forEach(
            f ->
                fills.add(
                    new JsonObject()
                        .put("instrumentId", f.instrumentId())
                        .put("clientOrderId", f.clientOrderId())
                        .put("side", f.side().name())
                        .put("quantity", f.lastQty().toPlainString())
                        .put("price", f.lastPx().toPlainString())
                        .put("commission", f.commission().toPlainString())
                        .put("tsEvent", nanos(f.tsEvent()))));
    JsonArray trades = new JsonArray();
    s.trades()
        .forEach(
            t ->
                trades.add(
                    new JsonObject()
                        .put("instrumentId", t.instrumentId())
                        .put("entrySide", t.entrySide().name())
                        .put("entryTs", nanos(t.entryTs()))
                        .put("exitTs", nanos(t.exitTs()))
                        .put("pnl", t.pnl().toPlainString())));
    JsonArray equity = new JsonArray();
    s.equity()
        .forEach(
            p ->
                equity.add(
                    new JsonObject()
                        .put("ts", nanos(p.tsEvent()))
                        .put("equity", p.value().toPlainString())));
    return out.put("fills", list(s.fillCount(), fills))
        .put("trades", list(s.tradeCount(), trades))
        .put("equity", list(s.equityCount(), equity));
  }

  private static JsonObject list(int total, JsonArray items) {
    return new JsonObject().put("total", total).put("items", items);
  }

  private static JsonObject result(StoredBacktest s) {
    if (s.finalEquity() == null) {
      return null;
    }
    return new JsonObject()
        .put("bars", s.bars())
        .put("finalEquity", s.finalEquity().toPlainString())
        .put("ordersDenied", s.ordersDenied())
        .put("metrics", metrics(s.report()));
  }

  private static JsonObject metrics(PerformanceReport r) {
    if (r == null) {
      return null;
    }
    JsonObject m =
        new JsonObject()
            .put("totalReturn", number(r.totalReturn()))
            .put("cagr", number(r.cagr()))
            .put("annualVolatility", number(r.annualVolatility()))
            .put("sharpe", number(r.sharpe()))
            .put("sortino", number(r.sortino()))
            .put("maxDrawdown", number(r.drawdown().maxDrawdown()))
            .put("maxDrawdownSeconds", r.drawdown().maxDrawdownNanos() / 1e9)
            .put("trades", r.trades().trades())
            .put("winRate", number(r.trades().winRate()))
            .put("profitFactor", number(r.trades().profitFactor()))
            .put("averageTradeSeconds", number(r.trades().averageDurationNanos() / 1e9))
            .put("grossProfit", r.trades().grossProfit().toPlainString())
            .put("grossLoss", r.trades().grossLoss().toPlainString());
    if (r.benchmark() != null) {
      m.put("annualAlpha", number(r.benchmark().annualAlpha()))
          .put("beta", number(r.benchmark().beta()));
    }
    return m;
  }

  private static Object number(double v) {
    return Double.isFinite(v) ? (Object) v : Double.toString(v);
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static String nanos(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos).toString();
  }
}
