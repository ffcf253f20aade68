package io.tickstream.signals.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tick, volume, dollar, range and Renko bars on hand-computed trade sequences. */
class InformationBarsTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void tickBarsCloseEveryNTrades() {
    ThresholdBarAggregator agg = ThresholdBarAggregator.ticks("X.V", 3);
    assertThat(agg.add(1, d("10"), d("1"))).isEmpty();
    assertThat(agg.add(2, d("12"), d("1"))).isEmpty();
    Bar bar = agg.add(3, d("11"), d("2")).orElseThrow();
    assertThat(bar.spec()).isEqualTo("tick-3");
    assertThat(bar.start()).isEqualTo(1);
    assertThat(bar.end()).isEqualTo(4);
    assertThat(bar.open()).isEqualByComparingTo("10");
    assertThat(bar.high()).isEqualByComparingTo("12");
    assertThat(bar.close()).isEqualByComparingTo("11");
    assertThat(bar.vwap()).isEqualByComparingTo("11"); // (10 + 12 + 22) / 4
    assertThat(agg.add(4, d("9"), d("1"))).isEmpty(); // a fresh bar
  }

  @Test
  void volumeBarsKeepTheCrossingTradeWhole() {
    ThresholdBarAggregator agg = ThresholdBarAggregator.volume("X.V", d("10"));
    assertThat(agg.add(1, d("100"), d("4"))).isEmpty();
    Bar bar = agg.add(2, d("101"), d("7")).orElseThrow(); // 11 ≥ 10, not split
    assertThat(bar.volume()).isEqualByComparingTo("11");
    assertThat(bar.spec()).isEqualTo("volume-10");
    assertThat(agg.pending()).isEqualByComparingTo("0");
  }

  @Test
  void dollarBarsSumPriceTimesSize() {
    ThresholdBarAggregator agg = ThresholdBarAggregator.dollars("X.V", d("1000"));
    assertThat(agg.add(1, d("100"), d("5"))).isEmpty(); // 500
    assertThat(agg.add(2, d("120"), d("4"))).isEmpty(); // 980
    Bar bar = agg.add(3, d("10"), d("2")).orElseThrow(); // 1000
    assertThat(bar.tradeCount()).isEqualTo(3);
    assertThat(bar.spec()).isEqualTo("dollar-1000");
  }

  @Test
  void thresholdsMustBePositiveAndTicksWhole() {
    assertThatThrownBy(() -> ThresholdBarAggregator.volume("X.V", d("0")))
        .hasMessageContaining("must be > 0");
    assertThatThrownBy(
            () -> new ThresholdBarAggregator("X.V", ThresholdBarAggregator.Measure.TICKS, d("1.5")))
        .hasMessageContaining("whole number");
  }

  @Test
  void rangeBarsCloseBeforeTheTradeThatWouldExceedTheRange() {
    RangeBarAggregator agg = new RangeBarAggregator("X.V", d("1.0"));
    assertThat(agg.add(1, d("10.0"), d("1"))).isEmpty();
    assertThat(agg.add(2, d("10.6"), d("1"))).isEmpty();
    assertThat(agg.add(3, d("9.6"), d("1"))).isEmpty(); // range exactly 1.0: still inside
    Optional<Bar> closed = agg.add(4, d("10.7"), d("1")); // would make 1.1
    Bar bar = closed.orElseThrow();
    assertThat(bar.high()).isEqualByComparingTo("10.6");
    assertThat(bar.low()).isEqualByComparingTo("9.6");
    assertThat(bar.close()).isEqualByComparingTo("9.6");
    assertThat(bar.tradeCount()).isEqualTo(3);
    assertThat(bar.end()).isEqualTo(4);
    Bar next = agg.flush().orElseThrow(); // the new bar holds the 10.7 trade
    assertThat(next.open()).isEqualByComparingTo("10.7");
    assertThat(next.start()).isEqualTo(4);
    assertThat(agg.flush()).isEmpty();
  }

  @Test
  void renkoDrawsBricksAndNeedsTwoBricksToReverse() {
    RenkoBarAggregator agg = new RenkoBarAggregator("X.V", d("1"));
    List<Bar> bricks = new ArrayList<>();
    bricks.addAll(agg.add(1, d("100"), d("1"))); // reference
    bricks.addAll(agg.add(2, d("100.9"), d("1")));
    assertThat(bricks).isEmpty();
    bricks.addAll(agg.add(3, d("101.2"), d("2"))); // up 100 → 101
    assertThat(bricks).hasSize(1);
    Bar up = bricks.get(0);
    assertThat(up.open()).isEqualByComparingTo("100");
    assertThat(up.close()).isEqualByComparingTo("101");
    assertThat(up.volume()).isEqualByComparingTo("4"); // the three trades so far
    assertThat(up.tradeCount()).isEqualTo(3);

    assertThat(agg.add(4, d("99.5"), d("1"))).isEmpty(); // only 1.5 below the top: no reversal
    List<Bar> down = agg.add(5, d("98.9"), d("1")); // ≤ bottom (100) − 1: down 100 → 99
    assertThat(down).hasSize(1);
    assertThat(down.get(0).open()).isEqualByComparingTo("100");
    assertThat(down.get(0).close()).isEqualByComparingTo("99");
    assertThat(down.get(0).volume()).isEqualByComparingTo("2");

    List<Bar> jump = agg.add(6, d("95.5"), d("3")); // three more down bricks: 98, 97, 96
    assertThat(jump)
        .extracting(Bar::close)
        .map(BigDecimal::toPlainString)
        .containsExactly("98", "97", "96");
    assertThat(jump.get(0).volume()).isEqualByComparingTo("3");
    assertThat(jump.get(1).volume()).isEqualByComparingTo("0");
    assertThat(jump.get(2).tradeCount()).isEqualTo(1);
    assertThat(agg.spec()).isEqualTo("renko-1");
  }
}
