package io.tickstream.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvLineTest {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void textIsQuotedNullIsEmptyAndTimesAreMicroseconds() {
    CopyBuffer out = new CopyBuffer(4);
    new CsvLine(out)
        .text("say \"hi\", ok")
        .text(null)
        .text("")
        .decimal(new BigDecimal("1E+3").setScale(8))
        .integer(-5)
        .integer(7)
        .bool(true)
        .epochNanos(1_700_000_000_123_456_789L)
        .epochNanos(-1L)
        .end();
    assertThat(out)
        .hasToString(
            "\"say \"\"hi\"\", ok\",,\"\",1000.00000000,-5,7,t,"
                + "2023-11-14T22:13:20.123456Z,1969-12-31T23:59:59.999999Z\n");
  }

  @Test
  void nonAsciiTextIsUtf8AndStillQuoted() {
    CopyBuffer out = new CopyBuffer(4);
    new CsvLine(out).text("Zürich \"€\" 😀").bytes(new byte[] {0, (byte) 0xff}).end();
    assertThat(out).hasToString("\"Zürich \"\"€\"\" 😀\",\\x00ff\n");
  }

  @Test
  void timesMatchJavaTimeOverTheWholeRangeOfEpochNanos() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      long nanos = i < 2 ? (i == 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong();
      CopyBuffer out = new CopyBuffer(8);
      new CsvLine(out).epochNanos(nanos);
      Instant expected = Instant.EPOCH.plus(Math.floorDiv(nanos, 1_000L), ChronoUnit.MICROS);
      assertThat(out).hasToString(MICROS.format(expected));
    }
  }

  @Test
  void decimalsAreWrittenAsToPlainStringWrites() {
    SplittableRandom random = new SplittableRandom(11);
    List<BigDecimal> values =
        new ArrayList<>(
            List.of(
                BigDecimal.ZERO,
                new BigDecimal("0.00000000"),
                new BigDecimal("-0.00000001"),
                new BigDecimal("999999999999999999"),
                new BigDecimal("-99999999999.99999999"),
                new BigDecimal("12345678901234567890.12345678"),
                new BigDecimal("1E+3"),
                new BigDecimal("1.5E-20")));
    for (int i = 0; i < 100_000; i++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      values.add(BigDecimal.valueOf(unscaled, random.nextInt(-3, 22)));
    }
    for (BigDecimal value : values) {
      CopyBuffer out = new CopyBuffer(8);
      new CsvLine(out).decimal(value);
      assertThat(out).as("%s", value).hasToString(value.toPlainString());
    }
  }
}
