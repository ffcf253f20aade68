package io.tickstream.infra.parity;

import io.tickstream.execution.backtest.source.HistoricalTrade;
import io.tickstream.schemas.avro.TradeTick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded trades of the parity test, grouped by bar: every instrument trades 10 to 30 times in each
 * one-minute bar, at millisecond times strictly inside the bar, on a random walk with regime
 * changes (so a moving-average crossover trades several times), 250 to 2,250 units a trade (a
 * liquid market: an order of the test's size fits in half of one trade). Prices and sizes carry 8
 * decimal places, as on the wire.
 */
final class SeededTrades {
  static final long BAR_NANOS = 60_000_000_000L;

  private final List<List<TradeTick>> bars = new ArrayList<>();

  SeededTrades(long seed, long startNanos, int barCount, List<String> instruments) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] price = new double[instruments.size()];
    java.util.Arrays.fill(price, 100);
    int serial = 0;
    for (int b = 0; b < barCount; b++) {
      long barStart = startNanos + b * BAR_NANOS;
      // A trend that flips every 6 to 12 bars gives the crossover something to follow.
      List<TradeTick> ticks = new ArrayList<>();
      for (int i = 0; i < instruments.size(); i++) {
        double drift = Math.sin((b + 7.0 * i) / (6 + 3 * i)) * 0.0015;
        int n = 10 + random.nextInt(21);
        for (int k = 0; k < n; k++) {
          price[i] *= 1 + drift / n + random.nextGaussian() * 0.0008;
          // Strictly inside the bar: a trade stamped exactly at a bar's start is where live and
          // backtest differ (see LiveBacktestParityIT, "Known differences").
          long ts = barStart + (1 + random.nextLong(59_999)) * 1_000_000L;
          ticks.add(
              TradeTick.newBuilder()
                  .setInstrumentId(instruments.get(i))
                  .setPrice(decimal(price[i], 2))
                  .setSize(decimal(250 + random.nextDouble() * 2000, 3))
                  .setTradeId("t" + serial++)
                  .setTsEvent(ts)
                  .setTsInit(ts)
                  .build());
        }
      }
      ticks.sort(Comparator.comparingLong(TradeTick::getTsEvent));
      bars.add(List.copyOf(ticks));
    }
  }

  private static BigDecimal decimal(double v, int places) {
    return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).setScale(8);
  }

  /** The trades of bar {@code index}, in time order. */
  List<TradeTick> bar(int index) {
    return bars.get(index);
  }

  int barCount() {
    return bars.size();
  }

  int size() {
    return bars.stream().mapToInt(List::size).sum();
  }

  /** Every trade in time order, as the backtest reads them. */
  List<HistoricalTrade> historical() {
    List<HistoricalTrade> out = new ArrayList<>();
    for (List<TradeTick> bar : bars) {
      for (TradeTick t : bar) {
        out.add(
            new HistoricalTrade(t.getInstrumentId(), t.getTsEvent(), t.getPrice(), t.getSize()));
      }
    }
    return out;
  }
}
