package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvLineTest {

  @Test
  void textIsQuotedNullIsEmptyAndTimesAreMicroseconds() {
    StringBuilder out = new StringBuilder();
    new CsvLine(out)
        .text("say \"hi\", ok")
        .text(null)
        .text("")
        .decimal(new BigDecimal("1E+3").setScale(8))
        .integer(-5)
        .bool(true)
        .epochNanos(1_700_000_000_123_456_789L)
        .epochNanos(-1L)
        .end();
    assertThat(out)
        .hasToString(
            "\"say \"\"hi\"\", ok\",,\"\",1000.00000000,-5,t,"
                + "2023-11-14T22:13:20.123456Z,1969-12-31T23:59:59.999999Z\n");
  }
}
