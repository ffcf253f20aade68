package io.tickstream.bench.indicators;

import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * The benchmark series: a seeded geometric random walk of one-minute bars with wicks and volume,
 * held as arrays (for indicator updates), end times (for ta4j) and {@link Bar}s (for strategies).
 */
public final class BenchSeries {
  static final long MINUTE = 60_000_000_000L;

  final int size;
  final long[] start;
  final ZonedDateTime[] end;
  final double[] open;
  final double[] high;
  final double[] low;
  final double[] close;
  final double[] volume;
  final Bar[] bars;

  BenchSeries(int size, long seed) {
    this.size = size;
    start = new long[size];
    end = new ZonedDateTime[size];
    open = new double[size];
    high = new double[size];
    low = new double[size];
    close = new double[size];
    volume = new double[size];
    bars = new Bar[size];
    Random rnd = new Random(seed);
    double price = 100.0;
    for (int i = 0; i < size; i++) {
      start[i] = 1_700_000_000_000_000_000L + i * MINUTE;
      end[i] = ZonedDateTime.ofInstant(Instant.ofEpochSecond(0, start[i] + MINUTE), ZoneOffset.UTC);
      // Prices on a 0.0001 tick and volumes to 0.01, like real market data: the doubles below
      // are exactly what converting the Bar's BigDecimals gives, so both sides see equal inputs.
      open[i] = tick(price, 4);
      price *= Math.exp(0.002 * rnd.nextGaussian());
      close[i] = tick(price, 4);
      high[i] = tick(Math.max(open[i], close[i]) * (1 + 0.001 * Math.abs(rnd.nextGaussian())), 4);
      low[i] = tick(Math.min(open[i], close[i]) * (1 - 0.001 * Math.abs(rnd.nextGaussian())), 4);
      volume[i] = tick(Math.exp(6 + rnd.nextGaussian()), 2);
      bars[i] =
          new Bar(
              "BENCH.SIM",
              "1m",
              start[i],
              start[i] + MINUTE,
              decimal(open[i], 4),
              decimal(high[i], 4),
              decimal(low[i], 4),
              decimal(close[i], 4),
              decimal(volume[i], 2),
              1,
              decimal(close[i], 4),
              0);
    }
  }

  private static BigDecimal decimal(double x, int scale) {
    return BigDecimal.valueOf(x).setScale(scale, RoundingMode.HALF_EVEN);
  }

  private static double tick(double x, int scale) {
    return decimal(x, scale).doubleValue();
  }
}
