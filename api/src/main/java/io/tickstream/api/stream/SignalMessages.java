package io.tickstream.api.stream;

import io.tickstream.schemas.Topics;
import io.tickstream.schemas.avro.Signal;
import io.vertx.core.json.JsonObject;

/** The {@code signals} channel: {@code signals} values, named as in the signals route. */
public final class SignalMessages {
  private SignalMessages() {}

  /** The channel; market data, so not per account. */
  public static StreamChannel<Signal> channel() {
    return new StreamChannel<>(
        "signals", Topics.SIGNALS, SignalMessages::toJson, Signal::getInstrumentId, null);
  }

  /** A signal as JSON: ISO times, the bar it was computed on and its revision. */
  public static JsonObject toJson(Signal s) {
    return new JsonObject()
        .put("signalId", s.getSignalId())
        .put("instrumentId", s.getInstrumentId())
        .put("strategyId", s.getStrategyId())
        .put("direction", s.getDirection().name())
        .put("strength", s.getStrength())
        .put("reason", s.getReason())
        .put("barSpec", s.getBarSpec())
        .put("barStart", EpochNanos.iso(s.getBarStart()))
        .put("barEnd", EpochNanos.iso(s.getBarEnd()))
        .put("revision", s.getRevision())
        .put("tsEvent", EpochNanos.iso(s.getTsEvent()))
        .put("tsInit", EpochNanos.iso(s.getTsInit()));
  }
}
