package io.tickstream.api;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One row of the {@code bars} table as the API shows it. Decimals are plain strings with the stored
 * scale ({@code "101.25000000"}); times are instants, written as ISO-8601 UTC.
 *
 * @param start inclusive start of the bar
 * @param end exclusive end of the bar
 * @param open first trade price
 * @param high highest trade price
 * @param low lowest trade price
 * @param close last trade price
 * @param volume traded size
 * @param tradeCount number of trades
 * @param vwap volume-weighted average price
 * @param revision 0 for the first version of the bar, incremented by late corrections
 */
public record BarRow(
    Instant start,
    Instant end,
    String open,
    String high,
    String low,
    String close,
    String volume,
    long tradeCount,
    String vwap,
    int revision) {

  /** The JSON item of {@code GET /api/v1/bars/{instrumentId}}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("start", start.toString())
        .put("end", end.toString())
        .put("open", open)
        .put("high", high)
        .put("low", low)
        .put("close", close)
        .put("volume", volume)
        .put("tradeCount", tradeCount)
        .put("vwap", vwap)
        .put("revision", revision);
  }
}
