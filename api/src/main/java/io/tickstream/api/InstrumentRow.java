package io.tickstream.api;

import io.vertx.core.json.JsonObject;

/**
 * One row of the {@code instruments} table as the API shows it. Decimals are plain strings.
 *
 * @param instrumentId unique id, e.g. {@code BTCUSDT.BINANCE}
 * @param symbol the venue's symbol
 * @param venue the trading venue
 * @param assetClass e.g. {@code CRYPTO}, {@code FX}, {@code EQUITY}
 * @param currency quote currency
 * @param tickSize minimum price increment, trailing zeros removed ({@code "0.01"})
 * @param lotSize minimum size increment, trailing zeros removed ({@code "0.001"})
 * @param tradingHours free-form trading hours, or {@code null}
 * @param active whether the instrument trades
 */
public record InstrumentRow(
    String instrumentId,
    String symbol,
    String venue,
    String assetClass,
    String currency,
    String tickSize,
    String lotSize,
    String tradingHours,
    boolean active) {

  /** The JSON item of {@code GET /api/v1/instruments}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("instrumentId", instrumentId)
        .put("symbol", symbol)
        .put("venue", venue)
        .put("assetClass", assetClass)
        .put("currency", currency)
        .put("tickSize", tickSize)
        .put("lotSize", lotSize)
        .put("tradingHours", tradingHours)
        .put("active", active);
  }
}
