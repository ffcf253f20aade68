package io.tickstream.signals.bars;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstream.signals.bars.TimeBarAggregator.Outcome.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeBarAggregatorTest {
  private static final long M = 60_000_000_000L;

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void emitsBarsWhenTheWatermarkPassesTheirEndInStartOrder() {
    TimeBarAggregator agg = new TimeBarAggregator("X.V", TimeBarSpec.parse("1m"), 0);
    agg.add(M + 5, d("11"), d("1")); // second minute arrives first
    agg.add(10, d("10"), d("1"));
    agg.add(M - 1, d("10.5"), d("1")); // last nanosecond of the first minute
    assertThat(agg.advanceWatermark(M - 1)).isEmpty();
    List<Bar> bars = agg.advanceWatermark(2 * M);
    assertThat(bars).extracting(Bar::start).containsExactly(0L, M);
    assertThat(bars.get(0).end()).isEqualTo(M);
    assertThat(bars.get(0).close()).isEqualByComparingTo("10.5");
    assertThat(bars.get(0).tradeCount()).isEqualTo(2);
    assertThat(bars.get(1).tradeCount()).isEqualTo(1);
  }

  @Test
  void aLateTradeWithinTheAllowedLatenessRevisesTheClosedBar() {
    TimeBarAggregator agg = new TimeBarAggregator("X.V", TimeBarSpec.parse("1m"), M);
    agg.add(10, d("10"), d("1"));
    agg.add(20, d("12"), d("3"));
    Bar first = agg.advanceWatermark(M).get(0);
    assertThat(first.revision()).isZero();

    TimeBarAggregator.Outcome late = agg.add(5, d("9"), d("4"));
    assertThat(late.kind()).isEqualTo(Kind.REVISED);
    Bar revised = late.revised();
    assertThat(revised.revision()).isEqualTo(1);
    assertThat(revised.open()).isEqualByComparingTo("9");
    assertThat(revised.close()).isEqualByComparingTo("12");
    assertThat(revised.low()).isEqualByComparingTo("9");
    assertThat(revised.volume()).isEqualByComparingTo("8");
    assertThat(revised.vwap()).isEqualByComparingTo("10.25"); // (10 + 36 + 36) / 8

    assertThat(agg.add(15, d("11"), d("1")).revised().revision()).isEqualTo(2);
  }

  @Test
  void aTradeBeyondTheAllowedLatenessIsReportedDroppedAndStateIsForgotten() {
    TimeBarAggregator agg = new TimeBarAggregator("X.V", TimeBarSpec.parse("1m"), M);
    agg.add(10, d("10"), d("1"));
    agg.advanceWatermark(M);
    assertThat(agg.retainedBars()).isEqualTo(1);
    agg.advanceWatermark(2 * M); // end + lateness reached
    assertThat(agg.retainedBars()).isZero();
    assertThat(agg.add(11, d("10"), d("1")).kind()).isEqualTo(Kind.DROPPED);
  }

  @Test
  void aLateFirstTradeOfAnEmptyIntervalIsItsFirstEmission() {
    TimeBarAggregator agg = new TimeBarAggregator("X.V", TimeBarSpec.parse("1m"), 5 * M);
    agg.advanceWatermark(2 * M);
    TimeBarAggregator.Outcome o = agg.add(M + 1, d("10"), d("1"));
    assertThat(o.kind()).isEqualTo(Kind.REVISED);
    assertThat(o.revised().revision()).isZero();
    assertThat(o.revised().start()).isEqualTo(M);
  }

  @Test
  void onTimeTradesStayOpen() {
    TimeBarAggregator agg = new TimeBarAggregator("X.V", TimeBarSpec.parse("1s"), 0);
    assertThat(agg.add(1, d("1"), d("1")).kind()).isEqualTo(Kind.OPEN);
  }
}
