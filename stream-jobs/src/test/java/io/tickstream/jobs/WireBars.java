package io.tickstream.jobs;

import io.tickstream.schemas.avro.Bar;
import java.math.BigDecimal;

/** Wire bars for stage tests: 1 s bars of one instrument with a given close. */
final class WireBars {
  /** A minute-aligned instant, in epoch milliseconds. */
  static final long T0 = 28_333_333L * 60_000;

  private WireBars() {}

  /** The {@code index}-th 1 s bar after T0, closing at {@code close}, high/low ±1. */
  static Bar bar(String instrument, int index, double close, int revision) {
    long start = (T0 + index * 1_000L) * 1_000_000L;
    BigDecimal c = BigDecimal.valueOf(close).setScale(8, java.math.RoundingMode.HALF_EVEN);
    return Bar.newBuilder()
        .setInstrumentId(instrument)
        .setSpec("1s")
        .setStart(start)
        .setEnd(start + 1_000_000_000L)
        .setOpen(c)
        .setHigh(c.add(BigDecimal.ONE))
        .setLow(c.subtract(BigDecimal.ONE))
        .setClose(c)
        .setVolume(BigDecimal.TEN.setScale(8))
        .setTradeCount(3)
        .setVwap(c)
        .setRevision(revision)
        .setTsEvent(start + 1_000_000_000L)
        .setTsInit(0)
        .build();
  }

  /** Flink event time of the bar as emitted by the bar operator: end − 1 ms. */
  static long timestamp(Bar bar) {
    return bar.getEnd() / 1_000_000L - 1;
  }
}
