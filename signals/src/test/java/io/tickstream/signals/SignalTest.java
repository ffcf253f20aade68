package io.tickstream.signals;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.signals.testing.TestBars;
import org.junit.jupiter.api.Test;

class SignalTest {
  @Test
  void strengthMustBeWithinZeroAndOne() {
    var bar = TestBars.closes(1).get(0);
    assertThatThrownBy(() -> Signal.of(bar, "s", Direction.LONG, 1.5, "r"))
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> Signal.of(bar, "s", Direction.LONG, Double.NaN, "r"))
        .hasMessageContaining("[0, 1]");
  }
}
