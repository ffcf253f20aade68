package io.tickstream.execution.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tickstream.execution.metrics.EquityPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquityRecorderTest {

  @Test
  void curveGivesBackEveryValueWithItsScaleIncludingOnesWiderThanALong() {
    BigDecimal[] values = {
      new BigDecimal("1000000"),
      new BigDecimal("1000000.00000000"),
      new BigDecimal("999990.12345678"),
      new BigDecimal("123456789012345678901234.5"), // 25 digits: does not fit in a long
      new BigDecimal("5.10"),
      new BigDecimal("1E+3"),
      new BigDecimal("999999999999999999") // 18 digits: the widest kept as a long
    };
    EquityRecorder recorder = new EquityRecorder();
    List<BigDecimal> expected = new ArrayList<>();
    long ts = 0;
    // Each value twice in a row (the same object, as for flat bars), over more points than the
    // first array size so that growing is exercised with wide values present.
    for (int round = 0; round < 200; round++) {
      for (BigDecimal v : values) {
        recorder.add(ts++, v, null);
        recorder.add(ts++, v, null);
        expected.add(v);
        expected.add(v);
      }
    }
    List<EquityPoint> curve = recorder.curve();
    assertEquals(expected.size(), curve.size());
    for (int i = 0; i < curve.size(); i++) {
      // equals, not compareTo: the scale must survive too.
      assertEquals(expected.get(i), curve.get(i).value(), "point " + i);
      assertEquals(i, curve.get(i).tsEvent());
    }
  }
}
