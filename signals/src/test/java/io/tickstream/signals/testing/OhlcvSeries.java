package io.tickstream.signals.testing;

import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/** A bar series as parallel arrays, fed identically to our indicators and to ta4j. */
public record OhlcvSeries(
    String name,
    long[] start,
    long barNanos,
    double[] open,
    double[] high,
    double[] low,
    double[] close,
    double[] volume) {

  @Override
  public String toString() {
    return name + " (" + size() + " bars)";
  }

  public int size() {
    return close.length;
  }

  /** The same bars in a ta4j series of {@link DoubleNum}, so the reference computes in doubles. */
  public BarSeries toTa4j() {
    BarSeries series =
        new BaseBarSeriesBuilder().withName(name).withNumTypeOf(DoubleNum.class).build();
    for (int i = 0; i < size(); i++) {
      series.addBar(endTime(i), open[i], high[i], low[i], close[i], volume[i]);
    }
    return series;
  }

  public ZonedDateTime endTime(int i) {
    long end = start[i] + barNanos;
    return ZonedDateTime.ofInstant(
        Instant.ofEpochSecond(
            Math.floorDiv(end, 1_000_000_000L), Math.floorMod(end, 1_000_000_000L)),
        ZoneOffset.UTC);
  }

  /** The bars as our {@link Bar} records (prices via {@link BigDecimal#valueOf(double)}). */
  public List<Bar> toBars(String instrumentId, String spec) {
    List<Bar> bars = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      bars.add(
          new Bar(
              instrumentId,
              spec,
              start[i],
              start[i] + barNanos,
              BigDecimal.valueOf(open[i]),
              BigDecimal.valueOf(high[i]),
              BigDecimal.valueOf(low[i]),
              BigDecimal.valueOf(close[i]),
              BigDecimal.valueOf(volume[i]),
              1,
              BigDecimal.valueOf(close[i]),
              0));
    }
    return bars;
  }
}
