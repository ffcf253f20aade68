package io.tickstream.jobs;

import io.tickstream.schemas.avro.AggressorSide;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;

/** Builds trades for tests; decimals get the wire scale of 8. */
final class TradeTicks {
  private static long nextId;

  private TradeTicks() {}

  /** A trade of {@code instrumentId} at {@code tsEventNanos}. */
  static TradeTick trade(String instrumentId, long tsEventNanos, String price, String size) {
    return trade(instrumentId, tsEventNanos, new BigDecimal(price), new BigDecimal(size));
  }

  static synchronized TradeTick trade(
      String instrumentId, long tsEventNanos, BigDecimal price, BigDecimal size) {
    return TradeTick.newBuilder()
        .setInstrumentId(instrumentId)
        .setPrice(price.setScale(8))
        .setSize(size.setScale(8))
        .setAggressorSide(AggressorSide.NO_AGGRESSOR)
        .setTradeId("t" + nextId++)
        .setTsEvent(tsEventNanos)
        .setTsInit(tsEventNanos)
        .build();
  }
}
