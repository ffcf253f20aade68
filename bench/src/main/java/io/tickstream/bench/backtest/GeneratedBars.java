package io.tickstream.bench.backtest;

import io.tickstream.execution.backtest.source.BarSource;
import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * One instrument's seeded random walk of one-minute bars, held as integer cents (5 longs a bar, so
 * 10 million bars fit in 400 MB) and turned into {@link Bar}s only as a backtest reads them, the
 * way a file or database source would hand them over.
 */
final class GeneratedBars {

  static final long MINUTE = 60_000_000_000L;
  static final long T0 = 1_704_067_200_000_000_000L; // 2024-01-01T00:00Z

  final String instrumentId;
  private final long[] open;
  private final long[] high;
  private final long[] low;
  private final long[] close;
  private final long[] volume;

  /** {@code size} bars of a geometric random walk from 100.00 with 0.1 % per-minute volatility. */
  GeneratedBars(String instrumentId, int size, long seed) {
    this.instrumentId = instrumentId;
    open = new long[size];
    high = new long[size];
    low = new long[size];
    close = new long[size];
    volume = new long[size];
    SplittableRandom rnd = new SplittableRandom(seed);
    double price = 100.0;
    for (int i = 0; i < size; i++) {
      double o = price;
      double c = Math.max(1.0, o * Math.exp(0.001 * gaussian(rnd)));
      double h = Math.max(o, c) * (1 + 0.0005 * rnd.nextDouble());
      double l = Math.min(o, c) * (1 - 0.0005 * rnd.nextDouble());
      open[i] = Math.round(o * 100);
      close[i] = Math.round(c * 100);
      high[i] = Math.max(Math.round(h * 100), Math.max(open[i], close[i]));
      low[i] = Math.max(1, Math.min(Math.round(l * 100), Math.min(open[i], close[i])));
      volume[i] = 1_000 + rnd.nextInt(10_000);
      price = close[i] / 100.0;
    }
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  int size() {
    return close.length;
  }

  /** A fresh cursor; each call builds its bars anew. */
  BarSource source() {
    return new BarSource() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < close.length;
      }

      @Override
      public Bar next() {
        if (next >= close.length) {
          throw new NoSuchElementException();
        }
        int i = next++;
        long start = T0 + i * MINUTE;
        BigDecimal c = BigDecimal.valueOf(close[i], 2);
        return new Bar(
            instrumentId,
            "1m",
            start,
            start + MINUTE,
            BigDecimal.valueOf(open[i], 2),
            BigDecimal.valueOf(high[i], 2),
            BigDecimal.valueOf(low[i], 2),
            c,
            BigDecimal.valueOf(volume[i]),
            1,
            c,
            0);
      }

      @Override
      public void close() {}
    };
  }
}
