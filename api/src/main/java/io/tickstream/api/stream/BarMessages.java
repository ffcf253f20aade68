package io.tickstream.api.stream;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Bar;
import io.vertx.core.json.JsonObject;

/** The {@code bars} channel: {@code md.bars} values as the JSON of the bars route. */
public final class BarMessages {
  private BarMessages() {}

  /** The channel. */
  public static StreamChannel<Bar> channel() {
    return new StreamChannel<>(
        "bars", Topics.BARS, BarMessages::toJson, Bar::getInstrumentId, null);
  }

  /** A bar as JSON: ISO times, decimals as plain strings. */
  public static JsonObject toJson(Bar bar) {
    return new JsonObject()
        .put("instrumentId", bar.getInstrumentId())
        .put("spec", bar.getSpec())
        .put("start", EpochNanos.iso(bar.getStart()))
        .put("end", EpochNanos.iso(bar.getEnd()))
        .put("open", bar.getOpen().toPlainString())
        .put("high", bar.getHigh().toPlainString())
        .put("low", bar.getLow().toPlainString())
        .put("close", bar.getClose().toPlainString())
        .put("volume", bar.getVolume().toPlainString())
        .put("tradeCount", bar.getTradeCount())
        .put("vwap", bar.getVwap().toPlainString())
        .put("revision", bar.getRevision());
  }
}
