package io.tickstream.signals.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BarAccumulatorTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void openAndCloseFollowEventTimeNotArrival() {
    BarAccumulator acc = new BarAccumulator();
    acc.add(30, d("103"), d("1"));
    acc.add(10, d("100"), d("2")); // earliest, arrives second
    acc.add(50, d("99"), d("1")); // latest
    acc.add(20, d("105"), d("1"));
    Bar bar = acc.toBar("X.V", "1m", 0, 60, 0);
    assertThat(bar.open()).isEqualByComparingTo("100");
    assertThat(bar.close()).isEqualByComparingTo("99");
    assertThat(bar.high()).isEqualByComparingTo("105");
    assertThat(bar.low()).isEqualByComparingTo("99");
    assertThat(bar.volume()).isEqualByComparingTo("5");
    assertThat(bar.tradeCount()).isEqualTo(4);
    // (103 + 200 + 99 + 105) / 5 = 101.4
    assertThat(bar.vwap()).isEqualByComparingTo("101.4");
  }

  @Test
  void anyArrivalOrderGivesTheSameBar() {
    long[] ts = {5, 1, 9, 3, 7};
    String[] px = {"10", "11", "12", "9", "10.5"};
    BarAccumulator inOrder = new BarAccumulator();
    for (int i : new int[] {1, 3, 0, 4, 2}) {
      inOrder.add(ts[i], d(px[i]), BigDecimal.ONE);
    }
    BarAccumulator shuffled = new BarAccumulator();
    for (int i : new int[] {2, 0, 4, 1, 3}) {
      shuffled.add(ts[i], d(px[i]), BigDecimal.ONE);
    }
    assertThat(shuffled.toBar("X.V", "1m", 0, 60, 0))
        .isEqualTo(inOrder.toBar("X.V", "1m", 0, 60, 0));
  }

  @Test
  void aFirstTradeAtTheLargestTimestampStillSetsTheOpen() {
    Bar bar = new BarAccumulator().add(Long.MAX_VALUE, d("7"), d("1")).toBar("X.V", "s", 0, 1, 0);
    assertThat(bar.open()).isEqualByComparingTo("7");
  }

  @Test
  void reviseFoldsALateTradeAndBumpsTheRevision() {
    BarAccumulator acc = new BarAccumulator();
    acc.add(20, d("10"), d("1"));
    acc.add(40, d("12"), d("1"));
    Bar first = acc.toBar("X.V", "1m", 0, 60, 0);

    Bar revised = acc.revise(first, 5, d("8"), d("2")); // earlier than the open, a new low
    assertThat(revised.revision()).isEqualTo(1);
    assertThat(revised.open()).isEqualByComparingTo("8");
    assertThat(revised.close()).isEqualByComparingTo("12");
    assertThat(revised.low()).isEqualByComparingTo("8");
    assertThat(revised.volume()).isEqualByComparingTo("4");
    assertThat(revised.tradeCount()).isEqualTo(3);
    assertThat(revised.vwap()).isEqualByComparingTo("9.5"); // (10 + 12 + 16) / 4

    Bar again = acc.revise(revised, 59, d("13"), d("1"));
    assertThat(again.revision()).isEqualTo(2);
    assertThat(again.close()).isEqualByComparingTo("13");
  }

  @Test
  void reviseRejectsATradeOutsideTheBar() {
    BarAccumulator acc = new BarAccumulator().add(20, d("10"), d("1"));
    Bar bar = acc.toBar("X.V", "1m", 0, 60, 0);
    assertThatThrownBy(() -> acc.revise(bar, 60, d("1"), d("1")))
        .hasMessageContaining("outside bar [0, 60)");
    assertThat(acc.count()).isEqualTo(1);
  }
}
