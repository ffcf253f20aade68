package io.tickstream.signals.testing;

import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Hand-written one-minute bars. */
public final class TestBars {
  public static final long MINUTE = 60_000_000_000L;

  private TestBars() {}

  /** Bars whose open, high, low and close are all the given close; volume 1. */
  public static List<Bar> closes(double... closes) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      bars.add(bar(i * MINUTE, MINUTE, closes[i], closes[i], closes[i], closes[i], 1));
    }
    return bars;
  }

  /** Bars from rows of {open, high, low, close, volume}. */
  public static List<Bar> ohlcv(double[]... rows) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      double[] r = rows[i];
      bars.add(bar(i * MINUTE, MINUTE, r[0], r[1], r[2], r[3], r[4]));
    }
    return bars;
  }

  public static Bar bar(long start, long length, double o, double h, double l, double c, double v) {
    return new Bar(
        "TEST.VENUE",
        length == MINUTE ? "1m" : "1h",
        start,
        start + length,
        BigDecimal.valueOf(o),
        BigDecimal.valueOf(h),
        BigDecimal.valueOf(l),
        BigDecimal.valueOf(c),
        BigDecimal.valueOf(v),
        1,
        BigDecimal.valueOf(c),
        0);
  }
}
