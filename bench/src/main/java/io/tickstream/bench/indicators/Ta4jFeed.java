package io.tickstream.bench.indicators;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/** The honest ta4j streaming path: a bounded DoubleNum series, one addBar per bar. */
final class Ta4jFeed {
  private Ta4jFeed() {}

  static BarSeries series() {
    return new BaseBarSeriesBuilder()
        .withNumTypeOf(DoubleNum.class)
        .withMaxBarCount(IndicatorCase.TA4J_MAX_BARS)
        .build();
  }

  static void add(BarSeries series, BenchSeries s, int i) {
    series.addBar(s.end[i], s.open[i], s.high[i], s.low[i], s.close[i], s.volume[i]);
  }

  static double last(Indicator<Num> indicator, BarSeries series) {
    return indicator.getValue(series.getEndIndex()).doubleValue();
  }
}
