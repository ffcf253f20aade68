package io.tickstream.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.bars.Bar;
import io.tickstream.signals.testing.TestBars;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignalTest {
  private static final Bar BAR = TestBars.closes(1).get(0);

  @Test
  void strengthMustBeWithinZeroAndOne() {
    assertThatThrownBy(() -> Signal.of(BAR, "s", Direction.LONG, 1.5, "r"))
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> Signal.of(BAR, "s", Direction.LONG, Double.NaN, "r"))
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void aLazyReasonIsBuiltOnceOnFirstRead() {
    AtomicInteger built = new AtomicInteger();
    Signal s =
        Signal.of(
            BAR,
            "s",
            Direction.LONG,
            0.5,
            () -> {
              built.incrementAndGet();
              return "why";
            });
    assertThat(built).hasValue(0);
    assertThat(s.reason()).isEqualTo("why");
    assertThat(s.reason()).isEqualTo("why");
    assertThat(built).hasValue(1);
  }

  @Test
  void equalityHashAndTextAreTheRecordsWhetherTheReasonIsLazyOrNot() {
    Signal eager = Signal.of(BAR, "s", Direction.SHORT, 0.25, "below the band");
    Signal lazy = Signal.of(BAR, "s", Direction.SHORT, 0.25, () -> "below the " + "band");
    assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
    assertThat(Signal.of(BAR, "s", Direction.SHORT, 0.25, () -> "other")).isNotEqualTo(eager);
    assertThat(Signal.of(BAR, "s", Direction.SHORT, 0.0, "below the band")).isNotEqualTo(eager);
    // The text a record of the same components would print.
    assertThat(lazy)
        .hasToString(
            "Signal[instrumentId="
                + BAR.instrumentId()
                + ", strategyId=s, direction=SHORT, strength=0.25, reason=below the band, barSpec="
                + BAR.spec()
                + ", barStart="
                + BAR.start()
                + ", barEnd="
                + BAR.end()
                + "]");
  }

  @Test
  void aReasonMustHaveText() {
    assertThatThrownBy(() -> Signal.of(BAR, "s", Direction.FLAT, 0.0, (String) null))
        .isInstanceOf(NullPointerException.class);
    Signal empty = Signal.of(BAR, "s", Direction.FLAT, 0.0, () -> null);
    assertThatThrownBy(empty::reason).isInstanceOf(NullPointerException.class);
  }
}
