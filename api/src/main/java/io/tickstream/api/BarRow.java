package io.tickstream.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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

  /** Writes the JSON item of {@code GET /api/v1/bars/{instrumentId}}. */
  void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("start", start.toString());
    json.writeStringField("end", end.toString());
    json.writeStringField("open", open);
    json.writeStringField("high", high);
    json.writeStringField("low", low);
    json.writeStringField("close", close);
    json.writeStringField("volume", volume);
    json.writeNumberField("tradeCount", tradeCount);
    json.writeStringField("vwap", vwap);
    json.writeNumberField("revision", revision);
    json.writeEndObject();
  }
}
