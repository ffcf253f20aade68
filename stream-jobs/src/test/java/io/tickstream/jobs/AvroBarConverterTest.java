package io.tickstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstream.schemas.avro.Bar;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AvroBarConverterTest {

  @Test
  void decimalsGetExactlyTheWireScaleAndTsEventIsTheEnd() {
    Bar bar = AvroBarConverter.toAvro(bar(new BigDecimal("101.5")), 42L);
    assertThat(bar.getOpen()).isEqualTo(new BigDecimal("100.00000000"));
    assertThat(bar.getHigh()).isEqualTo(new BigDecimal("101.50000000"));
    assertThat(bar.getVolume()).isEqualTo(new BigDecimal("3.00000000"));
    assertThat(bar.getVwap()).isEqualTo(new BigDecimal("100.50000000"));
    assertThat(bar.getTsEvent()).isEqualTo(2_000L);
    assertThat(bar.getTsInit()).isEqualTo(42L);
    assertThat(bar.getRevision()).isEqualTo(1);
  }

  @Test
  void refusesToRoundAValueFinerThanTheWireScale() {
    assertThatThrownBy(() -> AvroBarConverter.toAvro(bar(new BigDecimal("101.123456789")), 0))
        .isInstanceOf(ArithmeticException.class);
  }

  private static io.tickstream.signals.bars.Bar bar(BigDecimal high) {
    return new io.tickstream.signals.bars.Bar(
        "BTCUSD.TEST",
        "1s",
        1_000L,
        2_000L,
        new BigDecimal("100"),
        high,
        new BigDecimal("99"),
        new BigDecimal("100"),
        new BigDecimal("3"),
        3,
        new BigDecimal("100.5"),
        1);
  }
}
