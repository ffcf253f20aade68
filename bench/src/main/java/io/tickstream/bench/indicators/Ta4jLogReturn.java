package io.tickstream.bench.indicators;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.Num;

/** ln(x / previous x) as a ta4j indicator (ta4j 0.17 has none); 0 at the first index. */
final class Ta4jLogReturn extends CachedIndicator<Num> {
  private final Indicator<Num> indicator;

  Ta4jLogReturn(Indicator<Num> indicator) {
    super(indicator);
    this.indicator = indicator;
  }

  @Override
  protected Num calculate(int index) {
    if (index <= getBarSeries().getBeginIndex()) {
      return zero();
    }
    return indicator.getValue(index).dividedBy(indicator.getValue(index - 1)).log();
  }

  @Override
  public int getUnstableBars() {
    return 1;
  }
}
