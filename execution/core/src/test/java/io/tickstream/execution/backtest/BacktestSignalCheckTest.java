package io.tickstream.execution.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.Direction;
import io.tickstream.signals.Signal;
import io.tickstream.signals.bars.Bar;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The check that lets a backtest forget client order ids: every signal is of its bar's instrument
 * and ends strictly after the instrument's previous one.
 */
class BacktestSignalCheckTest {

  private static final long MINUTE = 60_000_000_000L;
  private static final long T0 = 1_704_067_200_000_000_000L;

  private static Bar bar(String instrumentId, long start) {
    BigDecimal p = new BigDecimal("100.00");
    return new Bar(instrumentId, "1m", start, start + MINUTE, p, p, p, p, BigDecimal.TEN, 1, p, 0);
  }

  private static Signal signal(String instrumentId, long barStart) {
    return new Signal(
        instrumentId, "s1", Direction.LONG, 1.0, "test", "1m", barStart, barStart + MINUTE);
  }

  @Test
  void signalsEndingLaterEachTimeAreAccepted() {
    long end = Backtest.checkSignal(bar("A", T0), signal("A", T0), Long.MIN_VALUE);
    assertThat(end).isEqualTo(T0 + MINUTE);
    // A gap between bars is fine: only "strictly later" matters.
    assertThat(Backtest.checkSignal(bar("A", T0 + 5 * MINUTE), signal("A", T0 + 5 * MINUTE), end))
        .isEqualTo(T0 + 6 * MINUTE);
  }

  @Test
  void aSignalOfAnotherInstrumentIsRefused() {
    assertThatThrownBy(() -> Backtest.checkSignal(bar("A", T0), signal("B", T0), Long.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signal for B on a bar of A");
  }

  @Test
  void aSignalEndingWhenThePreviousOneEndedIsRefused() {
    assertThatThrownBy(() -> Backtest.checkSignal(bar("A", T0), signal("A", T0), T0 + MINUTE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends at " + (T0 + MINUTE))
        .hasMessageContaining("not after the previous signal's end " + (T0 + MINUTE));
  }

  @Test
  void aSignalEndingBeforeThePreviousOneIsRefused() {
    assertThatThrownBy(() -> Backtest.checkSignal(bar("A", T0), signal("A", T0), T0 + 3 * MINUTE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time order");
  }
}
