package io.tickstream.execution.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderShapeRulesTest {

  private static boolean multiple(String n, String increment) {
    return OrderShapeRules.isMultiple(new BigDecimal(n), new BigDecimal(increment));
  }

  @Test
  void powerOfTenIncrementsAcceptValuesOnTheGridWhateverTheirScale() {
    assertThat(multiple("187.25", "0.01")).isTrue();
    assertThat(multiple("187.2", "0.01")).isTrue();
    assertThat(multiple("187.250", "0.01")).isTrue(); // trailing zero beyond the tick
    assertThat(multiple("2.00", "1")).isTrue();
    assertThat(multiple("300", "1E+2")).isTrue();
    assertThat(multiple("3E+2", "100")).isTrue();
  }

  @Test
  void powerOfTenIncrementsRejectValuesOffTheGrid() {
    assertThat(multiple("187.255", "0.01")).isFalse();
    assertThat(multiple("1.5", "1")).isFalse();
    assertThat(multiple("1.50", "1")).isFalse();
    assertThat(multiple("150", "1E+2")).isFalse();
  }

  @Test
  void otherIncrementsUseTheExactRemainder() {
    assertThat(multiple("0.15", "0.05")).isTrue();
    assertThat(multiple("0.17", "0.05")).isFalse();
    assertThat(multiple("12.5", "2.5")).isTrue();
    assertThat(multiple("0.00000003", "0.00000001")).isTrue();
  }

  @Test
  void agreesWithBigDecimalRemainderOnRandomValues() {
    String[] increments = {"0.01", "0.0001", "1", "10", "1E+2", "0.05", "0.25", "5", "0.001"};
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal increment = new BigDecimal(increments[random.nextInt(increments.length)]);
      BigDecimal n = BigDecimal.valueOf(random.nextLong(1, 10_000_000), random.nextInt(-2, 7));
      assertThat(OrderShapeRules.isMultiple(n, increment))
          .as("%s on a grid of %s", n, increment)
          .isEqualTo(n.remainder(increment).signum() == 0);
    }
  }
}
