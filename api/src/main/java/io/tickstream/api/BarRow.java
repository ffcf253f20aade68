package io.tickstream.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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

  private static final SerializedString START = new SerializedString("start");
  private static final SerializedString END = new SerializedString("end");
  private static final SerializedString OPEN = new SerializedString("open");
  private static final SerializedString HIGH = new SerializedString("high");
  private static final SerializedString LOW = new SerializedString("low");
  private static final SerializedString CLOSE = new SerializedString("close");
  private static final SerializedString VOLUME = new SerializedString("volume");
  private static final SerializedString TRADE_COUNT = new SerializedString("tradeCount");
  private static final SerializedString VWAP = new SerializedString("vwap");
  private static final SerializedString REVISION = new SerializedString("revision");

  /**
   * Writes the JSON item of {@code GET /api/v1/bars/{instrumentId}}. Field names are pre-encoded
   * and times go through {@link IsoInstant}: a page writes this up to thousands of times.
   */
  void write(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeFieldName(START);
    IsoInstant.write(json, start);
    json.writeFieldName(END);
    IsoInstant.write(json, end);
    json.writeFieldName(OPEN);
    json.writeString(open);
    json.writeFieldName(HIGH);
    json.writeString(high);
    json.writeFieldName(LOW);
    json.writeString(low);
    json.writeFieldName(CLOSE);
    json.writeString(close);
    json.writeFieldName(VOLUME);
    json.writeString(volume);
    json.writeFieldName(TRADE_COUNT);
    json.writeNumber(tradeCount);
    json.writeFieldName(VWAP);
    json.writeString(vwap);
    json.writeFieldName(REVISION);
    json.writeNumber(revision);
    json.writeEndObject();
  }
}
