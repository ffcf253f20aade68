package io.tickstream.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rounding down to lots: hand-computed edge cases, value and scale (equals, not compareTo). */
class PrecisionTest {

  @ParameterizedTest(name = "{0} down to a multiple of {1} is {2}")
  @CsvSource({
    // scale of n larger than the lot's: truncated, not rounded
    "12.3456, 0.01, 12.34",
    "12.3499, 0.01, 12.34",
    "7.9, 1, 7",
    "0.0009, 0.001, 0.000",
    // negative: towards zero, not towards minus infinity
    "-12.3456, 0.01, -12.34",
    "-7.9, 1, -7",
    "-0.0009, 0.001, 0.000",
    // exact multiples stay, at the lot's scale
    "5.00, 0.01, 5.00",
    "-3, 1, -3",
    "1.500, 0.001, 1.500",
    // scale of n smaller than the lot's: padded with zeros
    "5, 0.001, 5.000",
    "12.3, 0.01, 12.30",
    // zero, at the lot's scale
    "0, 0.01, 0.00",
    "0.000, 1, 0",
    // a lot of 1E+1 (ten, scale -1): 123 -> 120 written 1.2E+2
    "123, 1E+1, 1.2E+2",
    "-129.99, 1E+1, -1.2E+2",
    // lots that are not a power of ten divide: 7.3 -> 14 halves = 7.0
    "7.3, 0.5, 7.0",
    "-7.3, 0.5, -7.0",
    "99, 25, 75",
    // a power of ten written with a trailing zero (unscaled 10) divides too: 12.34 / 0.10 -> 123
    "12.34, 0.10, 12.30",
  })
  void roundsDownTowardsZeroToTheLotScale(String n, String lot, String expected) {
    assertThat(Precision.roundDownToMultiple(new BigDecimal(n), new BigDecimal(lot)))
        .isEqualTo(new BigDecimal(expected));
  }

  @Test
  void equalsTheDivisionForEveryScaleAndSign() {
    // The division this replaces for powers of ten, as the reference: trunc(n / lot) * lot.
    List<String> lots = List.of("1", "0.1", "0.01", "0.001", "0.00000001", "1E+1", "1E+3");
    long[] unscaled = {0, 1, -1, 5, -5, 9, 10, 99, 100, 101, -101, 123_456_789, -987_654_321};
    for (String l : lots) {
      BigDecimal lot = new BigDecimal(l);
      for (long u : unscaled) {
        for (int scale = -3; scale <= 12; scale++) {
          BigDecimal n = BigDecimal.valueOf(u, scale);
          BigDecimal reference = n.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
          assertThat(Precision.roundDownToMultiple(n, lot))
              .as("%s down to a multiple of %s", n, lot)
              .isEqualTo(reference);
        }
      }
    }
  }
}
